// The send loop for one SMTP account: take the lease, claim one message at a time (a short
// write transaction), send it outside any transaction, record the outcome, push progress, and
// repeat at the account's pace until nothing is left to do now. Other workstations running the
// same loop wait on the lease, so the account sends at one pace network-wide, and take over
// when this one stops or dies.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PliError } from '../../../shared/contract';
import { statement } from '../../db/statements';
import { classify as classifySmtp } from '../smtp/diagnose';
import { claimNext } from './claim';
import { finishAttempt, type Outcome } from './finish';
import { acquireLease, releaseLease, renewLease, type LeaseHolder } from './lease';
import { getBatch, progressOf } from './progress';
import { withShare, type ShareWatch } from './share';
import { DEFAULT_RETRY, type RetryPolicy } from './throttle';
import {
  systemClock,
  type Classified,
  type Classify,
  type Clock,
  type ComposeRow,
  type QueueEvents,
  type QueueTransport,
} from './types';

export interface RunQueueOptions {
  db: Database.Database;
  workstation: string;
  account: { key: string; dailyCap?: number | null };
  transport: QueueTransport;
  compose: ComposeRow;
  clock?: Clock;
  events?: QueueEvents;
  classify?: Classify;
  retry?: Partial<RetryPolicy>;
  /** A lease not renewed for this long is free for another workstation (default 30 s). */
  leaseTtlMs?: number;
  /** How often to look again while waiting or while another workstation holds the lease (5 s). */
  pollMs?: number;
  signal?: AbortSignal;
  /** Stop after this many attempts (a workstation closing mid-batch, in tests). */
  maxAttempts?: number;
  /** Told when the shared folder goes (true) and comes back (false); the loop waits for it. */
  onShare?: (lost: boolean) => void;
}

export interface RunSummary {
  sent: number;
  failed: number;
  retried: number;
  paused: number;
  resentAfterInterruption: number;
}

/** hasWork's query (exported for its query-plan test). */
export const HAS_WORK_SQL = `SELECT EXISTS (SELECT 1 FROM mail_messages m JOIN mail_batches b ON b.id = m.batch_id
       WHERE b.account_key = :key AND m.state = 'sending')
     OR EXISTS (SELECT 1 FROM mail_messages m JOIN mail_batches b ON b.id = m.batch_id
       WHERE b.account_key = :key AND b.state IN ('queued', 'running')
         AND m.state IN ('queued', 'retry_wait')) AS found`;

/**
 * Whether anything of this account is left to attempt, now or later. Two lookups: as one OR
 * they read every message of the account's finished batches, a cost growing every month.
 */
export function hasWork(db: Database.Database, accountKey: string): boolean {
  const found = statement(db, HAS_WORK_SQL).get({ key: accountKey }) as { found: number };
  return found.found === 1;
}

async function attempt(
  options: RunQueueOptions,
  row: Parameters<ComposeRow>[0],
  classify: Classify,
  share: ShareWatch,
): Promise<Outcome> {
  try {
    // A PDF unreadable because the whole share is gone waits for it instead of failing.
    const { message, envelope } = await withShare(share, () => options.compose(row));
    const info = await options.transport.send(message, envelope);
    const rejected = info.rejected.map(String);
    return {
      kind: 'sent',
      reply: info.response ?? null,
      // Sent to the others: the refused addresses are kept for the journal.
      note:
        rejected.length > 0 ? `Adresses refusées par le serveur : ${rejected.join(', ')}` : null,
    };
  } catch (error) {
    return { kind: 'failed', failure: classify(error) };
  }
}

/** The message itself is wrong (address, attachment): no retry helps; else ask the SMTP diagnosis. */
export function defaultClassify(error: unknown): Classified {
  if (error instanceof PliError) {
    return {
      code: error.code,
      // A Microsoft 365 / Google sign-in that lapsed mid-batch: every next message would fail
      // alike, so the batch waits for an administrator to reconnect.
      kind: error.code.startsWith('OAUTH_') ? 'pause' : 'permanent',
      message: error.message,
      reply: null,
      slowDown: false,
      serverWide: false,
    };
  }
  return classifySmtp(error);
}

export async function runQueue(options: RunQueueOptions): Promise<RunSummary> {
  const { db, signal } = options;
  const clock = options.clock ?? systemClock;
  const classify = options.classify ?? defaultClassify;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const ttlMs = options.leaseTtlMs ?? 30_000;
  const pollMs = options.pollMs ?? 5000;
  const me: LeaseHolder = {
    accountKey: options.account.key,
    workstation: options.workstation,
    pid: process.pid,
    token: randomBytes(16).toString('hex'),
  };
  const summary: RunSummary = {
    sent: 0,
    failed: 0,
    retried: 0,
    paused: 0,
    resentAfterInterruption: 0,
  };
  let held = false;
  let attempts = 0;
  // Renewed on a timer too, so a slow send (a large attachment) does not lose the lease.
  const renew = setInterval(
    () => {
      try {
        if (held && !renewLease(db, me, clock.now(), ttlMs)) held = false;
      } catch {
        held = false;
      }
    },
    Math.max(50, Math.floor(ttlMs / 3)),
  );
  renew.unref();
  const share: ShareWatch = { db, clock, pollMs, signal, onChange: options.onShare };
  const emit = (batchId: number) => {
    const batch = getBatch(db, batchId, clock.now());
    if (batch) options.events?.emit('mail:progress', progressOf(batch));
  };

  try {
    while (!signal?.aborted) {
      if (options.maxAttempts !== undefined && attempts >= options.maxAttempts) break;
      if (!held) {
        held = await withShare(share, () => acquireLease(db, me, clock.now(), ttlMs));
        if (!held) {
          if (!hasWork(db, me.accountKey)) break;
          await clock.sleep(pollMs, signal);
          continue;
        }
      }
      const claim = await withShare(share, () =>
        claimNext(db, me, {
          now: clock.now(),
          ttlMs,
          dailyCap: options.account.dailyCap ?? null,
          maxAttempts: retry.maxAttempts,
        }),
      );
      if (claim.kind === 'lost') {
        held = false;
        continue;
      }
      if (claim.kind === 'idle') break;
      if (claim.kind === 'wait') {
        // Capped by the poll interval so a pause, a resume or a new batch is seen soon.
        await clock.sleep(Math.min(claim.until - clock.now(), pollMs), signal);
        continue;
      }
      attempts++;
      if (claim.interrupted) summary.resentAfterInterruption++;
      emit(claim.batchId);
      const outcome = await attempt(options, claim.row, classify, share);
      // Recorded once the share is back: a message the server took is never sent again.
      await withShare(share, () =>
        finishAttempt(db, me, {
          rowId: claim.row.id,
          batchId: claim.batchId,
          attemptId: claim.attemptId,
          outcome,
          now: clock.now(),
          retry,
        }),
      );
      if (outcome.kind === 'sent') summary.sent++;
      else if (outcome.failure.kind === 'pause') summary.paused++;
      else if (outcome.failure.kind === 'permanent' || claim.row.attempts >= retry.maxAttempts)
        summary.failed++;
      else summary.retried++;
      emit(claim.batchId);
    }
  } finally {
    clearInterval(renew);
    if (held) {
      try {
        releaseLease(db, me);
      } catch {
        // The file went away (closing, share lost): the lease simply expires.
      }
    }
  }
  return summary;
}
