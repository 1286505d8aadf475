// The pace as pure functions (gaps, ETA, backoff) and, on a real file, the lease (one holder,
// taken over when expired or when its process on this workstation is gone) and the daily cap.
import { describe, expect, it } from 'vitest';
import { dailyCapFor } from '../../../../src/main/mail/queue/accounts';
import { claimNext, localDay } from '../../../../src/main/mail/queue/claim';
import { finishAttempt } from '../../../../src/main/mail/queue/finish';
import { acquireLease, releaseLease, renewLease } from '../../../../src/main/mail/queue/lease';
import {
  backoffMs,
  etaSeconds,
  gapAfter,
  nextSlot,
} from '../../../../src/main/mail/queue/throttle';
import { saveQueueSettings } from '../../../../src/main/mail/queue/settings';
import { actor } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';
import { ACCOUNT, batchOf, queueDatabase } from './queue-fixture';

const DEFAULT = { intervalMs: 2000, pauseEvery: 10, pauseMs: 10_000, slowdown: 1 };

describe('the pace', () => {
  it('waits 2 s between messages and 10 s after every 10th, doubled interval when slowed', () => {
    expect([1, 9, 10, 11, 20].map((n) => gapAfter(n, DEFAULT))).toEqual([
      2000, 2000, 10_000, 2000, 10_000,
    ]);
    expect(gapAfter(3, { ...DEFAULT, slowdown: 2 })).toBe(4000);
    expect(nextSlot({ lastSendAt: 0, streak: 0, holdUntil: 0 }, DEFAULT)).toBe(0);
    expect(nextSlot({ lastSendAt: 1000, streak: 3, holdUntil: 0 }, DEFAULT)).toBe(3000);
    expect(nextSlot({ lastSendAt: 1000, streak: 3, holdUntil: 9000 }, DEFAULT)).toBe(9000);
  });

  it('estimates 200 invoices at the default pace: 199 gaps, 19 of them long pauses', () => {
    const fresh = { lastSendAt: 0, streak: 0, holdUntil: 0 };
    // 180 × 2 s + 19 × 10 s = 550 s.
    expect(etaSeconds(200, fresh, DEFAULT, 0)).toBe(550);
    expect(etaSeconds(0, fresh, DEFAULT, 0)).toBe(0);
    // Halfway through a wait the ETA counts only what is left of it.
    expect(etaSeconds(1, { lastSendAt: 1000, streak: 1, holdUntil: 0 }, DEFAULT, 2000)).toBe(1);
  });

  it('backs off exponentially up to a ceiling', () => {
    const policy = { baseMs: 30_000, maxMs: 300_000, maxAttempts: 5 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, policy))).toEqual([
      30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
  });
});

describe('the lease and the daily cap in the shared file', () => {
  const me = (token: string, workstation = 'POSTE-A', pid = process.pid) => ({
    accountKey: ACCOUNT,
    workstation,
    pid,
    token,
  });

  it('has one holder; expires, or frees at once when the holder’s process on this workstation is gone', () => {
    const { db } = queueDatabase(tempDir('pli-queue-lease-'));
    expect(acquireLease(db, me('a'), 1000, 30_000)).toBe(true);
    expect(acquireLease(db, me('b', 'POSTE-B', 1), 2000, 30_000)).toBe(false);
    expect(renewLease(db, me('a'), 20_000, 30_000)).toBe(true);
    expect(acquireLease(db, me('b', 'POSTE-B', 1), 40_000, 30_000)).toBe(false);
    expect(acquireLease(db, me('b', 'POSTE-B', 1), 50_001, 30_000)).toBe(true);
    expect(renewLease(db, me('a'), 50_002, 30_000)).toBe(false);
    // A dead process of POSTE-B (pid 2³¹-2 does not exist) is known dead on POSTE-B only.
    const dead = me('c', 'POSTE-B', 2 ** 31 - 2);
    db.prepare('UPDATE mail_accounts SET holder_pid = ? WHERE account_key = ?').run(
      dead.pid,
      ACCOUNT,
    );
    expect(acquireLease(db, me('d', 'POSTE-A'), 50_003, 30_000)).toBe(false);
    expect(acquireLease(db, me('e', 'POSTE-B'), 50_004, 30_000)).toBe(true);
    releaseLease(db, me('e', 'POSTE-B'));
    expect(acquireLease(db, me('f', 'POSTE-A'), 50_005, 30_000)).toBe(true);
  });

  it('stops the account for the day at its cap and starts again after midnight', () => {
    const { db } = queueDatabase(tempDir('pli-queue-cap-'));
    batchOf(db, 5, { intervalMs: 0, pauseEvery: 0, pauseMs: 0 });
    const holder = me('cap');
    const now = new Date(2026, 9, 5, 23, 0).getTime();
    acquireLease(db, holder, now, 30_000);
    for (let i = 0; i < 3; i++) {
      const claim = claimNext(db, holder, {
        now: now + i,
        ttlMs: 30_000,
        dailyCap: 3,
        maxAttempts: 5,
      });
      if (claim.kind !== 'send') throw new Error(claim.kind);
      finishAttempt(db, holder, {
        rowId: claim.row.id,
        batchId: claim.batchId,
        attemptId: claim.attemptId,
        outcome: { kind: 'sent', reply: '250 OK', note: null },
        now: now + i,
        retry: { baseMs: 1, maxMs: 1, maxAttempts: 1 },
      });
    }
    const capped = claimNext(db, holder, {
      now: now + 10,
      ttlMs: 30_000,
      dailyCap: 3,
      maxAttempts: 5,
    });
    expect(capped).toEqual({ kind: 'wait', until: new Date(2026, 9, 6).getTime() });
    const tomorrow = new Date(2026, 9, 6, 0, 1).getTime();
    expect(
      claimNext(db, holder, { now: tomorrow, ttlMs: 30_000, dailyCap: 3, maxAttempts: 5 }).kind,
    ).toBe('send');
    expect(localDay(tomorrow)).toBe('2026-10-06');
  });
});

describe('the daily cap of an account', () => {
  it('is the administrator’s, else the provider’s published limit for the host', () => {
    const { db } = queueDatabase(tempDir('pli-queue-capfor-'));
    expect(dailyCapFor(db, 'SMTP-mail.outlook.com')).toBe(300);
    expect(dailyCapFor(db, 'mail.interne.example')).toBeNull();
    saveQueueSettings(db, actor('POSTE-ADMIN', 1, 'Claire Martin'), {
      intervalMs: 3000,
      pauseEvery: 20,
      pauseMs: 15_000,
      dailyCap: 250,
    });
    expect(dailyCapFor(db, 'smtp.orange.fr')).toBe(250);
  });
});

describe('a sender that lost its lease mid-send', () => {
  const holder = (token: string, workstation: string) => ({
    accountKey: ACCOUNT,
    workstation,
    pid: process.pid,
    token,
  });
  const options = { ttlMs: 1000, dailyCap: null, maxAttempts: 3 };
  const sent = { kind: 'sent' as const, reply: '250 OK', note: null };
  const retry = { baseMs: 1, maxMs: 1, maxAttempts: 3 };

  it('leaves the row to the sender that took over, which resends it flagged, then gives up after the last attempt', () => {
    const { db } = queueDatabase(tempDir('pli-queue-stall-'));
    const batch = batchOf(db, 1, { intervalMs: 0, pauseEvery: 0, pauseMs: 0 });
    const a = holder('a', 'POSTE-A');
    const b = holder('b', 'POSTE-B');
    acquireLease(db, a, 0, 1000);
    const first = claimNext(db, a, { ...options, now: 0 });
    if (first.kind !== 'send') throw new Error(first.kind);
    // POSTE-A stalls past its lease; POSTE-B takes over and finds the row in 'sending'.
    expect(acquireLease(db, b, 5000, 1000)).toBe(true);
    const second = claimNext(db, b, { ...options, now: 5000 });
    expect(second).toMatchObject({ kind: 'send', interrupted: true, row: { id: first.row.id } });
    if (second.kind !== 'send') throw new Error(second.kind);
    expect(second.row.message_id).toBe(first.row.message_id);
    // POSTE-A's late result does not touch the row POSTE-B now owns.
    finishAttempt(db, a, {
      rowId: first.row.id,
      batchId: batch.id,
      attemptId: first.attemptId,
      outcome: sent,
      now: 5001,
      retry,
    });
    expect(db.prepare('SELECT state, attempts FROM mail_messages').get()).toEqual({
      state: 'sending',
      attempts: 2,
    });
    finishAttempt(db, b, {
      rowId: second.row.id,
      batchId: batch.id,
      attemptId: second.attemptId,
      outcome: sent,
      now: 5002,
      retry,
    });
    expect(
      db.prepare('SELECT state, resent_after_interruption AS flagged FROM mail_messages').get(),
    ).toEqual({ state: 'sent', flagged: 1 });
  });

  it('fails a message interrupted at every attempt instead of resending it forever', () => {
    const { db } = queueDatabase(tempDir('pli-queue-poison-'));
    const batch = batchOf(db, 1, { intervalMs: 0, pauseEvery: 0, pauseMs: 0 });
    for (let i = 0; i < 3; i++) {
      const h = holder(`t${i}`, `POSTE-${i}`);
      expect(acquireLease(db, h, i * 5000, 1000)).toBe(true);
      expect(claimNext(db, h, { ...options, now: i * 5000 }).kind).toBe('send');
    }
    const last = holder('t3', 'POSTE-3');
    acquireLease(db, last, 20_000, 1000);
    expect(claimNext(db, last, { ...options, now: 20_000 })).toEqual({
      kind: 'wait',
      until: 20_000,
    });
    expect(db.prepare('SELECT state, last_error_code AS code FROM mail_messages').get()).toEqual({
      state: 'failed',
      code: 'MAIL_SEND_INTERRUPTED',
    });
    expect(db.prepare('SELECT state FROM mail_batches WHERE id = ?').get(batch.id)).toEqual({
      state: 'done',
    });
    expect(claimNext(db, last, { ...options, now: 20_001 })).toEqual({ kind: 'idle' });
  });
});
