// The two write transactions around every attempt (DESIGN rules 2 and 4). claimNext checks the
// lease, the account's schedule and daily cap, picks the next due row and marks it 'sending'
// (attempts + 1, an attempt logged) before anything leaves; finishAttempt records what the
// server said and moves the row forward. The send itself happens between the two, outside any
// transaction.
import type Database from 'better-sqlite3';
import { write } from '../../db/tx';
import { statement } from '../../db/statements';
import { loadMessageRow, type MailMessageRow } from '../message-row';
import { closeIfDone } from './finish';
import type { LeaseHolder } from './lease';
import { nextSlot, type AccountSchedule, type BatchThrottle } from './throttle';

export type Claim =
  | { kind: 'lost' }
  | { kind: 'idle' }
  | { kind: 'wait'; until: number }
  | {
      kind: 'send';
      row: MailMessageRow;
      batchId: number;
      attemptId: number;
      /** The row was found in 'sending': its sender died mid-attempt. */
      interrupted: boolean;
    };

interface AccountRow {
  token: string | null;
  last_send_at: number;
  streak: number;
  hold_until: number;
  day: string;
  day_count: number;
}

interface BatchThrottleRow {
  interval_ms: number;
  pause_every: number;
  pause_ms: number;
  slowdown: number;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** The local calendar day, for the daily cap (providers count per day, not per 24 h). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function nextMidnight(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

export function scheduleOf(row: AccountRow): AccountSchedule {
  return { lastSendAt: row.last_send_at, streak: row.streak, holdUntil: row.hold_until };
}

export function throttleOf(row: BatchThrottleRow): BatchThrottle {
  return {
    intervalMs: row.interval_ms,
    pauseEvery: row.pause_every,
    pauseMs: row.pause_ms,
    slowdown: row.slowdown,
  };
}

const ACTIVE = `b.account_key = :key AND b.state IN ('queued', 'running')`;

/** The row a dead sender left in 'sending' (exported for its query-plan test). */
export const INTERRUPTED_SQL = `SELECT m.id, m.batch_id, m.attempts FROM mail_messages m
       JOIN mail_batches b ON b.id = m.batch_id
       WHERE b.account_key = :key AND m.state = 'sending'
         AND (m.claim_token IS NULL OR m.claim_token <> :token)
       ORDER BY m.id LIMIT 1`;

function pick(db: Database.Database, key: string, token: string, now: number) {
  // An interrupted row is concluded first, whatever its batch's state since: it may have left.
  const interrupted = statement(db, INTERRUPTED_SQL).get({ key, token }) as
    { id: number; batch_id: number; attempts: number } | undefined;
  if (interrupted) return { ...interrupted, interrupted: true };
  const due = statement(
    db,
    `SELECT m.id, m.batch_id, m.attempts FROM mail_messages m
       JOIN mail_batches b ON b.id = m.batch_id
       WHERE ${ACTIVE} AND (m.state = 'queued' OR (m.state = 'retry_wait' AND m.next_attempt_at <= :now))
       ORDER BY m.batch_id, m.id LIMIT 1`,
  ).get({ key, now: iso(now) }) as { id: number; batch_id: number; attempts: number } | undefined;
  return due ? { ...due, interrupted: false } : undefined;
}

function giveUp(db: Database.Database, rowId: number, batchId: number, now: number): void {
  statement(
    db,
    `UPDATE mail_attempts SET outcome = 'interrupted', finished_at = ?
     WHERE message_row = ? AND outcome = 'sending'`,
  ).run(iso(now), rowId);
  statement(
    db,
    `UPDATE mail_messages SET state = 'failed', last_error_code = 'MAIL_SEND_INTERRUPTED',
       resent_after_interruption = 1
     WHERE id = ?`,
  ).run(rowId);
  closeIfDone(db, batchId, now);
}

export function claimNext(
  db: Database.Database,
  me: LeaseHolder,
  options: { now: number; ttlMs: number; dailyCap: number | null; maxAttempts: number },
): Claim {
  const { now } = options;
  return write(db, (): Claim => {
    const account = statement(db, 'SELECT * FROM mail_accounts WHERE account_key = ?').get(
      me.accountKey,
    ) as AccountRow | undefined;
    if (!account || account.token !== me.token) return { kind: 'lost' };
    statement(db, 'UPDATE mail_accounts SET expires_at = ? WHERE account_key = ?').run(
      now + options.ttlMs,
      me.accountKey,
    );
    const next = pick(db, me.accountKey, me.token, now);
    if (next?.interrupted && next.attempts >= options.maxAttempts) {
      // Interrupted every time it was tried (a message that crashes its sender?): failed with
      // a reason instead of taking every workstation down in turn.
      giveUp(db, next.id, next.batch_id, now);
      return { kind: 'wait', until: now };
    }
    if (!next) {
      const later = statement(
        db,
        `SELECT min(m.next_attempt_at) AS at FROM mail_messages m
           JOIN mail_batches b ON b.id = m.batch_id WHERE ${ACTIVE} AND m.state = 'retry_wait'`,
      ).get({ key: me.accountKey }) as { at: string | null };
      return later.at ? { kind: 'wait', until: Date.parse(later.at) } : { kind: 'idle' };
    }
    const batch = statement(
      db,
      'SELECT interval_ms, pause_every, pause_ms, slowdown FROM mail_batches WHERE id = ?',
    ).get(next.batch_id) as BatchThrottleRow;
    const slot = nextSlot(scheduleOf(account), throttleOf(batch));
    if (slot > now) return { kind: 'wait', until: slot };
    const today = localDay(now);
    const sentToday = account.day === today ? account.day_count : 0;
    if (options.dailyCap !== null && sentToday >= options.dailyCap) {
      return { kind: 'wait', until: nextMidnight(now) };
    }
    statement(db, 'UPDATE mail_accounts SET day = ?, day_count = ? WHERE account_key = ?').run(
      today,
      sentToday + 1,
      me.accountKey,
    );
    if (next.interrupted) {
      statement(
        db,
        `UPDATE mail_attempts SET outcome = 'interrupted', finished_at = ?
         WHERE message_row = ? AND outcome = 'sending'`,
      ).run(iso(now), next.id);
    }
    statement(
      db,
      `UPDATE mail_messages SET state = 'sending', attempts = attempts + 1, claim_token = ?,
         resent_after_interruption = CASE WHEN ? THEN 1 ELSE resent_after_interruption END
       WHERE id = ?`,
    ).run(me.token, next.interrupted ? 1 : 0, next.id);
    statement(
      db,
      `UPDATE mail_batches SET state = 'running' WHERE id = ? AND state = 'queued'`,
    ).run(next.batch_id);
    const row = loadMessageRow(db, next.id);
    const attemptId = Number(
      statement(
        db,
        `INSERT INTO mail_attempts (message_row, attempt, workstation, started_at, outcome)
           VALUES (?, ?, ?, ?, 'sending')`,
      ).run(row.id, row.attempts, me.workstation, iso(now)).lastInsertRowid,
    );
    return {
      kind: 'send',
      row,
      batchId: next.batch_id,
      attemptId,
      interrupted: next.interrupted,
    };
  });
}
