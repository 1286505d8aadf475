// Scenario 1: the sending process killed with SIGKILL at 20 random points of a 200-message
// batch (throttle off), restarted each time on the same file. Nothing is lost; a message the
// server had when the sender died is resent once, with its Message-ID, and flagged. The points
// come from a seed printed here (PLI_RELIABILITY_SEED=<seed> replays a run).
import type { ChildProcess } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { getBatch } from '../../src/main/mail/queue/progress';
import { startFaultServer, type FaultServer } from '../fixtures/smtp-queue';
import { ACCOUNT, batchOf, queueDatabase } from '../main/mail/queue/queue-fixture';
import { codeSummary, duplicatesOf, record, seeded, transcript, workDir } from './record';
import { bundleQueueWorker, startWorker } from './worker';

const MESSAGES = 200;
const KILLS = 20;
const seed = Number(process.env.PLI_RELIABILITY_SEED ?? Date.now() % 1_000_000);
let server: FaultServer | undefined;
afterAll(() => server?.close());

it(`survives kill -9 at ${KILLS} random points of a ${MESSAGES}-message batch (seed ${seed})`, async () => {
  console.log(`kill -9 : graine ${seed} (PLI_RELIABILITY_SEED=${seed} pour rejouer)`);
  const random = seeded(seed);
  // Distinct delivery numbers, each with where the kill lands: while the server holds its reply
  // to DATA (the message is out, the row still says 'sending'), or just after that reply.
  const points = new Map<number, 'DATA' | 'après'>();
  while (points.size < KILLS) {
    points.set(1 + Math.floor(random() * (MESSAGES - 10)), random() < 0.5 ? 'DATA' : 'après');
  }
  const worker = await bundleQueueWorker();
  const { db, file } = queueDatabase(workDir('kill'));
  const batch = batchOf(db, MESSAGES, { intervalMs: 0, pauseEvery: 0, pauseMs: 0 });

  let current: ChildProcess | null = null;
  const kills: string[] = [];
  const killNow = async (where: string) => {
    const child = current;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    kills.push(where);
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  };
  const seen = new Set<number>();
  server = await startFaultServer({
    beforeReply: async () => {
      const n = server!.deliveries.length;
      const where = points.get(n);
      if (!where || seen.has(n)) return;
      seen.add(n);
      if (where === 'DATA') await killNow(`DATA ${n}`);
      else setTimeout(() => void killNow(`après ${n}`), Math.floor(random() * 5));
    },
  });

  let runs = 0;
  for (; runs < KILLS + 5;) {
    const run = startWorker(worker, [file, 'POSTE-FACT', String(server.port), ACCOUNT, '0', '600']);
    runs++;
    current = run.child;
    const result = await run.exited;
    transcript('kill', result.out, result.err);
    if (result.code === 0) break;
    expect(result.signal, result.err).toBe('SIGKILL');
  }
  expect(kills, `seed ${seed}`).toHaveLength(KILLS);

  const rows = db
    .prepare(
      `SELECT message_id, state, resent_after_interruption AS flagged, last_error_code AS code
       FROM mail_messages WHERE batch_id = ?`,
    )
    .all(batch.id) as { message_id: string; state: string; flagged: number; code: string }[];
  const byId = new Map(rows.map((r) => [r.message_id, r]));
  const delivered = new Set(server.deliveries.map((d) => d.messageId));
  const dup = duplicatesOf(
    server.deliveries.map((d) => ({ key: d.to.join(','), messageId: d.messageId })),
  );
  // Nothing arrived that is not a row; every row arrived and says sent.
  expect([...delivered].every((id) => byId.has(id))).toBe(true);
  const lost = rows.filter((r) => r.state !== 'sent' || !delivered.has(r.message_id)).length;
  expect(lost).toBe(0);
  expect(dup.sameMessageId ?? true).toBe(true);
  // A message the server received again is a row flagged « renvoyé après interruption », and
  // only a kill between the server's copy and the row's update (during or just after the reply
  // to DATA) makes an extra copy.
  const counts = new Map<string, number>();
  for (const d of server.deliveries) counts.set(d.messageId, (counts.get(d.messageId) ?? 0) + 1);
  let extra = 0;
  for (const [id, n] of counts) {
    if (n > 1) expect(byId.get(id)?.flagged).toBe(1);
    extra += n - 1;
  }
  expect(extra).toBeLessThanOrEqual(kills.length);
  expect(getBatch(db, batch.id)).toMatchObject({ state: 'done', counts: { sent: MESSAGES } });
  record({
    scenario: `1. kill -9 ×${KILLS} (graine ${seed})`,
    runs,
    messages: MESSAGES,
    delivered: delivered.size,
    ...dup,
    lost,
    errors: codeSummary(rows.filter((r) => r.flagged).map(() => 'renvoyé après interruption')),
  });
  db.close();
});
