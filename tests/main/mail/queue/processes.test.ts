// The queue across processes on one shared file: a sender killed with SIGKILL at several points
// of a 100-message batch and restarted loses nothing and duplicates only with the same
// Message-ID, flagged; three workstations running the queue at once send each message once, at
// the batch's pace measured by the server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBatch } from '../../../../src/main/mail/queue/progress';
import { startFaultServer, type Delivery, type FaultServer } from '../../../fixtures/smtp-queue';
import { tempDir } from '../../../helpers';
import { ACCOUNT, batchOf, gaps, queueDatabase } from './queue-fixture';

const worker = path.resolve('test-results/workers/queue-worker.mjs');
const servers: FaultServer[] = [];

beforeAll(async () => {
  await build({
    entryPoints: ['tests/main/mail/queue/queue-worker.ts'],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function start(file: string, workstation: string, port: number, maxAttempts = 0, ttl = 1500) {
  const child = spawn(process.execPath, [
    worker,
    file,
    workstation,
    String(port),
    ACCOUNT,
    String(maxAttempts),
    String(ttl),
  ]);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{
    code: number | null;
    signal: string | null;
    out: string;
    err: string;
  }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, exited };
}

describe('senders in several processes on one file', () => {
  it('survives kill -9 at several points of a 100-message batch: all delivered, duplicates flagged', async () => {
    const { db, file } = queueDatabase(tempDir('pli-queue-kill-'));
    let current: ChildProcess | null = null;
    const kills: string[] = [];
    const killNow = async (where: string) => {
      const child = current;
      if (!child || child.exitCode !== null) return;
      kills.push(where);
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    };
    // Killed while the server holds its reply to DATA (the message is out, the row says
    // 'sending'), and once between two messages (during the throttle's wait).
    const server = await startFaultServer({
      beforeReply: async (delivery: Delivery) => {
        const n = server.deliveries.length;
        if (n === 10 || n === 45 || n === 80) await killNow(`DATA ${n} ${delivery.messageId}`);
        if (n === 60) setTimeout(() => void killNow('entre deux messages'), 15);
      },
    });
    servers.push(server);
    const batch = batchOf(db, 100, { intervalMs: 30, pauseEvery: 25, pauseMs: 100 });

    const runs: string[] = [];
    for (let i = 0; i < 10; i++) {
      const run = start(file, 'POSTE-FACT', server.port);
      current = run.child;
      const result = await run.exited;
      runs.push(result.signal ?? String(result.code));
      if (result.code === 0) break;
      expect(result.err).toBe('');
    }
    expect(kills).toHaveLength(4);
    expect(runs).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL', 'SIGKILL', '0']);

    const rows = db
      .prepare(
        'SELECT message_id, state, resent_after_interruption AS flagged FROM mail_messages WHERE batch_id = ?',
      )
      .all(batch.id) as { message_id: string; state: string; flagged: number }[];
    expect(rows.filter((r) => r.state === 'sent')).toHaveLength(100);
    const counts = new Map<string, number>();
    for (const d of server.deliveries) counts.set(d.messageId, (counts.get(d.messageId) ?? 0) + 1);
    // Every row arrived, nothing else did, and a message that arrived twice is a flagged row.
    expect(new Set(counts.keys())).toEqual(new Set(rows.map((r) => r.message_id)));
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice.length).toBeGreaterThanOrEqual(3); // the three kills during DATA
    for (const id of twice) {
      expect(counts.get(id)).toBe(2);
      expect(rows.find((r) => r.message_id === id)?.flagged).toBe(1);
    }
    expect(getBatch(db, batch.id)).toMatchObject({
      state: 'done',
      counts: { sent: 100, failed: 0, resentAfterInterruption: twice.length },
    });
  }, 60_000);

  it('three workstations at once: each message once, one pace, taken over when one closes', async () => {
    const { db, file } = queueDatabase(tempDir('pli-queue-three-'));
    const server = await startFaultServer();
    servers.push(server);
    const throttle = { intervalMs: 150, pauseEvery: 10, pauseMs: 600 };
    const batch = batchOf(db, 30, throttle);
    // ACCUEIL-1 starts first and closes after 8 messages: another workstation continues.
    const first = start(file, 'ACCUEIL-1', server.port, 8).exited;
    while (server.deliveries.length === 0) await new Promise((r) => setTimeout(r, 10));
    const results = await Promise.all([
      first,
      start(file, 'ACCUEIL-2', server.port).exited,
      start(file, 'FACTURATION', server.port).exited,
    ]);
    for (const r of results) expect(r.code, r.err).toBe(0);

    expect(server.deliveries).toHaveLength(30);
    expect(new Set(server.deliveries.map((d) => d.messageId)).size).toBe(30);
    const g = gaps(server.deliveries.map((d) => d.at));
    g.forEach((gap, i) => {
      const floor = (i + 1) % throttle.pauseEvery === 0 ? throttle.pauseMs : throttle.intervalMs;
      expect(gap, `gap after message ${i + 1}`).toBeGreaterThanOrEqual(floor - 5);
    });
    const senders = db
      .prepare(`SELECT DISTINCT workstation FROM mail_attempts ORDER BY workstation`)
      .all() as { workstation: string }[];
    expect(senders.length).toBeGreaterThanOrEqual(2);
    expect(getBatch(db, batch.id)).toMatchObject({ state: 'done', counts: { sent: 30 } });
  }, 60_000);
});
