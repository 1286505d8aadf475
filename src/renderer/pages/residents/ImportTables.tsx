// The parts of the CSV import dialog that show the file: its French texts, the column
// mapping table, the first lines, and the list of lines to correct.
import {
  importFields,
  importGroupLabels,
  type ImportField,
  type ImportGroup,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/contract/schemas/import';
import type { ContractError } from '../../client';

export const importText = {
  title: 'Import de résidents et de leurs contacts',
  intro:
    'Choisissez l’export de votre ancien logiciel (colonnes séparées par des points-virgules, UTF-8 ou Windows). Rien n’est enregistré avant « Importer », et si une seule ligne est à corriger, rien n’est importé.',
  file: 'Fichier CSV',
  reading: 'Lecture du fichier…',
  tooBig:
    'Le fichier dépasse 10 Mo : enregistrez un export plus petit (par exemple un établissement à la fois).',
  detected: (preview: ImportPreview) => {
    const rows = preview.totalRows;
    return `Encodage : ${encodingLabels[preview.encoding]} · séparateur : ${delimiterLabels[preview.delimiter]} · ${rows} ligne${rows > 1 ? 's' : ''} de résidents`;
  },
  mappingTitle: 'Correspondance des colonnes',
  mappingHelp:
    'Pour chaque colonne du fichier, choisissez l’information de Pli qu’elle contient. Pli a fait une proposition d’après les titres : vérifiez-la.',
  column: 'Colonne du fichier',
  example: 'Exemple',
  target: 'Importer dans',
  selectLabel: (header: string) => `Colonne « ${header} »`,
  skip: 'Ne pas importer',
  facility: 'Établissement par défaut',
  facilityHelp: 'Pour les lignes sans établissement, ou si le fichier n’a pas cette colonne.',
  noFacility: '— Aucun : la colonne « Établissement » du fichier —',
  missing: 'À associer avant d’importer :',
  missingFacility: 'Établissement (une colonne, ou un établissement par défaut)',
  previewTitle: 'Premières lignes du fichier',
  line: 'Ligne',
  duplicates:
    'Ces personnes semblent déjà connues (homonymes possibles) ; elles seront tout de même importées :',
  errorList: 'Lignes à corriger',
  details: 'Détails',
  import: 'Importer',
  importing: 'Import en cours…',
  cancel: 'Annuler',
};
const t = importText;

const encodingLabels: Record<ImportPreview['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows (ANSI, Windows-1252)',
  'utf-16le': 'Unicode (UTF-16)',
};
const delimiterLabels: Record<ImportPreview['delimiter'], string> = {
  ';': 'point-virgule',
  ',': 'virgule',
  '\t': 'tabulation',
};

const groups = Object.entries(importGroupLabels) as [ImportGroup, string][];

function MappingSelect({
  header,
  value,
  onChange,
}: {
  header: string;
  value: ImportField | null;
  onChange: (field: ImportField | null) => void;
}) {
  return (
    <select
      aria-label={t.selectLabel(header)}
      value={value ?? ''}
      onChange={(event) =>
        onChange(event.target.value === '' ? null : (event.target.value as ImportField))
      }
    >
      <option value="">{t.skip}</option>
      {groups.map(([group, label]) => (
        <optgroup key={group} label={label}>
          {importFields
            .filter((field) => field.group === group)
            .map((field) => (
              <option key={field.id} value={field.id}>
                {field.label}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** One row per column of the file: its title, a value from the first lines, its field. */
export function MappingTable({
  preview,
  mapping,
  onAssign,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onAssign: (column: number, field: ImportField | null) => void;
}) {
  const example = (column: number) =>
    preview.sample.map((row) => row.cells[column] ?? '').find((cell) => cell !== '') ?? '';
  return (
    <div className="import-scroll import-mapping">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.example}</th>
            <th scope="col">{t.target}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, column) => (
            <tr key={column}>
              <th scope="row">{header}</th>
              <td className="import-example">{example(column)}</td>
              <td>
                <MappingSelect
                  header={header}
                  value={mapping[column] ?? null}
                  onChange={(field) => onAssign(column, field)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The first lines as the file holds them, with their line numbers. */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  return (
    <div
      className="import-scroll import-preview"
      tabIndex={0}
      role="region"
      aria-label={t.previewTitle}
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            {preview.headers.map((header, column) => (
              <th key={column} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              {preview.headers.map((_, column) => (
                <td key={column}>{row.cells[column] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A failed preview or import: the message, then every line to correct, scrollable. */
export function ImportProblem({ error }: { error: ContractError }) {
  const label = error.code === 'IMPORT_INVALID' ? t.errorList : t.details;
  return (
    <div className="notice notice-error" role="alert" data-code={error.code}>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul className="import-errors" tabIndex={0} aria-label={label}>
          {error.details.map((detail, i) => (
            <li key={i}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
