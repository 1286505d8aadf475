// Scenario 4: the shared folder (database file and invoice PDFs) disappears mid-batch, then
// comes back. The batch is shown paused with SHARE_UNREACHABLE and its French message through
// the same mail:batches the progress panel reads; no message fails or is lost; it finishes
// once the folder is back. The tests run as root, whom `chmod 000` does not stop: the folder is
// renamed away instead, which is what an unplugged share looks like to Pli (its path is gone,
// the open handle lingers, and nothing can be written beside the file).
import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api';
import type { MailBatch, Presend } from '../../src/shared/contract';
import { mailApp, SMTP_PASSWORD } from '../fixtures/mail-app';
import { codeSummary, duplicatesOf, keep, record, transcript } from './record';

const MESSAGES = 30;
const app = mailApp('pli-share-');
const { db, until } = app;
let ready: Presend['ready'];
let period: string;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(app.handlers, channel, input);
  transcript('share', JSON.stringify(result));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  ({ period, ready } = await app.presend());
});

it('pauses with a French message while the share is gone, and finishes when it is back', async () => {
  expect(ready.length).toBeGreaterThanOrEqual(MESSAGES);
  const batch = await call<MailBatch>('mail:send', {
    facilityId: 1,
    period,
    invoiceIds: ready.slice(0, MESSAGES).map((r) => r.invoiceId),
    requestReceipt: false,
    throttle: { intervalMs: 100, pauseEvery: 0, pauseMs: 0 },
    password: { value: SMTP_PASSWORD, remember: false },
  });
  const find = async () =>
    (await call<MailBatch[]>('mail:batches', {})).find((b) => b.id === batch.id)!;
  await until(() => app.server.received.length >= 5);

  const away = `${app.dataDir}.coupé`;
  fs.renameSync(app.dataDir, away);
  // The windows reload the batches on each mail:progress push: one must come when it pauses
  // (nothing else pushes while the file cannot record a message).
  let pushes = 0;
  const unsubscribe = app.context.events.subscribe((m) => {
    if (m.name === 'mail:progress') pushes++;
  });
  const shown: string[] = [];
  try {
    await until(async () => (await find()).pausedCode === 'SHARE_UNREACHABLE', 20_000);
    expect(pushes).toBeGreaterThan(0);
    unsubscribe();
    const paused = await find();
    shown.push(paused.pausedCode!);
    expect(paused).toMatchObject({ state: 'paused' });
    expect(paused.pausedReason).toContain('Le dossier partagé est inaccessible');
    expect(paused.pausedReason).toContain('Pli reprendra l’envoi dès qu’il revient');
    // Nothing leaves while the folder is gone (a message already on the wire may finish).
    const during = app.server.received.length;
    await new Promise((r) => setTimeout(r, 2000));
    expect(app.server.received.length).toBeLessThanOrEqual(during + 1);
  } finally {
    fs.renameSync(away, app.dataDir);
  }

  await until(async () => (await find()).state === 'done', 60_000);
  const done = await find();
  expect(done.counts).toMatchObject({ sent: MESSAGES, failed: 0 });
  const rows = db()
    .prepare('SELECT message_id, state, last_error_code FROM mail_messages WHERE batch_id = ?')
    .all(batch.id) as { message_id: string; state: string; last_error_code: string | null }[];
  const messageIds = app.server.received.map(
    (r) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(r.raw.toString())?.[1] ?? '',
  );
  const delivered = new Set(messageIds);
  const lost = rows.filter((r) => r.state !== 'sent' || !delivered.has(r.message_id)).length;
  const dup = duplicatesOf(messageIds.map((id) => ({ key: id, messageId: id })));
  expect(lost).toBe(0);
  expect(dup.duplicates).toBe(0);
  keep('share', app.dataDir);
  record({
    scenario: '4. partage disparu puis revenu',
    runs: 1,
    messages: MESSAGES,
    delivered: delivered.size,
    ...dup,
    lost,
    errors: codeSummary(shown),
  });
});
