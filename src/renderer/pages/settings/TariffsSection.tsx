// The facility's tariffs, latest first: dates, prix de journée and tarif dépendance by GIR
// group. A tariff used by an issued invoice shows « Facturé » and cannot change; one not yet
// in force may be deleted, which gives its days back to the tariff before it.
import { useCallback, useState } from 'react';
import type { EventPayload, Tariff } from '../../../shared/contract';
import { formatDateFr, formatEuros } from '../../../shared/money';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction, useCall, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { TariffForm } from './TariffForm';

const t = fr.tariffs.tariffs;

type Editing = { key: number; tariff: Tariff | null } | null;

export function TariffsSection({
  facilityId,
  readOnly,
}: {
  facilityId: number;
  readOnly: boolean;
}) {
  const [loaded, reload] = useCall('tariffs:list', { facilityId });
  const [saved, setSaved] = useState<Tariff[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Tariff | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error, run } = useAction();
  useEvent(
    'data:changed',
    useCallback(
      (payload: EventPayload<'data:changed'>) => {
        if (payload.changes.some((change) => change.entity === 'tariff')) {
          setSaved(null);
          reload();
        }
      },
      [reload],
    ),
  );
  if (loaded.status === 'loading') return <p>{fr.loading}</p>;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const list = saved ?? loaded.value;

  const done = (next: Tariff[], message: string) => {
    setSaved(next);
    setEditing(null);
    setDeleting(null);
    setNotice(message);
  };
  const remove = async (tariff: Tariff) => {
    const next = await run(() =>
      client.call('tariffs:delete', { id: tariff.id, version: tariff.version }),
    );
    if (next) done(next, t.deleted);
  };

  return (
    <section aria-label={t.label}>
      <div className="page-header">
        <h3>{t.title}</h3>
        {!readOnly && (
          <button
            className="primary"
            type="button"
            onClick={() => {
              setNotice(null);
              setEditing({ key: Date.now(), tariff: null });
            }}
          >
            {t.create}
          </button>
        )}
      </div>
      {list.length === 0 ? (
        <p className="placeholder">{t.none}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              {Object.values(t.columns).map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((tariff) => (
              <tr key={tariff.id}>
                <td>{formatDateFr(tariff.validFrom)}</td>
                <td>{tariff.validTo === null ? t.noEnd : formatDateFr(tariff.validTo)}</td>
                <td>{formatEuros(tariff.hebergementCents)}</td>
                <td>{formatEuros(tariff.dependanceGir12Cents)}</td>
                <td>{formatEuros(tariff.dependanceGir34Cents)}</td>
                <td>{formatEuros(tariff.dependanceGir56Cents)}</td>
                <td>
                  {tariff.locked && (
                    <span className="badge" title={t.lockedHelp}>
                      {t.locked}
                    </span>
                  )}
                  {!readOnly && !tariff.locked && (
                    <button
                      className="link"
                      type="button"
                      onClick={() => setEditing({ key: Date.now(), tariff })}
                    >
                      {t.edit}
                    </button>
                  )}{' '}
                  {!readOnly && tariff.deletable && (
                    <button className="link" type="button" onClick={() => setDeleting(tariff)}>
                      {t.delete}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <div className="notice notice-warning" role="alertdialog" aria-label={t.delete}>
          <p>{t.confirmDelete(deleting.validFrom)}</p>
          <div className="actions">
            <button className="primary" type="button" onClick={() => void remove(deleting)}>
              {t.delete}
            </button>
            <button type="button" onClick={() => setDeleting(null)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {notice && <p className="notice notice-ok">{notice}</p>}
      {editing && (
        <TariffForm
          key={editing.key}
          facilityId={facilityId}
          tariff={editing.tariff}
          template={list[0] ?? null}
          onSaved={(next) => done(next, t.saved)}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
