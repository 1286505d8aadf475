// Scenario 3: three workstation processes on one database file, each running the send queue
// and editing at once (a resident's record and débours, through the real services). The first
// closes after 40 messages and another takes over. Every message is delivered once, every edit
// is in the file, and no SQLITE_BUSY (or DB_LOCKED) reaches anyone.
import { afterAll, expect, it } from 'vitest';
import { getBatch } from '../../src/main/mail/queue/progress';
import { saveResident } from '../../src/main/residents/repository';
import { actor, residentInput } from '../fixtures/db';
import { startFaultServer, type FaultServer } from '../fixtures/smtp-queue';
import { bundleWorker } from '../helpers';
import { ACCOUNT, batchOf, queueDatabase } from '../main/mail/queue/queue-fixture';
import { codeSummary, duplicatesOf, record, transcript, workDir } from './record';
import { startWorker } from './worker';

const MESSAGES = 150;
const EDITS = 40;
const STATIONS = ['ACCUEIL-1', 'ACCUEIL-2', 'FACTURATION'];
let server: FaultServer | undefined;
afterAll(() => server?.close());

it(`three workstations send ${MESSAGES} messages and edit at once: each message once, no edit lost`, async () => {
  const worker = await bundleWorker('tests/reliability/workstation-worker.ts');
  const { db, file } = queueDatabase(workDir('workstations'));
  const residents = STATIONS.map(
    (_, i) =>
      saveResident(db, actor(), {
        id: null,
        version: null,
        resident: residentInput({ nom: `Résident ${i}` }),
      }).id,
  );
  server = await startFaultServer();
  const batch = batchOf(db, MESSAGES, { intervalMs: 10, pauseEvery: 0, pauseMs: 0 });

  const start = (i: number) =>
    startWorker(worker, [
      file,
      STATIONS[i]!,
      String(server!.port),
      ACCOUNT,
      String(residents[i]),
      String(EDITS),
      i === 0 ? '40' : '0',
    ]).exited;
  // ACCUEIL-1 takes the lease first and closes after 40 messages: another one continues.
  const first = start(0);
  while (server.deliveries.length === 0) await new Promise((r) => setTimeout(r, 10));
  const exits = await Promise.all([first, start(1), start(2)]);
  const outputs = exits.map((exit) => {
    transcript('workstations', exit.out, exit.err);
    expect(exit.code, exit.err).toBe(0);
    return JSON.parse(exit.out) as { workstation: string; errors: string[] };
  });
  const errors = outputs.flatMap((o) => o.errors);
  expect(errors).toEqual([]);

  // Each message once.
  const rows = db
    .prepare('SELECT message_id, state FROM mail_messages WHERE batch_id = ?')
    .all(batch.id) as { message_id: string; state: string }[];
  const delivered = new Set(server.deliveries.map((d) => d.messageId));
  const dup = duplicatesOf(
    server.deliveries.map((d) => ({ key: d.to.join(','), messageId: d.messageId })),
  );
  expect(dup.duplicates).toBe(0);
  expect(server.deliveries).toHaveLength(MESSAGES);
  const lost = rows.filter((r) => r.state !== 'sent' || !delivered.has(r.message_id)).length;
  expect(lost).toBe(0);
  expect(getBatch(db, batch.id)).toMatchObject({ state: 'done', counts: { sent: MESSAGES } });
  const senders = db.prepare('SELECT DISTINCT workstation FROM mail_attempts').all();
  expect(senders.length).toBeGreaterThanOrEqual(2);

  // Every edit is there: the last note of each record, its version, each débours.
  STATIONS.forEach((station, i) => {
    const row = db
      .prepare('SELECT notes, version FROM residents WHERE id = ?')
      .get(residents[i]) as { notes: string; version: number };
    expect(row).toEqual({ notes: `${station} ${EDITS - 1}`, version: 1 + EDITS });
  });
  const debours = db.prepare('SELECT label FROM debours ORDER BY label').all() as {
    label: string;
  }[];
  expect(debours).toHaveLength(STATIONS.length * EDITS);
  const edits = STATIONS.length * EDITS * 2;
  record({
    scenario: `3. 3 postes, envoi + ${edits} modifications (0 perdue)`,
    runs: STATIONS.length,
    messages: MESSAGES,
    delivered: delivered.size,
    ...dup,
    lost,
    errors: codeSummary(errors),
  });
  db.close();
});
