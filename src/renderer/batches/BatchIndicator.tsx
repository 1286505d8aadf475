// Every page shows the batches still running (or paused), those this window watched, and those
// finished lately with failures to resend,
// as a small button in the navigation that reopens the progress panel; the panel itself is
// drawn here, outside the routes, so navigating never stops or hides a send.
import type { MailBatch } from '../../shared/contract';
import { frSendProgress } from '../i18n/fr-send-progress';
import { isActive, useBatches } from './BatchesContext';
import { ProgressPanel } from './ProgressPanel';
import './batches.css';

const t = frSendProgress.indicator;
const HALF_DAY = 12 * 3600_000;

/** A batch finished today with failures not resent yet: the way back to « Renvoyer les échecs ». */
function recentFailures(batch: MailBatch): boolean {
  if (batch.counts.failed === 0 || batch.state === 'cancelled' || !batch.finishedAt) return false;
  return Date.now() - Date.parse(batch.finishedAt) < HALF_DAY;
}

export function BatchIndicator() {
  const { batches, openId, watched, open } = useBatches();
  const shown = batches.filter((b) => isActive(b) || watched.has(b.id) || recentFailures(b));
  if (shown.length === 0) return null;
  return (
    <div className="batch-indicator" role="group" aria-label={t.label}>
      {shown.map((batch) => {
        const c = batch.counts;
        const text =
          batch.state === 'paused'
            ? t.paused
            : isActive(batch)
              ? t.running(c.sent, c.total - c.cancelled)
              : t.done(c.sent, c.failed);
        return (
          <button
            key={batch.id}
            type="button"
            title={t.open}
            data-state={batch.state}
            aria-pressed={openId === batch.id}
            onClick={() => open(batch.id)}
          >
            {text}
          </button>
        );
      })}
    </div>
  );
}

export function OpenProgressPanel() {
  const { batches, openId } = useBatches();
  const batch = batches.find((b) => b.id === openId);
  return batch ? <ProgressPanel key={batch.id} batch={batch} /> : null;
}
