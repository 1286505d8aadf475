// The failed messages of a batch, each with its invoice, addresses, reason in French and the
// server's reply, shown in red; reloaded by its parent (keyed on the counts) as they change.
import { useCall } from '../hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { frSendProgress } from '../i18n/fr-send-progress';

const t = frSendProgress.panel;

export function FailureList({ batchId }: { batchId: number }) {
  const [failures] = useCall('mail:failures', { batchId });
  if (failures.status === 'error') return <ErrorNotice error={failures.error} />;
  if (failures.status !== 'ok' || failures.value.length === 0) return null;
  return (
    <section aria-label={t.failuresTitle}>
      <h3>{t.failuresTitle}</h3>
      <ul className="batch-failures">
        {failures.value.map((failure) => (
          <li key={failure.messageId} className="batch-failure" data-code={failure.code ?? ''}>
            <strong>{t.failureOf(failure.invoiceNumber, failure.residentName)}</strong>{' '}
            <span>{failure.to.join(', ')}</span>
            <p>{failure.reason}</p>
            {failure.reply && <p className="batch-reply">{t.reply(failure.reply)}</p>}
          </li>
        ))}
      </ul>
      <p className="muted">{t.fixThenRetry}</p>
    </section>
  );
}
