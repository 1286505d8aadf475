// Cell values of an imported file to what Pli stores: French dates, GIR, civilité, yes/no,
// contact role, language, postal code. Each gives the value, or a French reason that tells
// the user how to write the cell.
import type { Contact, Resident } from '../../../shared/contract';
import { foldForSearch } from '../../../shared/text';

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string): Converted<never> => ({ ok: false, message });

/** A cell quoted in a message, cut short so one odd cell cannot flood the error list. */
export function quote(cell: string): string {
  return `« ${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell} »`;
}

/** Folded, without dots: "M." and "m" compare equal, as do "Mme." and "MME". */
const key = (cell: string) => foldForSearch(cell.replace(/\./g, ' '));

function lookup<T>(table: Record<string, T>, cell: string): T | undefined {
  const k = key(cell);
  return Object.hasOwn(table, k) ? table[k] : undefined;
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to 03/03: a changed month or day means no such date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** `dd/mm/yyyy` (also with `.` or `-`), or ISO `yyyy-mm-dd`; empty means none. */
export function toIsoDate(cell: string): Converted<string | null> {
  if (cell === '') return ok(null);
  // Spreadsheets often add a time of day: "01/02/2020 00:00:00".
  const text = cell.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const parts = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  const [year, month, day] = (parts ?? []).map(Number);
  const value =
    year !== undefined && month !== undefined && day !== undefined && year >= 1850 && year <= 2200
      ? isoDay(year, month, day)
      : null;
  return value === null
    ? fail(
        `${quote(cell)} n’est pas une date : écrivez-la JJ/MM/AAAA, l’année sur quatre chiffres (exemple : 05/03/2024).`,
      )
    : ok(value);
}

/** "GIR 2", "gir2" or "2"; empty means not assessed. */
export function toGir(cell: string): Converted<number | null> {
  if (cell === '') return ok(null);
  const match = /^(?:gir\s*)?([1-6])$/.exec(key(cell));
  return match
    ? ok(Number(match[1]))
    : fail(`${quote(cell)} n’est pas un GIR : écrivez un chiffre de 1 à 6 (exemple : GIR 2 ou 2).`);
}

const civilites: Record<string, 'M.' | 'Mme'> = {
  m: 'M.',
  mr: 'M.',
  monsieur: 'M.',
  mme: 'Mme',
  madame: 'Mme',
  mlle: 'Mme',
  melle: 'Mme',
  mademoiselle: 'Mme',
};

/** Empty gives null: the caller decides whether civilité is required. */
export function toCivilite(cell: string): Converted<'M.' | 'Mme' | null> {
  if (cell === '') return ok(null);
  const value = lookup(civilites, cell);
  return value
    ? ok(value)
    : fail(`${quote(cell)} n’est pas une civilité : écrivez M., Mme, Monsieur ou Madame.`);
}

const booleans: Record<string, boolean> = {
  oui: true,
  o: true,
  yes: true,
  y: true,
  vrai: true,
  true: true,
  x: true,
  '1': true,
  non: false,
  n: false,
  no: false,
  faux: false,
  false: false,
  '0': false,
};

/** oui/non, 1/0, or a cross "x"; empty means no. */
export function toBoolean(cell: string): Converted<boolean> {
  if (cell === '') return ok(false);
  const value = lookup(booleans, cell);
  return value === undefined
    ? fail(`${quote(cell)} : écrivez oui ou non (ou 1 / 0, ou x pour oui).`)
    : ok(value);
}

const roles: Record<string, Contact['role']> = {
  famille: 'famille',
  family: 'famille',
  proche: 'famille',
  tuteur: 'tuteur',
  tutrice: 'tuteur',
  tutelle: 'tuteur',
  // A curateur holds the same place as a tuteur for invoices: a legal protector.
  curateur: 'tuteur',
  curatrice: 'tuteur',
  curatelle: 'tuteur',
  mandataire: 'mandataire',
  'mandataire judiciaire': 'mandataire',
  mjpm: 'mandataire',
};

/** famille, tuteur or mandataire (judiciaire); empty means famille. */
export function toRole(cell: string): Converted<Contact['role']> {
  if (cell === '') return ok('famille');
  const value = lookup(roles, cell);
  return value
    ? ok(value)
    : fail(`${quote(cell)} n’est pas un rôle : écrivez famille, tuteur ou mandataire.`);
}

const languages: Record<string, Resident['language']> = {
  fr: 'fr',
  francais: 'fr',
  french: 'fr',
  en: 'en',
  anglais: 'en',
  english: 'en',
  nl: 'nl',
  neerlandais: 'nl',
  flamand: 'nl',
  de: 'de',
  allemand: 'de',
  es: 'es',
  espagnol: 'es',
  it: 'it',
  italien: 'it',
  pt: 'pt',
  portugais: 'pt',
};

/** A language code or its French name; empty means French. */
export function toLanguage(cell: string): Converted<Resident['language']> {
  if (cell === '') return ok('fr');
  const value = lookup(languages, cell);
  return value
    ? ok(value)
    : fail(
        `${quote(cell)} n’est pas une langue prise en charge : écrivez français, anglais, néerlandais, allemand, espagnol, italien ou portugais.`,
      );
}

/** Spreadsheets read "01000" as a number and save "1000": give the French code its zero back. */
export function toPostalCode(cell: string): string {
  return /^\d{4}$/.test(cell) ? `0${cell}` : cell;
}
