// mail:preview through dispatch on a real app context and file: « Aperçu du message » shows the
// email exactly as sending writes it (the same request gives the same row), in both sender
// modes, to the invoice addresses in the first recipient's language, with the invoice PDFs and
// a general attachment, and refuses in French what sending would refuse. No row is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../src/main/api';
import { hashPassword } from '../../../src/main/auth/password';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { prepareInvoiceMessage } from '../../../src/main/mail/invoice-message';
import { createInvoiceMessage } from '../../../src/main/mail/message-row';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { MEGABYTE, type MailPreview, type MailSettings } from '../../../src/shared/contract';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor } from '../../fixtures/db';
import { tempDir } from '../../helpers';
import { setMailSettings } from './mail-fixture';

const dataDir = tempDir('pli-preview-');
let context: AppContext;
let handlers: Handlers;
const invoices = new Map<number, { id: number; number: string }>(); // by resident
const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
const signIn = (userId: number) => call('auth:signIn', { userId, password: 'motdepasse' });
const db = () => context.db.connection();
const rows = () =>
  (db().prepare('SELECT count(*) AS n FROM mail_messages').get() as { n: number }).n;
const ASSOCIATION: Partial<MailSettings> = {
  senderMode: 'association',
  associationAddress: 'facturation@tilleuls.example',
  bccSender: true,
};

async function preview(residentId: number, extra: object = {}) {
  const invoice = invoices.get(residentId);
  return call('mail:preview', { invoiceId: invoice?.id, docType: 'facture', ...extra });
}
async function previewOk(residentId: number, extra: object = {}): Promise<MailPreview> {
  const result = await preview(residentId, extra);
  if (!result.ok)
    throw new Error(`${result.error.code}: ${(result.error.details ?? []).join(' ')}`);
  return result.value as MailPreview;
}
const pdf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x41)]).toString('base64');

beforeAll(async () => {
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  handlers = createHandlers(context);
  await context.db.create('empty');
  const hash = await hashPassword('motdepasse');
  db().exec(`
    INSERT INTO facilities (id, code, name, sender_name, reply_to)
      VALUES (1, 'TIL', 'EHPAD Les Tilleuls', 'Les Tilleuls – Facturation', 'accueil@tilleuls.example');`);
  db()
    .prepare(
      `INSERT INTO users (id, name, initials, login, role, email, password_hash, created_at) VALUES
       (2, 'Hélène Dubois', 'HD', 'facturation', 'facturation', 'helene.dubois@tilleuls.example', ?, '2026-01-01'),
       (3, 'Karim Benali', 'KB', 'accueil', 'accueil', NULL, ?, '2026-01-01')`,
    )
    .run(hash, hash);
  seedBillingMonth(db());
  // Resident 1's son reads German; resident 3's tutor French; 2 has no address; 4 a typo.
  db().exec(`
    UPDATE contacts SET email = 'lukasz.wisniewski@poczta.example', language = 'de' WHERE resident_id = 1;
    UPDATE contacts SET email = 'minh.tran@mandataires.example' WHERE resident_id = 3;
    UPDATE residents SET email = 'jean.abadie@orange,fr', receives_invoices = 1 WHERE id = 4;`);
  issueRun(db(), actor(), prepareRun(db(), actor(), 1, PERIOD), 1, '2026-10-01');
  for (const row of db().prepare('SELECT id, number, resident_id FROM invoices').all() as {
    id: number;
    number: string;
    resident_id: number;
  }[]) {
    invoices.set(row.resident_id, row);
  }
});
afterAll(() => closeAppContext(context));

describe('mail:preview', () => {
  it('needs a session and the association address, and says where to set it', async () => {
    expect(await preview(1)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect((await signIn(2)).ok).toBe(true);
    const refused = await preview(1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'MAIL_SENDER_NOT_SET' } });
    expect(!refused.ok && refused.error.message).toContain('Paramètres › Envoi des e-mails');
  });

  it('shows the association sender, reply-to, copy, German text and the invoice PDFs', async () => {
    setMailSettings(db(), ASSOCIATION);
    const number = invoices.get(1)?.number ?? '';
    const shown = await previewOk(1);
    expect(shown).toMatchObject({
      senderMode: 'association',
      from: { name: 'Les Tilleuls – Facturation', address: 'facturation@tilleuls.example' },
      replyTo: 'accueil@tilleuls.example',
      to: [{ address: 'lukasz.wisniewski@poczta.example', name: 'Łukasz Wiśniewski' }],
      bcc: ['facturation@tilleuls.example'],
      language: 'de',
      requestReceipt: false,
      resend: false,
    });
    expect(shown.subject).toBe(`Ihre Rechnung ${number} – September 2026 – EHPAD Les Tilleuls`);
    expect(shown.attachments.map((a) => a.name)).toEqual([
      `Facture ${number}.pdf`,
      `Relevé de débours ${number}.pdf`,
    ]);
    expect(shown.totalBytes).toBe(shown.attachments.reduce((s, a) => s + (a.sizeBytes ?? 0), 0));
    expect((await previewOk(1, { requestReceipt: true })).requestReceipt).toBe(true);
    expect(rows()).toBe(0);
  });

  it('is the row sending writes from the same request', async () => {
    const shown = await previewOk(3);
    const places = { databaseFile: context.db.path, dataDir };
    const prepared = await prepareInvoiceMessage(db(), places, {
      invoiceId: shown.invoiceId,
      docType: 'facture',
      generalAttachments: [],
    });
    const row = createInvoiceMessage(db(), actor('POSTE-1', 2, 'Hélène Dubois'), prepared.request);
    db().prepare('DELETE FROM mail_messages WHERE id = ?').run(row.id);
    expect(row).toMatchObject({
      from_address: shown.from.address,
      from_name: shown.from.name,
      reply_to: shown.replyTo,
      to_addresses: shown.to.map((t) => t.address),
      bcc_addresses: shown.bcc,
      subject: shown.subject,
      body_text: shown.text,
      request_receipt: shown.requestReceipt,
    });
    expect(shown.language).toBe('fr');
    expect(shown.subject).toContain(`facture ${invoices.get(3)?.number ?? '?'} – septembre 2026`);
    expect(row.attachments.map((a) => a.name)).toEqual(shown.attachments.map((a) => a.name));
  });

  it('adds a general attachment, and refuses a message over the limit', async () => {
    const added = await call('mail:attach', {
      name: 'Lettre d’été.pdf',
      contentBase64: pdf(20_000),
    });
    const ref = added.ok ? (added.value as { ref: string }).ref : '';
    const shown = await previewOk(3, { generalAttachments: [ref] });
    expect(shown.attachments.at(-1)).toMatchObject({ kind: 'general', name: 'Lettre d’été.pdf' });
    setMailSettings(db(), { ...ASSOCIATION, maxMessageBytes: MEGABYTE, warnFileBytes: 200_000 });
    const heavy = await call('mail:attach', {
      name: 'Journal.pdf',
      contentBase64: pdf(MEGABYTE - 2000),
    });
    expect(heavy.ok && (heavy.value as { warning: unknown }).warning).toBeTruthy();
    const heavyRef = heavy.ok ? (heavy.value as { ref: string }).ref : '';
    expect(await preview(3, { generalAttachments: [heavyRef] })).toMatchObject({
      ok: false,
      error: { code: 'MAIL_ATTACHMENT_TOO_LARGE' },
    });
    setMailSettings(db(), ASSOCIATION);
  });

  it('refuses who cannot receive, and resends to who already received', async () => {
    expect(await preview(2)).toMatchObject({ ok: false, error: { code: 'MAIL_NO_RECIPIENT' } });
    const typo = await preview(4);
    expect(typo).toMatchObject({ ok: false, error: { code: 'MAIL_ADDRESS_INVALID' } });
    expect(!typo.ok && (typo.error.details ?? []).join()).toContain('jean.abadie@orange,fr');
    db()
      .prepare(
        `INSERT INTO mail_messages (invoice_id, doc_type, state, message_id, sender_mode,
           from_address, from_name, to_addresses, subject, body_text, created_at, workstation, sent_at)
         VALUES (?, 'facture', 'sent', '<x@tilleuls.example>', 'association', 'f@tilleuls.example',
           'F', '["Minh Trần <minh.tran@mandataires.example>"]', 's', 't', '2026-10-02', 'P', '2026-10-02')`,
      )
      .run(invoices.get(3)?.id);
    const again = await previewOk(3);
    expect(again).toMatchObject({
      resend: true,
      to: [{ address: 'minh.tran@mandataires.example' }],
    });
    expect(rows()).toBe(1);
  });

  it('sends from the user in user mode, and refuses a user without an address', async () => {
    setMailSettings(db(), { ...ASSOCIATION, senderMode: 'user', bccSender: false });
    const shown = await previewOk(1);
    expect(shown.from).toEqual({
      name: 'Hélène Dubois – Les Tilleuls – Facturation',
      address: 'helene.dubois@tilleuls.example',
    });
    expect(shown.text).toContain('Hélène Dubois');
    expect((await signIn(3)).ok).toBe(true);
    expect(await preview(1)).toMatchObject({ ok: false, error: { code: 'MAIL_SENDER_NO_EMAIL' } });
  });
});

describe('mail:setup', () => {
  it('lists the periods with issued factures and the receipt default', async () => {
    setMailSettings(db(), { ...ASSOCIATION, requestReceipt: true });
    expect(await call('mail:setup', { facilityId: 1 })).toEqual({
      ok: true,
      value: { periods: [{ period: PERIOD, invoices: 4 }], requestReceipt: true },
    });
  });
});
