// The queue as the app runs it: started with the app context, it picks up an unfinished batch
// left by a crash (its row in 'sending' resent with the same Message-ID and flagged), sends a
// batch created through mail:enqueue to the test outbox (no server configured), pushes
// mail:progress (also for a batch another workstation is sending), and stops cleanly.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../../../src/main/api';
import { hashPassword } from '../../../../src/main/auth/password';
import { createAppContext, stopAppContext } from '../../../../src/main/context';
import { enqueueBatch } from '../../../../src/main/mail/queue/batches';
import { claimNext } from '../../../../src/main/mail/queue/claim';
import { finishAttempt } from '../../../../src/main/mail/queue/finish';
import { acquireLease } from '../../../../src/main/mail/queue/lease';
import { openDatabase } from '../../../../src/main/db/open';
import { outboxDir } from '../../../../src/main/mail/smtp/outbox';
import { createConfPrefs } from '../../../../src/main/prefs/conf-store';
import type { EventPayload, MailBatch } from '../../../../src/shared/contract';
import { actor } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';
import { createRows, queueDatabase } from './queue-fixture';

const FAST = { intervalMs: 20, pauseEvery: 0, pauseMs: 0 };

async function until(check: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('starts with the app, recovers an interrupted batch, sends what mail:enqueue queues', async () => {
  const dataDir = tempDir('pli-queue-app-');
  const { db, file } = queueDatabase(dataDir);
  db.prepare('UPDATE users SET password_hash = ?').run(await hashPassword('motdepasse'));
  const crashed = enqueueBatch(db, actor('POSTE-FACT'), {
    messageIds: createRows(db, 3),
    throttle: FAST,
  });
  // A sender died while sending the first message.
  db.prepare(
    `UPDATE mail_messages SET state = 'sending', attempts = 1, claim_token = 'mort' WHERE id = 1`,
  ).run();
  const stuckId = (
    db.prepare('SELECT message_id FROM mail_messages WHERE id = 1').get() as { message_id: string }
  ).message_id;
  const next = createRows(db, 4);
  db.close();

  const context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
  });
  const progress: EventPayload<'mail:progress'>[] = [];
  context.events.subscribe((m) => {
    if (m.name === 'mail:progress') progress.push(m.payload as EventPayload<'mail:progress'>);
  });
  const handlers = createHandlers(context);
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  try {
    await until(() => progress.some((p) => p.batchId === String(crashed.id) && p.remaining === 0));
    const conn = context.db.connection();
    expect(
      conn
        .prepare(
          'SELECT id, state, resent_after_interruption AS flagged FROM mail_messages WHERE batch_id = ? ORDER BY id',
        )
        .all(crashed.id),
    ).toEqual([
      { id: 1, state: 'sent', flagged: 1 },
      { id: 2, state: 'sent', flagged: 0 },
      { id: 3, state: 'sent', flagged: 0 },
    ]);

    expect(await call('auth:signIn', { userId: 2, password: 'motdepasse' })).toMatchObject({
      ok: true,
    });
    const created = (await call('mail:enqueue', { messageIds: next, throttle: FAST })) as {
      ok: true;
      value: MailBatch;
    };
    expect(created.value).toMatchObject({ state: 'queued', counts: { queued: 4, total: 4 } });
    await until(() =>
      progress.some((p) => p.batchId === String(created.value.id) && p.remaining === 0),
    );
    const listed = (await call('mail:batches', {})) as { ok: true; value: MailBatch[] };
    expect(listed.value.map((b) => [b.id, b.state, b.counts.sent])).toEqual([
      [created.value.id, 'done', 4],
      [crashed.id, 'done', 3],
    ]);

    // POSTE-2 holds the account and sends one message of its batch: this workstation sees it.
    const other = openDatabase(file, { create: false, appliedBy: 'POSTE-2' });
    const them = { accountKey: 'outbox', workstation: 'POSTE-2', pid: 1, token: 'poste-2' };
    expect(acquireLease(other, them, Date.now(), 60_000)).toBe(true);
    const theirs = enqueueBatch(other, actor('POSTE-2'), {
      messageIds: createRows(other, 2),
      throttle: FAST,
    });
    const limits = { ttlMs: 60_000, dailyCap: null, maxAttempts: 5 };
    const claim = claimNext(other, them, { ...limits, now: Date.now() });
    if (claim.kind !== 'send') throw new Error(claim.kind);
    finishAttempt(other, them, {
      rowId: claim.row.id,
      batchId: theirs.id,
      attemptId: claim.attemptId,
      outcome: { kind: 'sent', reply: '250 OK', note: null },
      now: Date.now(),
      retry: { baseMs: 1000, maxMs: 1000, maxAttempts: 5 },
    });
    other.close();
    context.mailQueue.kick();
    // The pace of a batch under way can be changed; a finished one cannot.
    const slower = { intervalMs: 5000, pauseEvery: 5, pauseMs: 30_000 };
    expect(await call('mail:throttle', { batchId: theirs.id, throttle: slower })).toMatchObject({
      ok: true,
      value: { throttle: slower, state: 'running' },
    });
    expect(await call('mail:throttle', { batchId: crashed.id, throttle: slower })).toMatchObject({
      ok: false,
      error: { code: 'MAIL_BATCH_FINISHED' },
    });
    expect(progress.filter((p) => p.batchId === String(theirs.id)).at(-1)).toMatchObject({
      sent: 1,
      failed: 0,
      remaining: 1,
    });
    // Mode test: each message is an .eml in the outbox, the interrupted one under its Message-ID.
    const files = fs.readdirSync(outboxDir(dataDir));
    expect(files).toHaveLength(7); // POSTE-2's message went through its own transport
    const stuck = files.filter((f) =>
      fs.readFileSync(path.join(outboxDir(dataDir), f), 'utf8').includes(stuckId),
    );
    expect(stuck).toHaveLength(1);
    expect(await call('mail:pause', { batchId: created.value.id })).toMatchObject({
      ok: false,
      error: { code: 'MAIL_BATCH_FINISHED' },
    });
  } finally {
    await stopAppContext(context);
  }
}, 30_000);
