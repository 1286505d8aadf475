// "Facturation du mois" of one facility and period: prepare the drafts, review them beside
// last month, recompute, then issue them for good. Users without the billing right (accueil)
// only read where the month stands.
import { useCallback, useState } from 'react';
import type { BillingRun } from '../../../shared/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { client } from '../../client';
import { useAction, useCall, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { IssueDialog } from './IssueDialog';
import { RunReview } from './RunReview';

const t = fr.billing.run;

/** `n° X à Y` of an issued run, in numbering order. */
export function numberRange(run: BillingRun): string {
  const numbers = run.invoices
    .map((invoice) => invoice.number)
    .filter((number): number is string => number !== null)
    .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  const first = numbers[0];
  const last = numbers.at(-1);
  return first && last ? t.range(numbers.length, first, last) : '';
}

export function BillingRunPanel({
  facilityId,
  period,
  canBill,
  onChanged,
}: {
  facilityId: number;
  period: string;
  canBill: boolean;
  onChanged: () => void;
}) {
  const [state, reload] = useCall('billing:run', { facilityId, period });
  const action = useAction();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<BillingRun | null>(null);
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );

  const prepare = async () => {
    setIssued(null);
    await action.run(() => client.call('billing:prepare', { facilityId, period }));
    reload();
    onChanged();
  };
  const issue = async (run: BillingRun, issueDate: string) => {
    const result = await action.run(() =>
      client.call('billing:issue', { runId: run.runId, version: run.version, issueDate }),
    );
    // On a refusal the dialog stays open with the reason (an earlier date, a run recomputed
    // elsewhere whose new figures then show behind it).
    if (result) {
      setIssued(result);
      setIssuing(false);
    }
    reload();
    onChanged();
  };

  const run = state.status === 'ok' ? state.value : null;
  return (
    <section className="billing-run" aria-labelledby="billing-run-title">
      <h2 id="billing-run-title">{t.title(period)}</h2>
      {state.status === 'loading' && <p role="status">{fr.loading}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ok' && run === null && (
        <>
          <p>{t.none}</p>
          {canBill && (
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={action.busy}
                onClick={() => void prepare()}
              >
                {t.prepare(period)}
              </button>
            </div>
          )}
        </>
      )}
      {action.busy && !issuing && <p role="status">{t.preparing}</p>}
      {issued && (
        <p className="notice notice-ok" role="status">
          {numberRange(issued)}
        </p>
      )}
      {run?.status === 'issued' && !issued && (
        <p>
          {t.issued(run.invoiceCount, run.issuedAt, run.issuedBy)} {numberRange(run)}
        </p>
      )}
      {run && run.missingPdfs > 0 && (
        <p className="notice notice-warning" role="alert">
          {t.missingPdfs(run.missingPdfs)}
        </p>
      )}
      {action.error && !issuing && <ErrorNotice error={action.error} />}
      {run?.status === 'draft' && (
        <>
          <p>
            {t.draft(run.invoiceCount)} {t.preparedBy(run.createdBy, run.createdAt)}
          </p>
          {canBill && (
            <>
              <RunReview run={run} />
              <div className="actions">
                <button type="button" disabled={action.busy} onClick={() => void prepare()}>
                  {t.recompute}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={action.busy || run.invoiceCount === 0}
                  onClick={() => setIssuing(true)}
                >
                  {t.issue(run.invoiceCount)}
                </button>
              </div>
            </>
          )}
          {issuing && (
            <IssueDialog
              run={run}
              busy={action.busy}
              error={action.error}
              onIssue={(date) => void issue(run, date)}
              onClose={() => setIssuing(false)}
            />
          )}
        </>
      )}
    </section>
  );
}
