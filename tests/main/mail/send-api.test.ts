// mail:send through dispatch on a real app context, a real demo file and a real smtp-server on
// 127.0.0.1 asking for a password: with no password known, SMTP_PASSWORD_REQUIRED comes back and
// nothing is written; with it, five ticked invoices leave at the chosen pace, each with its
// invoice PDF and the template's text as « Aperçu du message » shows it, and their rows end
// `sent`. One invoice that cannot go (no address) stops the whole send, named in the error,
// before any row or batch is written. The password is in no result.
import { simpleParser } from 'mailparser';
import { beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { mailApp, SMTP_PASSWORD } from '../../fixtures/mail-app';
import type { MailBatch, MailPreview, Presend } from '../../../src/shared/contract';

const FAST = { intervalMs: 40, pauseEvery: 0, pauseMs: 0 };

const app = mailApp('pli-send-');
const { db, ok, count, until } = app;
let check: Presend;
beforeAll(async () => {
  check = await app.presend();
});

const request = (invoiceIds: number[], extra: object = {}) => ({
  facilityId: 1,
  period: check.period,
  invoiceIds,
  requestReceipt: false,
  throttle: FAST,
  ...extra,
});

it('asks for the password before writing anything', async () => {
  const before = { rows: count('mail_messages'), batches: count('mail_batches') };
  const answer = await dispatch(app.handlers, 'mail:send', request([check.ready[0]!.invoiceId]));
  expect(answer).toMatchObject({ ok: false, error: { code: 'SMTP_PASSWORD_REQUIRED' } });
  expect({ rows: count('mail_messages'), batches: count('mail_batches') }).toEqual(before);
});

it('writes nothing when one ticked invoice cannot go, and names it', async () => {
  const blocked = check.excluded.find((row) => row.reason === 'no_address');
  expect(blocked).toBeDefined();
  const before = { rows: count('mail_messages'), batches: count('mail_batches') };
  const ids = [...check.ready.slice(0, 3).map((r) => r.invoiceId), blocked!.invoiceId];
  const answer = await dispatch(
    app.handlers,
    'mail:send',
    request(ids, { password: { value: SMTP_PASSWORD, remember: false } }),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'MAIL_NO_RECIPIENT' } });
  const details = answer.ok ? [] : (answer.error.details ?? []);
  expect(details[0]).toContain(`Facture ${blocked!.number}`);
  expect(details[0]).toContain('décochez-la');
  expect({ rows: count('mail_messages'), batches: count('mail_batches') }).toEqual(before);
  expect(app.server.received).toHaveLength(0);
});

it('sends five invoices with their PDF and the template text; rows end sent', async () => {
  const five = check.ready.slice(0, 5);
  const previews = new Map<number, MailPreview>();
  for (const row of five) {
    previews.set(
      row.invoiceId,
      await ok<MailPreview>('mail:preview', { invoiceId: row.invoiceId, docType: 'facture' }),
    );
  }
  // The password was given with the refused send, for this session: no second prompt.
  const batch = await ok<MailBatch>('mail:send', request(five.map((r) => r.invoiceId)));
  expect(batch.counts.total).toBe(5);
  expect(batch.throttle).toEqual(FAST);
  expect(JSON.stringify(batch)).not.toContain(SMTP_PASSWORD);
  await until(async () => {
    const batches = await ok<MailBatch[]>('mail:batches', {});
    return batches.find((b) => b.id === batch.id)?.state === 'done';
  });
  expect(app.server.received).toHaveLength(5);
  const at = app.server.received.map((r) => r.at);
  for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(30);

  const rows = db()
    .prepare('SELECT invoice_id, state, message_id FROM mail_messages WHERE batch_id = ?')
    .all(batch.id) as { invoice_id: number; state: string; message_id: string }[];
  expect(rows.map((r) => r.state)).toEqual(Array(5).fill('sent'));
  for (const received of app.server.received) {
    const mail = await simpleParser(received.raw);
    const row = rows.find((r) => r.message_id === mail.messageId);
    const shown = previews.get(row?.invoice_id ?? 0);
    const invoice = five.find((r) => r.invoiceId === row?.invoice_id);
    expect(shown && invoice).toBeTruthy();
    expect(mail.subject).toBe(shown!.subject);
    expect(mail.text?.trim()).toBe(shown!.text.trim());
    expect(received.envelope.rcptTo.map((r) => r.address)).toEqual(
      expect.arrayContaining(shown!.to.map((t) => t.address)),
    );
    const pdf = mail.attachments.find((a) => a.filename === `Facture ${invoice!.number}.pdf`);
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
  }
  expect(await ok('mail:failures', { batchId: batch.id })).toEqual([]);
});
