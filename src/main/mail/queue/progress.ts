// A batch as the renderer sees it: its state, counts and ETA from the account's schedule and
// the batch's throttle. Failed rows that were resent are counted through their resend only.
import type Database from 'better-sqlite3';
import { mailBatchSchema, type MailBatch } from '../../../shared/contract';
import { statement } from '../../db/statements';
import { scheduleOf, throttleOf } from './claim';
import { etaSeconds } from './throttle';

interface BatchRow {
  id: number;
  facility_id: number | null;
  period: string | null;
  doc_type: string;
  state: MailBatch['state'];
  created_at: string;
  workstation: string;
  account_key: string;
  interval_ms: number;
  pause_every: number;
  pause_ms: number;
  slowdown: number;
  paused_code: string | null;
  paused_reason: string | null;
  finished_at: string | null;
}

function counts(db: Database.Database, batchId: number): MailBatch['counts'] {
  const rows = statement(
    db,
    `SELECT m.state, count(*) AS n, sum(m.resent_after_interruption) AS resent
       FROM mail_messages m
       WHERE m.batch_id = ?
         AND NOT EXISTS (SELECT 1 FROM mail_messages r WHERE r.resend_of = m.id)
       GROUP BY m.state`,
  ).all(batchId) as { state: string; n: number; resent: number }[];
  const of = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    queued: of('queued'),
    sending: of('sending'),
    retryWait: of('retry_wait'),
    sent: of('sent'),
    failed: of('failed'),
    cancelled: of('cancelled'),
    resentAfterInterruption: rows.reduce((sum, r) => sum + r.resent, 0),
  };
}

function toBatch(db: Database.Database, row: BatchRow, now: number): MailBatch {
  const c = counts(db, row.id);
  const remaining = c.queued + c.sending + c.retryWait;
  const account = statement(db, 'SELECT * FROM mail_accounts WHERE account_key = ?').get(
    row.account_key,
  ) as Parameters<typeof scheduleOf>[0] | undefined;
  const schedule = account ? scheduleOf(account) : { lastSendAt: 0, streak: 0, holdUntil: 0 };
  const active = row.state === 'queued' || row.state === 'running';
  return mailBatchSchema.parse({
    id: row.id,
    docType: row.doc_type,
    facilityId: row.facility_id,
    period: row.period,
    state: row.state,
    createdAt: row.created_at,
    workstation: row.workstation,
    throttle: { intervalMs: row.interval_ms, pauseEvery: row.pause_every, pauseMs: row.pause_ms },
    slowdown: row.slowdown,
    pausedCode: row.paused_code,
    pausedReason: row.paused_reason,
    finishedAt: row.finished_at,
    counts: c,
    etaSeconds: active ? etaSeconds(remaining, schedule, throttleOf(row), now) : null,
  });
}

export function getBatch(
  db: Database.Database,
  batchId: number,
  now = Date.now(),
): MailBatch | null {
  const row = statement(db, 'SELECT * FROM mail_batches WHERE id = ?').get(batchId) as
    BatchRow | undefined;
  return row ? toBatch(db, row, now) : null;
}

/** Unfinished batches first, then the most recent ones. */
export function listBatches(db: Database.Database, now = Date.now(), limit = 50): MailBatch[] {
  const rows = statement(
    db,
    `SELECT * FROM mail_batches
       ORDER BY state IN ('queued', 'running', 'paused') DESC, id DESC LIMIT ?`,
  ).all(limit) as BatchRow[];
  return rows.map((row) => toBatch(db, row, now));
}

/** The `mail:progress` payload of a batch. */
export function progressOf(batch: MailBatch) {
  const { counts: c } = batch;
  return {
    batchId: String(batch.id),
    sent: c.sent,
    failed: c.failed,
    remaining: c.queued + c.sending + c.retryWait,
    etaSeconds: batch.etaSeconds,
  };
}
