// Records the end of one attempt and moves its row forward (never back): sent; retry_wait with
// an exponential backoff, or failed once the attempts are used up; failed for a permanent
// refusal, the server's reply kept; and for an authentication or TLS failure the row waits and
// every active batch of the account is paused with the reason, instead of failing them all.
// A row another sender has taken over since (its token differs) is left to that sender.
import type Database from 'better-sqlite3';
import { write } from '../../db/tx';
import { statement } from '../../db/statements';
import { iso } from './claim';
import type { LeaseHolder } from './lease';
import { backoffMs, type RetryPolicy } from './throttle';
import type { Classified } from './types';

export type Outcome =
  | { kind: 'sent'; reply: string | null; note: string | null }
  | { kind: 'failed'; failure: Classified };

export interface FinishRequest {
  rowId: number;
  batchId: number;
  attemptId: number;
  outcome: Outcome;
  now: number;
  retry: RetryPolicy;
}

const MAX_SLOWDOWN = 16;

function rowState(outcome: Outcome, attempts: number, retry: RetryPolicy) {
  if (outcome.kind === 'sent') return 'sent';
  if (outcome.failure.kind === 'permanent') return 'failed';
  if (outcome.failure.kind === 'pause') return 'retry_wait';
  return attempts >= retry.maxAttempts ? 'failed' : 'retry_wait';
}

export function finishAttempt(db: Database.Database, me: LeaseHolder, request: FinishRequest) {
  const { outcome, now, retry } = request;
  write(db, () => {
    // Sent to some recipients and refused for others: sent, with the refused ones noted.
    const partial = outcome.kind === 'sent' && outcome.note !== null;
    const code =
      outcome.kind === 'failed'
        ? outcome.failure.code
        : partial
          ? 'SMTP_SOME_RECIPIENTS_REFUSED'
          : null;
    const reply = outcome.kind === 'sent' ? outcome.reply : outcome.failure.reply;
    statement(
      db,
      `UPDATE mail_attempts SET outcome = ?, finished_at = ?, code = ?, reply = ? WHERE id = ?`,
    ).run(
      outcome.kind === 'sent' ? 'sent' : outcome.failure.kind,
      iso(now),
      code,
      reply,
      request.attemptId,
    );
    // The schedule counts every attempt that talked to the server, whoever holds the lease now.
    statement(
      db,
      'UPDATE mail_accounts SET last_send_at = ?, streak = streak + 1 WHERE account_key = ?',
    ).run(now, me.accountKey);

    const row = statement(
      db,
      `SELECT attempts FROM mail_messages WHERE id = ? AND state = 'sending' AND claim_token = ?`,
    ).get(request.rowId, me.token) as { attempts: number } | undefined;
    if (!row) return;
    const state = rowState(outcome, row.attempts, retry);
    const wait =
      outcome.kind === 'failed' && outcome.failure.kind === 'pause'
        ? 0
        : backoffMs(row.attempts, retry);
    statement(
      db,
      `UPDATE mail_messages SET state = :state, last_error_code = :code, last_reply = :reply,
         next_attempt_at = :next, sent_at = :sentAt
       WHERE id = :id`,
    ).run({
      state,
      code,
      reply: outcome.kind === 'sent' ? (outcome.note ?? reply) : reply,
      next: state === 'retry_wait' ? iso(now + wait) : null,
      sentAt: state === 'sent' ? iso(now) : null,
      id: request.rowId,
    });

    if (outcome.kind === 'failed') {
      const { failure } = outcome;
      if (failure.kind === 'temporary' && failure.slowDown) {
        statement(db, `UPDATE mail_batches SET slowdown = min(slowdown * 2, ?) WHERE id = ?`).run(
          MAX_SLOWDOWN,
          request.batchId,
        );
      }
      // The server asked for a pause, or could not be reached: no other row tries before then.
      if (failure.kind === 'temporary' && (failure.slowDown || failure.serverWide)) {
        statement(
          db,
          'UPDATE mail_accounts SET hold_until = max(hold_until, ?) WHERE account_key = ?',
        ).run(now + backoffMs(row.attempts, retry), me.accountKey);
      }
      if (outcome.failure.kind === 'pause') {
        statement(
          db,
          `UPDATE mail_batches SET state = 'paused', paused_code = ?, paused_reason = ?,
             version = version + 1
           WHERE account_key = ? AND state IN ('queued', 'running')`,
        ).run(outcome.failure.code, outcome.failure.message, me.accountKey);
      }
    }
    closeIfDone(db, request.batchId, now);
  });
}

/** A batch with nothing left to attempt is done (its failed rows can still be resent). */
export function closeIfDone(db: Database.Database, batchId: number, now: number): void {
  const left = statement(
    db,
    `SELECT count(*) AS n FROM mail_messages
       WHERE batch_id = ? AND state IN ('queued', 'sending', 'retry_wait')`,
  ).get(batchId) as { n: number };
  if (left.n > 0) return;
  statement(
    db,
    `UPDATE mail_batches SET state = 'done', finished_at = ?, version = version + 1
     WHERE id = ? AND state IN ('queued', 'running')`,
  ).run(iso(now), batchId);
}
