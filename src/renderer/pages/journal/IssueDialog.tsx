// The last step of the month: the issue date, and a plain warning that numbers are final.
import { useState } from 'react';
import type { BillingRun } from '../../../shared/contract';
import type { ContractError } from '../../client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { fr } from '../../i18n/fr';
import { todayIso } from './dates';

const t = fr.billing.issueDialog;

export function IssueDialog({
  run,
  busy,
  error,
  onIssue,
  onClose,
}: {
  run: BillingRun;
  busy: boolean;
  error: ContractError | null;
  onIssue: (issueDate: string) => void;
  onClose: () => void;
}) {
  const [date, setDate] = useState(todayIso());
  return (
    <Dialog title={t.title(run.invoiceCount, run.period)} busy={busy} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onIssue(date);
        }}
      >
        <p className="notice notice-warning">{t.warning}</p>
        <p>{t.total(run.totalCents)}</p>
        <Field label={t.date}>
          <input
            type="date"
            required
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </Field>
        {busy && <p role="status">{t.issuing}</p>}
        {error && <ErrorNotice error={error} />}
        <div className="actions dialog-actions">
          <button type="submit" className="primary" disabled={busy || date === ''}>
            {t.confirm}
          </button>
          <button type="button" disabled={busy} onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
