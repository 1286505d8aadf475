// Résidents: the list (search by name or room, facility, present / departed / archived), and
// the selected or new record beside it. Other workstations' changes refresh the list.
import { useCallback, useState } from 'react';
import type { EventPayload, ResidentRow } from '../../../shared/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall, useDebounced, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { ImportDialog } from './ImportDialog';
import { ResidentEditor } from './ResidentEditor';
import './residents.css';

const t = fr.residents;
type Status = 'present' | 'departed' | 'archived' | 'all';

const dateFr = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export function ResidentsPage() {
  const [search, setSearch] = useState('');
  const [facilityId, setFacilityId] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>('present');
  // `key` stays the same when a new record gets its id, so the open editor is not remounted.
  const [editing, setEditing] = useState<{ key: number; id: number | null } | null>(null);
  const open = (id: number | null) => setEditing({ key: Date.now(), id });
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const query = useDebounced(search, 200);
  const [facilities] = useCall('facilities:list', {});
  const [list, reload] = useCall('residents:list', { search: query, facilityId, status });

  useEvent(
    'data:changed',
    useCallback(
      (payload: EventPayload<'data:changed'>) => {
        if (payload.changes.some((change) => change.entity === 'resident')) reload();
      },
      [reload],
    ),
  );

  const facilityList = facilities.status === 'ok' ? facilities.value : [];

  return (
    <section className="page residents">
      <div className="page-header">
        <h1>{t.title}</h1>
        <div className="actions">
          <button
            className="primary"
            onClick={() => open(null)}
            disabled={facilityList.length === 0}
          >
            {t.create}
          </button>
          <button onClick={() => setImporting(true)} disabled={facilityList.length === 0}>
            {t.importCsv}
          </button>
        </div>
      </div>
      {imported !== null && (
        <p className="notice notice-ok" role="status">
          {t.imported(imported)}
        </p>
      )}
      {importing && (
        <ImportDialog
          facilities={facilityList}
          onClose={() => setImporting(false)}
          onImported={(count) => {
            setImported(count);
            reload();
          }}
        />
      )}
      <div className="toolbar" role="search">
        <Field label={t.search}>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </Field>
        <Field label={t.facility}>
          <select
            value={facilityId ?? ''}
            onChange={(event) =>
              setFacilityId(event.target.value === '' ? null : Number(event.target.value))
            }
          >
            <option value="">{t.allFacilities}</option>
            {facilityList.map((facility) => (
              <option key={facility.id} value={facility.id}>
                {facility.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.status}>
          <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
            {Object.entries(t.statuses).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {facilities.status === 'ok' && facilityList.length === 0 && (
        <p className="placeholder">{t.noFacility}</p>
      )}
      <div className={editing ? 'residents-layout with-editor' : 'residents-layout'}>
        <div className="residents-list">
          {list.status === 'error' && <ErrorNotice error={list.error} />}
          {list.status === 'ok' && (
            <ResidentTable rows={list.value} selected={editing?.id ?? null} onSelect={open} />
          )}
        </div>
        {editing !== null && facilityList.length > 0 && (
          <ResidentEditor
            key={editing.key}
            id={editing.id}
            facilities={facilityList}
            onSaved={(resident) => {
              setEditing({ key: editing.key, id: resident.id });
              reload();
            }}
            onClose={() => setEditing(null)}
          />
        )}
      </div>
    </section>
  );
}

function ResidentTable({
  rows,
  selected,
  onSelect,
}: {
  rows: ResidentRow[];
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const c = t.columns;
  if (rows.length === 0) return <p className="placeholder">{t.empty}</p>;
  return (
    <table className="table">
      <caption className="sr-only">{t.caption(rows.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.facility}</th>
          <th scope="col">{c.room}</th>
          <th scope="col">{c.admission}</th>
          <th scope="col">{c.discharge}</th>
          <th scope="col">{c.gir}</th>
          <th scope="col">{c.invoiceEmails}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.id === selected ? 'selected' : undefined}>
            <td>
              <button type="button" className="link" onClick={() => onSelect(row.id)}>
                {`${row.nom} ${row.prenom}`}
              </button>
              {row.duplicate && <span className="badge badge-warning">{t.duplicate}</span>}
              {row.archived && <span className="badge">{t.archivedBadge}</span>}
            </td>
            <td>{row.facilityName}</td>
            <td>{row.room}</td>
            <td>{dateFr(row.admissionDate)}</td>
            <td>{dateFr(row.dischargeDate)}</td>
            <td>{row.gir ?? ''}</td>
            <td>{row.invoiceEmails.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
