// The lower part of a saved resident's Facturation tab: GIR evaluations, absences and débours,
// read from main and kept current when this or another workstation records one.
import { useCallback, useEffect, useState } from 'react';
import type { EventPayload, ResidentBilling } from '../../../../shared/contract';
import { client, toContractError, type ContractError } from '../../../client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useEvent } from '../../../hooks';
import { fr } from '../../../i18n/fr';
import { AbsencesSection } from './AbsencesSection';
import { DeboursSection } from './DeboursSection';
import { GirHistorySection } from './GirHistorySection';

const WATCHED = new Set([
  'absence',
  'debours',
  'resident_gir',
  'resident',
  'invoice',
  'billing_run',
]);

/** How a section writes: the call's answer (the whole tab) replaces what is shown. */
export type Write = (call: () => Promise<ResidentBilling>) => Promise<ResidentBilling>;

export function ResidentBillingPanel({ residentId }: { residentId: number }) {
  const [data, setData] = useState<ResidentBilling | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const load = useCallback(
    () =>
      client.call('residents:billing', { residentId }).then(
        (value) => {
          setData(value);
          setError(null);
        },
        (caught: unknown) => setError(toContractError(caught)),
      ),
    [residentId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  useEvent(
    'data:changed',
    useCallback(
      (payload: EventPayload<'data:changed'>) => {
        const relevant = payload.changes.some(
          (c) => WATCHED.has(c.entity) && (c.entity !== 'resident' || c.entityId === residentId),
        );
        if (relevant) void load();
      },
      [load, residentId],
    ),
  );

  const write: Write = useCallback(
    async (call) => {
      try {
        const value = await call();
        setData(value);
        return value;
      } catch (caught) {
        // Changed or removed elsewhere: show the file as it now is beside the message.
        const code = toContractError(caught).code;
        if (code === 'RECORD_CHANGED' || code === 'NOT_FOUND') void load();
        throw caught;
      }
    },
    [load],
  );

  if (error && !data) return <ErrorNotice error={error} />;
  if (!data) return <p>{fr.loading}</p>;
  return (
    <div className="resident-billing">
      {error && <ErrorNotice error={error} />}
      <GirHistorySection data={data} write={write} />
      <AbsencesSection data={data} write={write} />
      <DeboursSection data={data} write={write} />
    </div>
  );
}
