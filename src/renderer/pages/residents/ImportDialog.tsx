// Import of residents and their contacts from another billing program's CSV export: choose
// the file, check the detected encoding and the first lines, say which column feeds which
// field, then import. Any bad line stops the whole import and is listed with its number.
import { useEffect, useRef, useState } from 'react';
import type { Facility } from '../../../shared/contract';
import {
  MAX_IMPORT_BYTES,
  importFieldLabel,
  missingImportFields,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/contract/schemas/import';
import { client, ContractError, toContractError } from '../../client';
import { ImportProblem, importText as t, MappingTable, SampleTable } from './ImportTables';
import './import.css';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: spreading megabytes into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function ImportDialog({
  facilities,
  onClose,
  onImported,
}: {
  facilities: Facility[];
  onClose: () => void;
  onImported: (count: number) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [defaultFacilityId, setDefaultFacilityId] = useState<number | null>(
    facilities.length === 1 ? (facilities[0]?.id ?? null) : null,
  );
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  // The dialog scrolls; a new error below the tables must not go unseen.
  useEffect(() => {
    if (error) problem.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const choose = async (file: File | undefined) => {
    setError(null);
    setPreview(null);
    setContent(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setError(new ContractError({ code: 'INVALID_INPUT', message: t.tooBig }));
      return;
    }
    setBusy('reading');
    try {
      const contentBase64 = toBase64(await file.arrayBuffer());
      const next = await client.call('residents:importPreview', { contentBase64 });
      // The same export chosen again after a fix keeps the columns the user already set.
      const sameColumns = JSON.stringify(next.headers) === JSON.stringify(preview?.headers);
      setMapping(sameColumns ? mapping : next.mapping);
      setPreview(next);
      setContent(contentBase64);
    } catch (failure) {
      setError(toContractError(failure));
    } finally {
      setBusy(null);
    }
  };

  const assign = (column: number, field: ImportField | null) => {
    // A field feeds from one column only: choosing it here releases it elsewhere.
    setMapping((current) =>
      current.map((value, i) => (i === column ? field : value === field ? null : value)),
    );
  };

  const run = async () => {
    if (content === null) return;
    setBusy('importing');
    setError(null);
    try {
      const result = await client.call('residents:import', {
        contentBase64: content,
        mapping,
        defaultFacilityId,
      });
      onImported(result.imported);
    } catch (failure) {
      setError(toContractError(failure));
    } finally {
      setBusy(null);
    }
  };

  const missing = missingImportFields(mapping).map(importFieldLabel);
  if (preview && defaultFacilityId === null && !mapping.includes('facility')) {
    missing.push(t.missingFacility);
  }
  // The duplicate warnings were computed from the suggested name columns.
  const namesAsSuggested =
    preview !== null &&
    (['nom', 'prenom'] as const).every(
      (field) => mapping.indexOf(field) === preview.mapping.indexOf(field),
    );

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-title"
      onCancel={(event) => {
        event.preventDefault();
        if (busy !== 'importing') onClose();
      }}
    >
      <h2 id="import-title">{t.title}</h2>
      <p className="import-intro">{t.intro}</p>
      <label className="field">
        <span>{t.file}</span>
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          disabled={busy !== null}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </label>
      {busy === 'reading' && <p role="status">{t.reading}</p>}

      {preview && (
        <>
          <p className="import-detected" role="status">
            {t.detected(preview)}
          </p>
          <h3>{t.mappingTitle}</h3>
          <p className="import-help">{t.mappingHelp}</p>
          <MappingTable preview={preview} mapping={mapping} onAssign={assign} />

          <label className="field">
            <span>{t.facility}</span>
            <select
              value={defaultFacilityId ?? ''}
              aria-describedby="import-facility-help"
              onChange={(event) =>
                setDefaultFacilityId(event.target.value === '' ? null : Number(event.target.value))
              }
            >
              <option value="">{t.noFacility}</option>
              {facilities.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {facility.name} ({facility.code})
                </option>
              ))}
            </select>
          </label>
          <p id="import-facility-help" className="import-help">
            {t.facilityHelp}
          </p>

          <h3>{t.previewTitle}</h3>
          <SampleTable preview={preview} />

          {namesAsSuggested && preview.duplicates.length > 0 && (
            <div className="notice notice-warning">
              <p>{t.duplicates}</p>
              <ul className="import-errors">
                {preview.duplicates.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {missing.length > 0 && (
            <p id="import-missing" className="notice notice-warning">
              {t.missing} {missing.join(' ; ')}
            </p>
          )}
        </>
      )}

      <div ref={problem}>{error && <ImportProblem error={error} />}</div>

      <div className="actions import-actions">
        <button
          type="button"
          className="primary"
          disabled={preview === null || missing.length > 0 || busy !== null}
          aria-describedby={missing.length > 0 ? 'import-missing' : undefined}
          onClick={() => void run()}
        >
          {busy === 'importing' ? t.importing : t.import}
        </button>
        <button type="button" disabled={busy === 'importing'} onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
