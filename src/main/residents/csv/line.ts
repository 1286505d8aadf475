// One line of an imported file to the shape the resident form sends, parsed by the same
// schema (residentInputSchema): an imported resident obeys exactly the rules of one typed by
// hand. Every problem on the line is reported, each as "Ligne N : field — what to do".
import type { z } from 'zod';
import { residentInputSchema } from '../../../shared/contract';
import {
  importFieldLabel,
  importFields,
  type ContactImportKey,
  type ContactNumber,
  type ImportField,
  type ImportMapping,
} from '../../../shared/contract/schemas/import';
import { foldForSearch } from '../../../shared/text';
import type { ResidentFields } from '../rows';
import type { CsvRow } from './parse';
import {
  quote,
  toBoolean,
  toCivilite,
  toGir,
  toIsoDate,
  toLanguage,
  toPostalCode,
  toRole,
  type Converted,
} from './values';

export interface FacilityRef {
  id: number;
  code: string;
  name: string;
}

export interface LineContext {
  mapping: ImportMapping;
  columns: number;
  facilities: FacilityRef[];
  defaultFacilityId: number | null;
}

export type LineResult = { ok: true; resident: ResidentFields } | { ok: false; errors: string[] };

function columnCountError(row: CsvRow, columns: number): string | null {
  const count = row.cells.length;
  if (count < columns) {
    return `${count} colonne${count > 1 ? 's' : ''} au lieu de ${columns} : un séparateur manque ou la ligne est coupée.`;
  }
  // A trailing separator gives empty extra cells: harmless, and common in exports.
  if (row.cells.slice(columns).some((cell) => cell !== '')) {
    return `${count} colonnes au lieu de ${columns} : un séparateur en trop (dans une adresse ?) ; mettez la valeur entre guillemets.`;
  }
  return null;
}

function findFacility(context: LineContext, cell: string): Converted<number> {
  if (cell === '') {
    return context.defaultFacilityId !== null
      ? { ok: true, value: context.defaultFacilityId }
      : {
          ok: false,
          message:
            'vide : indiquez le code ou le nom de l’établissement, ou choisissez un établissement par défaut.',
        };
  }
  const folded = foldForSearch(cell);
  const found = context.facilities.find(
    (f) => foldForSearch(f.code) === folded || foldForSearch(f.name) === folded,
  );
  if (found) return { ok: true, value: found.id };
  const codes = context.facilities.map((f) => f.code).join(', ');
  return {
    ok: false,
    message: `${quote(cell)} n’est pas un établissement de Pli (codes connus : ${codes}).`,
  };
}

/** The field an issue of residentInputSchema is about, as the mapping names it. */
function fieldOfIssue(path: PropertyKey[], contactNumbers: ContactNumber[]): ImportField | null {
  const [first, index, key] = path;
  if (first === 'facilityId') return 'facility';
  if (first === 'contacts' && typeof index === 'number') {
    const id = `contact${contactNumbers[index] ?? 1}.${String(key)}`;
    return importFields.some((f) => f.id === id) ? (id as ImportField) : null;
  }
  return importFields.some((f) => f.id === first) ? (first as ImportField) : null;
}

function issueLabel(path: PropertyKey[], field: ImportField | null): string | null {
  if (field) return importFieldLabel(field);
  if (path[0] === 'contacts') return 'Adresses qui reçoivent les factures';
  return path.length > 0 ? path.map(String).join('.') : null;
}

export function convertLine(row: CsvRow, context: LineContext): LineResult {
  const prefix = `Ligne ${row.line} : `;
  const countError = columnCountError(row, context.columns);
  if (countError) return { ok: false, errors: [prefix + countError] };

  const errors: string[] = [];
  const failed = new Set<ImportField>();
  const cell = (field: ImportField): string => {
    const index = context.mapping.indexOf(field);
    return index < 0 ? '' : (row.cells[index] ?? '');
  };
  const take = <T>(field: ImportField, converted: Converted<T>, fallback: T): T => {
    if (converted.ok) return converted.value;
    errors.push(`${prefix}${importFieldLabel(field)} — ${converted.message}`);
    failed.add(field);
    return fallback;
  };
  const required = <T>(field: ImportField, value: T | null, fallback: T, what: string): T => {
    if (value !== null || failed.has(field)) return value ?? fallback;
    return take<T>(field, { ok: false, message: `vide : ${what}` }, fallback);
  };

  // Fields are read in the form's order, so a line's errors read top to bottom.
  const input: z.input<typeof residentInputSchema> = {
    facilityId: take('facility', findFacility(context, cell('facility')), 1),
    civilite: required(
      'civilite',
      take('civilite', toCivilite(cell('civilite')), null),
      'Mme',
      'écrivez M. ou Mme.',
    ),
    nom: cell('nom'),
    prenom: cell('prenom'),
    dateNaissance: take('dateNaissance', toIsoDate(cell('dateNaissance')), null),
    room: cell('room'),
    admissionDate: required(
      'admissionDate',
      take('admissionDate', toIsoDate(cell('admissionDate')), null),
      '2000-01-01',
      'la date d’entrée est obligatoire (JJ/MM/AAAA).',
    ),
    dischargeDate: take('dischargeDate', toIsoDate(cell('dischargeDate')), null),
    gir: take('gir', toGir(cell('gir')), null),
    language: take('language', toLanguage(cell('language')), 'fr'),
    email: cell('email'),
    receivesInvoices: take('receivesInvoices', toBoolean(cell('receivesInvoices')), false),
    notes: cell('notes'),
    contacts: [],
  };

  // A contact is on the line when any of its cells is filled; contact 2 alone is contact 2.
  const contactNumbers: ContactNumber[] = [];
  for (const n of [1, 2] as const) {
    const f = (key: ContactImportKey): ImportField => `contact${n}.${key}`;
    const c = (key: ContactImportKey) => cell(f(key));
    const group = importFields.filter((field) => field.group === `contact${n}`);
    if (group.every((field) => cell(field.id) === '')) continue;
    contactNumbers.push(n);
    input.contacts.push({
      id: null,
      role: take(f('role'), toRole(c('role')), 'famille'),
      civilite: take(f('civilite'), toCivilite(c('civilite')), null) ?? '',
      nom: c('nom'),
      prenom: c('prenom'),
      relationship: c('relationship'),
      email: c('email'),
      phone: c('phone'),
      addressLine1: c('addressLine1'),
      addressLine2: c('addressLine2'),
      postalCode: toPostalCode(c('postalCode')),
      city: c('city'),
      country: 'France',
      language: 'fr',
      receivesInvoices: take(f('receivesInvoices'), toBoolean(c('receivesInvoices')), false),
    });
  }

  const parsed = residentInputSchema.safeParse(input);
  if (parsed.success && errors.length === 0) return { ok: true, resident: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const field = fieldOfIssue(issue.path, contactNumbers);
    // An unreadable cell was reported once already; the stand-in value it left must not
    // cause more (an exit "before" the placeholder entry date, for instance).
    if (field && failed.has(field)) continue;
    if (field === 'dischargeDate' && failed.has('admissionDate')) continue;
    const label = issueLabel(issue.path, field);
    errors.push(`${prefix}${label ? `${label} — ` : ''}${issue.message}`);
  }
  return { ok: false, errors };
}
