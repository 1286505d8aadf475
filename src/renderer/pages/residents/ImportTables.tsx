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
import { fr } from '../../i18n/fr';

export const importText = fr.import;
const t = importText;

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
