// CSV import of residents and their contacts: a preview (encoding, columns, first lines,
// suggested mapping, possible duplicates), then an import that checks every line first and
// writes all of them in one transaction, or nothing at all.
import type Database from 'better-sqlite3';
import { PliError } from '../../../shared/contract';
import {
  importFieldLabel,
  missingImportFields,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/contract/schemas/import';
import { foldForSearch } from '../../../shared/text';
import type { Actor } from '../../db/audit';
import { write } from '../../db/tx';
import { insertResident } from '../repository';
import type { ResidentFields } from '../rows';
import { decodeCsv } from './decode';
import { convertLine, type FacilityRef } from './line';
import { suggestMapping } from './mapping';
import { parseCsv, type CsvTable } from './parse';

export const SAMPLE_ROWS = 20;
/** Enough to fix a file in several passes without sending megabytes of messages. */
export const MAX_REPORTED = 300;

function readTable(bytes: Uint8Array) {
  const { text, encoding } = decodeCsv(bytes);
  return { encoding, table: parseCsv(text) };
}

function capped(lines: string[], what: string): string[] {
  if (lines.length <= MAX_REPORTED) return lines;
  const rest = lines.length - MAX_REPORTED;
  return [
    ...lines.slice(0, MAX_REPORTED),
    `… et ${rest} autre${rest > 1 ? 's' : ''} ${what} : corrigez d’abord celles-ci, puis importez à nouveau pour voir la suite.`,
  ];
}

/**
 * Lines whose folded name is already a resident in Pli, or appears earlier in the file:
 * namesakes exist, so these are warnings to check, never refusals.
 */
function duplicateLines(db: Database.Database, table: CsvTable, mapping: ImportMapping): string[] {
  const nom = mapping.indexOf('nom');
  const prenom = mapping.indexOf('prenom');
  if (nom < 0) return [];
  const existing = db.prepare(
    `SELECT r.prenom || ' ' || r.nom AS name, f.name AS facility
       FROM residents r JOIN facilities f ON f.id = r.facility_id
      WHERE r.search_key = ? AND r.archived_at IS NULL LIMIT 1`,
  );
  const seen = new Map<string, number>();
  const warnings: string[] = [];
  for (const row of table.rows) {
    const name = [row.cells[nom] ?? '', prenom < 0 ? '' : (row.cells[prenom] ?? '')]
      .join(' ')
      .trim();
    const key = foldForSearch(name);
    if (key === '') continue;
    const match = existing.get(key) as { name: string; facility: string } | undefined;
    const earlier = seen.get(key);
    if (match) {
      warnings.push(
        `Ligne ${row.line} : ${name} existe déjà dans Pli (${match.name}, ${match.facility}).`,
      );
    } else if (earlier !== undefined) {
      warnings.push(`Ligne ${row.line} : ${name} figure déjà à la ligne ${earlier} du fichier.`);
    }
    if (earlier === undefined) seen.set(key, row.line);
  }
  return capped(warnings, 'lignes');
}

export function previewImport(db: Database.Database, bytes: Uint8Array): ImportPreview {
  const { encoding, table } = readTable(bytes);
  const mapping = suggestMapping(table.headers);
  return {
    encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    sample: table.rows.slice(0, SAMPLE_ROWS),
    totalRows: table.rows.length,
    mapping,
    duplicates: duplicateLines(db, table, mapping),
  };
}

function activeFacilities(db: Database.Database): FacilityRef[] {
  return db
    .prepare('SELECT id, code, name FROM facilities WHERE archived_at IS NULL ORDER BY name')
    .all() as FacilityRef[];
}

/** Problems with the mapping itself: they would fail every line, so they are said once. */
function mappingProblems(
  table: CsvTable,
  mapping: ImportMapping,
  facilities: FacilityRef[],
  defaultFacilityId: number | null,
): string[] {
  if (mapping.length !== table.headers.length) {
    return ['Le fichier ne correspond plus à l’aperçu : choisissez-le à nouveau.'];
  }
  const problems = missingImportFields(mapping).map(
    (field) => `« ${importFieldLabel(field)} » : choisissez la colonne qui le contient.`,
  );
  if (defaultFacilityId !== null && !facilities.some((f) => f.id === defaultFacilityId)) {
    problems.push('L’établissement par défaut n’existe plus : choisissez-en un autre.');
  } else if (defaultFacilityId === null && !mapping.includes('facility')) {
    problems.push(
      '« Établissement » : choisissez la colonne qui le contient, ou un établissement par défaut.',
    );
  }
  return problems;
}

export interface ImportRequest {
  bytes: Uint8Array;
  mapping: ImportMapping;
  defaultFacilityId: number | null;
}

export function importResidents(
  db: Database.Database,
  actor: Actor,
  request: ImportRequest,
): ImportResult {
  const { table } = readTable(request.bytes);
  const facilities = activeFacilities(db);
  const problems = mappingProblems(table, request.mapping, facilities, request.defaultFacilityId);
  if (problems.length > 0) throw new PliError('IMPORT_MAPPING', problems);
  if (table.rows.length === 0) {
    throw new PliError('IMPORT_UNREADABLE', ['Le fichier n’a aucune ligne sous celle des titres.']);
  }

  const context = {
    mapping: request.mapping,
    columns: table.headers.length,
    facilities,
    defaultFacilityId: request.defaultFacilityId,
  };
  const residents: ResidentFields[] = [];
  const errors: string[] = [];
  for (const row of table.rows) {
    const result = convertLine(row, context);
    if (result.ok) residents.push(result.resident);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new PliError('IMPORT_INVALID', capped(errors, 'erreurs'));

  // All lines checked: one transaction, so another workstation never sees half a file.
  write(db, () => {
    for (const resident of residents) insertResident(db, actor, resident, 'import');
  });
  return {
    imported: residents.length,
    contacts: residents.reduce((sum, resident) => sum + resident.contacts.length, 0),
  };
}
