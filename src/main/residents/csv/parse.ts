// Text of an imported file to a table: the header line's titles and every data line with its
// line number in the file, so errors can point at the line the user sees in a text editor.
import { parse } from 'csv-parse/sync';
import { PliError } from '../../../shared/contract';
import type { ImportDelimiter } from '../../../shared/contract/schemas/import';

export interface CsvRow {
  /** 1-based line of the file where this row starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: ImportDelimiter;
  headers: string[];
  rows: CsvRow[];
}

/** French exports use `;` (the comma is the decimal mark); others use `,` or a tab. */
export function detectDelimiter(headerLine: string): ImportDelimiter {
  if (headerLine.includes(';')) return ';';
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(',')) return ',';
  return ';';
}

const newlines = (cell: string) => cell.split('\n').length - 1;

export function parseCsv(text: string): CsvTable {
  // One line ending everywhere: csv-parse miscounts lines after a CRLF inside quotes, and a
  // line break inside an address cell is stored as a plain newline anyway.
  const normalized = text.replace(/\r\n?/g, '\n');
  const headerLine = normalized.split('\n').find((line) => line.trim() !== '') ?? '';
  const delimiter = detectDelimiter(headerLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalized, {
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      // Short or long lines are reported per line by the import, not as a crash here.
      relax_column_count: true,
      // `12 rue "Les Lilas"` unquoted is common in hand-edited exports.
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { code, lines } = error as { code?: unknown; lines?: unknown };
    const at = typeof lines === 'number' ? ` (lecture arrêtée à la ligne ${lines})` : '';
    const detail =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? `Un guillemet (") ouvert n’est jamais refermé${at} : vérifiez les guillemets des lignes qui précèdent.`
        : `Le fichier est mal formé${at}.`;
    throw new PliError('IMPORT_UNREADABLE', [detail], { cause: error });
  }
  const [header, ...data] = records;
  if (!header) throw new PliError('IMPORT_UNREADABLE', ['Le fichier est vide.']);
  const headers = header.record.map((title, i) => title.trim() || `Colonne ${i + 1}`);
  const rows = data
    .map(({ record, info }) => ({
      // csv-parse reports the line where the record ends; step back over breaks inside cells.
      line: info.lines - record.reduce((sum, cell) => sum + newlines(cell), 0),
      cells: record.map((cell) => cell.trim()),
    }))
    // Spreadsheets often save trailing rows of bare separators (`;;;;`).
    .filter((row) => row.cells.some((cell) => cell !== ''));
  return { delimiter, headers, rows };
}
