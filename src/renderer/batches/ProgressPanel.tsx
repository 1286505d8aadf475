// The progress of one batch, above every page: a bar, sent / failed / remaining, the time left,
// Pause / Reprendre / Annuler, why it is paused and what to fix (the password again when the
// server refused it), and at the end « N envoyés, M en échec » with each failure and « Renvoyer
// les échecs ». Closing it leaves the batch running; the indicator reopens it.
import { useState } from 'react';
import type { MailBatch } from '../../shared/contract';
import { formatPeriodFr } from '../../shared/money';
import { client } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAction } from '../hooks';
import { formatDuration, frSendProgress } from '../i18n/fr-send-progress';
import { useSession } from '../session/SessionContext';
import { isActive, useBatches } from './BatchesContext';
import { FailureList } from './FailureList';
import { PasswordFields } from './PasswordFields';

const t = frSendProgress.panel;
/** Paused because the server refused or never got the password: type it again to resume. */
const NEEDS_PASSWORD = /^(SMTP_AUTH_FAILED|SMTP_AUTH_APP_PASSWORD|SMTP_PASSWORD_REQUIRED)$/;

export function ProgressPanel({ batch }: { batch: MailBatch }) {
  const { close, update } = useBatches();
  const { user } = useSession();
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [password, setPassword] = useState({ value: '', remember: true });
  const c = batch.counts;
  const remaining = c.queued + c.sending + c.retryWait;
  const done = c.sent + c.failed + c.cancelled;
  const run = (call: () => Promise<MailBatch>) =>
    action.run(call).then((result) => result && update(result));
  const ref = { batchId: batch.id };
  const mayAct = user.canBill && user.canSend;
  const needsPassword = batch.state === 'paused' && NEEDS_PASSWORD.test(batch.pausedCode ?? '');
  // Paused by the shared folder going away: it resumes by itself once the folder is back.
  const waitsForShare = batch.state === 'paused' && batch.pausedCode === 'SHARE_UNREACHABLE';
  return (
    <section className="batch-panel" aria-label={t.label} data-state={batch.state}>
      <header>
        <h2>{t.title(batch.period ? formatPeriodFr(batch.period) : null)}</h2>
        <button type="button" onClick={close}>
          {t.close}
        </button>
      </header>
      <progress aria-label={t.progress} max={Math.max(1, c.total)} value={done} />
      <ul className="batch-counts">
        <li data-count="sent">
          <strong>{c.sent}</strong> {t.sent}
        </li>
        <li data-count="failed" className={c.failed > 0 ? 'batch-failed' : undefined}>
          <strong>{c.failed}</strong> {t.failed}
        </li>
        <li data-count="remaining">
          <strong>{remaining}</strong> {t.remaining}
        </li>
      </ul>
      <p role="status">
        {isActive(batch) ? t.states[batch.state] : t.summary(c.sent, c.failed)}
        {batch.state === 'cancelled' && ` ${t.states.cancelled}`}
        {batch.etaSeconds !== null &&
          remaining > 0 &&
          ` ${t.eta(formatDuration(batch.etaSeconds))}`}
      </p>
      {batch.state === 'paused' && batch.pausedReason && (
        <p className="notice notice-warning" data-code={batch.pausedCode ?? ''}>
          {batch.pausedReason}
        </p>
      )}
      {c.resentAfterInterruption > 0 && (
        <p className="muted">{t.resentAfterInterruption(c.resentAfterInterruption)}</p>
      )}
      {mayAct && needsPassword && (
        <form
          className="batch-unlock"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => client.call('mail:unlock', { ...ref, password }));
            setPassword({ value: '', remember: password.remember });
          }}
        >
          <PasswordFields password={password} onChange={setPassword} />
          <button type="submit" className="primary" disabled={!password.value || action.busy}>
            {frSendProgress.password.resume}
          </button>
        </form>
      )}
      {mayAct && (
        <div className="batch-actions">
          {(batch.state === 'queued' || batch.state === 'running') && (
            <button
              type="button"
              disabled={action.busy}
              onClick={() => void run(() => client.call('mail:pause', ref))}
            >
              {t.pause}
            </button>
          )}
          {batch.state === 'paused' && !needsPassword && !waitsForShare && (
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              onClick={() => void run(() => client.call('mail:resume', ref))}
            >
              {t.resume}
            </button>
          )}
          {isActive(batch) && !confirmCancel && (
            <button type="button" onClick={() => setConfirmCancel(true)}>
              {t.cancel}
            </button>
          )}
          {isActive(batch) && confirmCancel && (
            <button
              type="button"
              className="danger"
              disabled={action.busy}
              onClick={() => void run(() => client.call('mail:cancel', ref))}
            >
              {t.cancelConfirm}
            </button>
          )}
          {c.failed > 0 && batch.state !== 'cancelled' && (
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              onClick={() => void run(() => client.call('mail:retryfailed', ref))}
            >
              {t.retry}
            </button>
          )}
        </div>
      )}
      {action.error && <ErrorNotice error={action.error} />}
      {c.failed > 0 && <FailureList key={`${c.failed}:${c.sent}`} batchId={batch.id} />}
    </section>
  );
}
