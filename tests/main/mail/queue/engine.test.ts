// The send loop against a real smtp-server on 127.0.0.1: the pace measured from the server's
// receive times, temporary refusals retried with backoff and a slower pace, a refused
// recipient failed with the server's reply kept, a dropped connection and a slow greeting
// retried, and a wrong password pausing the batch after one attempt.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { composeRow, nodemailerTransport } from '../../../../src/main/mail/queue/adapters';
import { cancelBatch, resumeBatch, retryFailed } from '../../../../src/main/mail/queue/batches';
import { runQueue, type RunQueueOptions } from '../../../../src/main/mail/queue/engine';
import { getBatch } from '../../../../src/main/mail/queue/progress';
import type { EventPayload } from '../../../../src/shared/contract';
import { actor } from '../../../fixtures/db';
import {
  startFaultServer,
  type FaultOptions,
  type FaultServer,
} from '../../../fixtures/smtp-queue';
import { tempDir } from '../../../helpers';
import { ACCOUNT, batchOf, gaps, queueDatabase, smtpTransport } from './queue-fixture';

const FAST = { intervalMs: 100, pauseEvery: 10, pauseMs: 500 };
const RETRY = { baseMs: 300, maxMs: 2000, maxAttempts: 4 };
const servers: FaultServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function setup(faults: FaultOptions = {}) {
  const server = await startFaultServer(faults);
  servers.push(server);
  const { db } = queueDatabase(tempDir('pli-queue-'));
  return { server, db };
}

function run(db: Database.Database, server: FaultServer, extra: Partial<RunQueueOptions> = {}) {
  const progress: EventPayload<'mail:progress'>[] = [];
  const done = runQueue({
    db,
    workstation: 'POSTE-FACT',
    account: { key: ACCOUNT },
    transport: smtpTransport(server.port),
    compose: composeRow,
    events: { emit: (_name, payload) => progress.push(payload) },
    retry: RETRY,
    pollMs: 100,
    ...extra,
  });
  return { done, progress };
}

const rows = (db: Database.Database, batchId: number) =>
  db
    .prepare(
      `SELECT id, state, attempts, message_id, last_error_code, last_reply, resend_of
       FROM mail_messages WHERE batch_id = ? ORDER BY id`,
    )
    .all(batchId) as {
    id: number;
    state: string;
    attempts: number;
    message_id: string;
    last_error_code: string | null;
    last_reply: string | null;
    resend_of: number | null;
  }[];

describe('the send queue against a real SMTP server', () => {
  it('keeps the default pace: 2 s between messages, measured by the server', async () => {
    const { server, db } = await setup();
    const batch = batchOf(db, 3, { intervalMs: 2000, pauseEvery: 10, pauseMs: 10_000 });
    const { done, progress } = run(db, server);
    expect(await done).toMatchObject({ sent: 3, failed: 0 });
    for (const gap of gaps(server.deliveries.map((d) => d.at)))
      expect(gap).toBeGreaterThanOrEqual(1990);
    expect(getBatch(db, batch.id)).toMatchObject({ state: 'done', counts: { sent: 3, total: 3 } });
    expect(progress.at(-1)).toEqual({
      batchId: String(batch.id),
      sent: 3,
      failed: 0,
      remaining: 0,
      etaSeconds: null,
    });
    // The ETA counts the remaining intervals: 2 s per message still to go.
    const first = progress.find((p) => p.sent === 1);
    expect(first?.etaSeconds).toBeGreaterThanOrEqual(3);
  }, 15_000);

  it('pauses after every 10 messages with a short throttle', async () => {
    const { server, db } = await setup();
    batchOf(db, 12, FAST);
    expect(await run(db, server).done).toMatchObject({ sent: 12 });
    const g = gaps(server.deliveries.map((d) => d.at));
    expect(g).toHaveLength(11);
    g.forEach((gap, i) => expect(gap, `gap ${i + 1}`).toBeGreaterThanOrEqual(i === 9 ? 495 : 98));
  }, 15_000);

  it('retries 451 and 421, backs off, and doubles the interval after 421', async () => {
    const { server, db } = await setup({
      data: (id, n) =>
        n === 1 && /pli\.(2|5)\./.test(id)
          ? { code: id.includes('pli.2.') ? 451 : 421, message: '4.7.0 Try again later' }
          : null,
    });
    const batch = batchOf(db, 8, FAST);
    expect(await run(db, server).done).toMatchObject({ sent: 8, retried: 2, failed: 0 });
    const stored = rows(db, batch.id);
    expect(stored.map((r) => r.state)).toEqual(Array(8).fill('sent'));
    expect(stored.filter((r) => r.attempts === 2).map((r) => r.id)).toEqual([2, 5]);
    expect(getBatch(db, batch.id)?.slowdown).toBe(4);
    // After each refusal the account waits out the backoff before anything else leaves.
    const attempts = db
      .prepare(`SELECT outcome, started_at, finished_at FROM mail_attempts ORDER BY id`)
      .all() as { outcome: string; started_at: string; finished_at: string }[];
    const refusals = attempts.flatMap((a, i) => (a.outcome === 'temporary' ? [i] : []));
    expect(refusals).toHaveLength(2);
    for (const i of refusals) {
      const next = attempts[i + 1];
      expect(
        Date.parse(next!.started_at) - Date.parse(attempts[i]!.finished_at),
      ).toBeGreaterThanOrEqual(RETRY.baseMs - 5);
    }
    // Slowed down for the rest of the batch: the last gaps are at least 4 × 100 ms.
    const g = gaps(server.deliveries.map((d) => d.at));
    expect(Math.min(...g.slice(-2))).toBeGreaterThanOrEqual(395);
  }, 20_000);

  it('fails the message whose recipient is refused with 550, keeping the reply, and sends the others', async () => {
    const { server, db } = await setup({
      rcpt: (address) =>
        address === 'famille.1@orange.example'
          ? { code: 550, message: '5.1.1 Mailbox unknown' }
          : null,
    });
    const batch = batchOf(db, 4, FAST);
    expect(await run(db, server).done).toMatchObject({ sent: 3, failed: 1 });
    const failed = rows(db, batch.id).filter((r) => r.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 1, last_error_code: 'SMTP_RECIPIENT_REFUSED' });
    expect(failed[0]?.last_reply).toMatch(/550.*Mailbox unknown/);
    expect(getBatch(db, batch.id)).toMatchObject({ state: 'done', counts: { sent: 3, failed: 1 } });
    expect(server.deliveries.map((d) => d.to[0])).not.toContain('famille.1@orange.example');
  }, 15_000);

  it('retries a connection dropped during DATA and a greeting that never came in time', async () => {
    const { server, db } = await setup({
      data: (id, n) => (n === 1 && id.includes('pli.2.') ? 'drop' : null),
      greetingDelayMs: (n) => (n === 4 ? 1500 : 0),
    });
    const batch = batchOf(db, 5, FAST);
    expect(await run(db, server).done).toMatchObject({ sent: 5, retried: 2 });
    const stored = rows(db, batch.id);
    expect(stored.every((r) => r.state === 'sent')).toBe(true);
    const codes = db
      .prepare(`SELECT code FROM mail_attempts WHERE outcome = 'temporary' ORDER BY id`)
      .all() as { code: string }[];
    expect(codes).toEqual([{ code: 'SMTP_CONNECTION_LOST' }, { code: 'SMTP_TIMEOUT' }]);
    // Each message arrived once: the dropped DATA was never accepted.
    expect(new Set(server.deliveries.map((d) => d.messageId)).size).toBe(5);
    expect(server.deliveries).toHaveLength(5);
  }, 15_000);

  it('pauses the batch after one attempt on a wrong password, then resumes once fixed', async () => {
    const auth = { user: 'factures', pass: 'bon-mot-de-passe' };
    const { server, db } = await setup({ auth });
    const batch = batchOf(db, 6, FAST);
    const wrong = run(db, server, {
      transport: smtpTransport(server.port, { ...auth, pass: 'faux' }),
    });
    expect(await wrong.done).toMatchObject({ sent: 0, paused: 1, failed: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM mail_attempts').get()).toEqual({ n: 1 });
    const paused = getBatch(db, batch.id);
    expect(paused).toMatchObject({ state: 'paused', pausedCode: 'SMTP_AUTH_FAILED' });
    expect(paused?.pausedReason).toMatch(/refuse l’identifiant ou le mot de passe/);
    expect(paused?.pausedReason).not.toContain('faux');
    expect(paused?.counts).toMatchObject({ queued: 5, retryWait: 1, failed: 0 });

    resumeBatch(db, actor('POSTE-FACT'), batch.id);
    const fixed = run(db, server, { transport: smtpTransport(server.port, auth) });
    expect(await fixed.done).toMatchObject({ sent: 6 });
    expect(getBatch(db, batch.id)).toMatchObject({ state: 'done', counts: { sent: 6 } });
  }, 15_000);

  it('pauses the batch after one attempt when the client speaks TLS to a plain-text port', async () => {
    const { server, db } = await setup();
    const batch = batchOf(db, 5, FAST);
    const tls = nodemailerTransport(
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: server.port,
        secure: true,
        greetingTimeout: 1000,
      }),
    );
    expect(await run(db, server, { transport: tls }).done).toMatchObject({ sent: 0, paused: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM mail_attempts').get()).toEqual({ n: 1 });
    expect(getBatch(db, batch.id)).toMatchObject({
      state: 'paused',
      pausedCode: 'SMTP_TLS_MISMATCH',
      counts: { queued: 4, retryWait: 1 },
    });
    expect(server.deliveries).toHaveLength(0);
  }, 15_000);

  it('cancels what has not started and resends the failures as new rows with new Message-IDs', async () => {
    const refused = new Set(['famille.0@orange.example']);
    const { server, db } = await setup({
      rcpt: (address) =>
        refused.has(address) ? { code: 550, message: '5.1.1 Unknown user' } : null,
    });
    const batch = batchOf(db, 3, FAST);
    expect(await run(db, server).done).toMatchObject({ sent: 2, failed: 1 });
    const [failed] = rows(db, batch.id).filter((r) => r.state === 'failed');
    refused.clear(); // the family's address was fixed on the server's side
    retryFailed(db, actor('POSTE-FACT'), { batchId: batch.id });
    expect(await run(db, server).done).toMatchObject({ sent: 1 });
    const resend = rows(db, batch.id).find((r) => r.resend_of === failed!.id);
    expect(resend).toMatchObject({ state: 'sent', attempts: 1 });
    expect(resend?.message_id).not.toBe(failed!.message_id);
    expect(rows(db, batch.id).find((r) => r.id === failed!.id)?.state).toBe('failed');
    expect(getBatch(db, batch.id)).toMatchObject({
      state: 'done',
      counts: { sent: 3, failed: 0, total: 3 },
    });

    const other = batchOf(db, 4, FAST);
    const cancelled = cancelBatch(db, actor('POSTE-FACT'), other.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', counts: { cancelled: 4 } });
    expect(await run(db, server).done).toMatchObject({ sent: 0 });
  }, 15_000);
});
