// « Envoyer par e-mail » of one invoice through dispatch, on a real demo file and a real
// smtp-server on 127.0.0.1: mail:send with `to` sends the invoice to the chosen contacts and a
// typed address, exactly those, through the same queue as Envoi groupé; the preview shows the
// same recipients; an invoice with no invoice address can still go to a typed address; a
// badly written address or `to` with several invoices is refused before anything is written.
import { simpleParser } from 'mailparser';
import { beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { mailApp, SMTP_PASSWORD } from '../../fixtures/mail-app';
import type { MailBatch, MailPreview, Presend } from '../../../src/shared/contract';

const FAST = { intervalMs: 0, pauseEvery: 0, pauseMs: 0 };
const TYPED = 'Cabinet.Notaire@Exemple.fr';

const app = mailApp('pli-single-send-');
const { db, ok, until } = app;
const count = () => app.count('mail_messages');
let check: Presend;
async function done(batch: MailBatch) {
  await until(async () => {
    const batches = await ok<MailBatch[]>('mail:batches', {});
    return batches.find((b) => b.id === batch.id)?.state === 'done';
  });
}
beforeAll(async () => {
  check = await app.presend();
});

const single = (invoiceId: number, to: string[]) => ({
  facilityId: 1,
  period: check.period,
  invoiceIds: [invoiceId],
  requestReceipt: false,
  throttle: FAST,
  password: { value: SMTP_PASSWORD, remember: false },
  to,
});

it('refuses a badly written address and `to` with several invoices, writing nothing', async () => {
  const [a, b] = check.ready;
  const before = count();
  const bad = await dispatch(app.handlers, 'mail:send', single(a!.invoiceId, ['pas-une-adresse']));
  expect(bad).toMatchObject({ ok: false, error: { code: 'MAIL_ADDRESS_INVALID' } });
  const two = await dispatch(app.handlers, 'mail:send', {
    ...single(a!.invoiceId, [TYPED]),
    invoiceIds: [a!.invoiceId, b!.invoiceId],
  });
  expect(two.ok).toBe(false);
  expect(JSON.stringify(two)).toContain('une seule facture');
  expect(count()).toBe(before);
  expect(app.server.received).toHaveLength(0);
});

it('sends one invoice to a chosen contact and a typed address, exactly those', async () => {
  // An invoice whose resident has at least one contact address to choose from.
  let chosen: { invoiceId: number; number: string; contact: string } | null = null;
  for (const row of check.ready) {
    const book = await ok<{ candidates: { address: string }[] }>('mail:recipients', {
      invoiceId: row.invoiceId,
    });
    const contact = book.candidates[book.candidates.length - 1]?.address;
    if (contact) {
      chosen = { invoiceId: row.invoiceId, number: row.number, contact };
      break;
    }
  }
  expect(chosen).not.toBeNull();
  const { invoiceId, number, contact } = chosen!;
  const to = [contact, TYPED, contact.toUpperCase()];
  const preview = await ok<MailPreview>('mail:preview', { invoiceId, docType: 'facture', to });
  expect(preview.to.map((t) => t.address.toLowerCase())).toEqual([
    contact.toLowerCase(),
    TYPED.toLowerCase(),
  ]);
  const batch = await ok<MailBatch>('mail:send', single(invoiceId, to));
  expect(batch.counts.total).toBe(1);
  await done(batch);
  expect(app.server.received).toHaveLength(1);
  const received = app.server.received[0]!;
  expect(received.envelope.rcptTo.map((r) => r.address.toLowerCase()).sort()).toEqual(
    [contact.toLowerCase(), TYPED.toLowerCase()].sort(),
  );
  const mail = await simpleParser(received.raw);
  expect(mail.subject).toBe(preview.subject);
  const pdf = mail.attachments.find((a) => a.filename === `Facture ${number}.pdf`);
  expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
  const row = db()
    .prepare('SELECT state, to_addresses FROM mail_messages WHERE batch_id = ?')
    .get(batch.id) as { state: string; to_addresses: string };
  expect(row.state).toBe('sent');
  expect(JSON.parse(row.to_addresses)).toHaveLength(2);
});

it('sends an invoice with no invoice address to a typed one', async () => {
  const blocked = check.excluded.find((row) => row.reason === 'no_address');
  expect(blocked).toBeDefined();
  const batch = await ok<MailBatch>('mail:send', single(blocked!.invoiceId, [TYPED]));
  await done(batch);
  expect(app.server.received).toHaveLength(2);
  expect(app.server.received[1]!.envelope.rcptTo.map((r) => r.address.toLowerCase())).toEqual([
    TYPED.toLowerCase(),
  ]);
});
