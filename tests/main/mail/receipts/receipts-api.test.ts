// Receipt intake end to end on real parts: the demo file, a real smtp-server and a real IMAP
// server (hoodiecrow) on 127.0.0.1. An invoice goes through the queue; the MDN built from the
// Message-ID the SMTP server received is filed in the mailbox; « Vérifier maintenant » turns the
// journal's envelope to « lu ». A bounce turns another to « rejeté » with the remote reply.
// Strangers' mail, malformed and forged reports change nothing; reading twice, or from two
// workstations at once, records each report once; a wrong password gets a French diagnosis.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src/main/api';
import { openDatabase } from '../../../../src/main/db/open';
import { ReceiptPoller } from '../../../../src/main/mail/receipts/poller';
import type {
  Dashboard,
  InvoiceDetail,
  InvoiceRow,
  MailBatch,
  Presend,
  ReceiptCheckResult,
  ReceiptSettingsDetail,
  ReceiptTestResult,
} from '../../../../src/shared/contract';
import { dsn, mdn, startImap, type TestImap } from '../../../fixtures/imap';
import { mailApp, SMTP_PASSWORD, SMTP_USER } from '../../../fixtures/mail-app';

// The sending account's own mailbox: the same login and password as SMTP, as at most providers.
const IMAP_PASSWORD = SMTP_PASSWORD;
const FAST = { intervalMs: 0, pauseEvery: 0, pauseMs: 0 };
const app = mailApp('pli-receipts-');
const { db, ok, until } = app;
let imap: TestImap;
let check: Presend;

const settings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  host: '127.0.0.1',
  port: imap.port,
  security: 'none',
  username: SMTP_USER,
  folder: 'INBOX',
  ...over,
});

async function envelopeOf(number: string) {
  const rows = await ok<InvoiceRow[]>('invoices:list', {
    facilityId: null,
    period: null,
    search: number,
    includeDrafts: false,
  });
  return rows.find((r) => r.number === number)!.envelope;
}

/** Sends one invoice through the queue; returns its row and what the SMTP server received. */
async function send(index: number) {
  const row = check.ready[index]!;
  const batch = await ok<MailBatch>('mail:send', {
    facilityId: 1,
    period: check.period,
    invoiceIds: [row.invoiceId],
    requestReceipt: true,
    throttle: FAST,
    password: { value: SMTP_PASSWORD, remember: false },
  });
  await until(async () => {
    const batches = await ok<MailBatch[]>('mail:batches', {});
    return batches.find((b) => b.id === batch.id)?.state === 'done';
  });
  const message = db()
    .prepare('SELECT id, message_id, from_address FROM mail_messages WHERE batch_id = ?')
    .get(batch.id) as { id: number; message_id: string; from_address: string };
  const received = app.server.received.at(-1)!;
  const parsed = await simpleParser(received.raw);
  return { row, message, received, parsed };
}

/** The « Lues (accusé reçu) » figure of facility 1 for the sent period. */
async function readOnDashboard() {
  const board = await ok<Dashboard>('dashboard:month', { period: check.period });
  return board.facilities.find((f) => f.facilityId === 1)!.months[0].read;
}

const checkNow = () => ok<ReceiptCheckResult>('receipts:check', {});
const receipts = () => app.count('mail_receipts');

beforeAll(async () => {
  imap = await startImap(SMTP_USER, IMAP_PASSWORD);
  await app.signIn('admin');
  check = await app.presend();
}, 120_000);
afterAll(async () => imap.close());

describe('« Tester la connexion » and the settings', () => {
  it('says in French what is wrong', async () => {
    const test = (over: Record<string, unknown>, password = IMAP_PASSWORD) =>
      ok<ReceiptTestResult>('receipts:test', {
        settings: settings(over),
        password: { value: password, remember: false },
      });
    const wrong = await test({}, 'mauvais');
    expect(wrong).toMatchObject({ ok: false, code: 'IMAP_AUTH_FAILED' });
    expect(wrong.message).toContain('refuse l’identifiant ou le mot de passe');
    expect(await test({ folder: 'Accusés' })).toMatchObject({ code: 'IMAP_FOLDER_NOT_FOUND' });
    expect(await test({ security: 'tls' })).toMatchObject({ code: 'IMAP_TLS_FAILED' });
    expect(await test({ port: 1 })).toMatchObject({ code: 'IMAP_UNREACHABLE' });
    expect(await test({})).toMatchObject({ ok: true, messages: 0 });
  });

  it('refuses a check before it is set up, and a password it does not know', async () => {
    expect(await dispatch(app.handlers, 'receipts:check', {})).toMatchObject({
      ok: false,
      error: { code: 'IMAP_NOT_CONFIGURED' },
    });
    await ok('receipts:save', { version: null, settings: settings() });
    expect(await dispatch(app.handlers, 'receipts:check', {})).toMatchObject({
      ok: false,
      error: { code: 'IMAP_PASSWORD_REQUIRED' },
    });
  });

  it('reuses the sending account’s password when both log in as the same user', async () => {
    const before = await ok<ReceiptSettingsDetail>('receipts:settings', {});
    expect(before).toMatchObject({ passwordSaved: false, smtpPasswordReusable: false });
    expect(before.cursor.lastError).toContain('mot de passe de la boîte de réception');
    // The administrator typed the sending password on this workstation (here: its test).
    const smtp = await ok<{ settings: unknown }>('smtp:get', { facilityId: null });
    await ok('smtp:test', {
      settings: smtp.settings,
      password: { value: SMTP_PASSWORD, remember: false },
    });
    const offered = await ok<ReceiptSettingsDetail>('receipts:settings', {});
    expect(offered.smtpPasswordReusable).toBe(true);
    expect(
      await ok<ReceiptTestResult>('receipts:test', { settings: settings(), useSmtpPassword: true }),
    ).toMatchObject({ ok: true });
    const saved = await ok<ReceiptSettingsDetail>('receipts:save', {
      version: offered.version,
      settings: settings(),
      useSmtpPassword: true,
    });
    expect(saved.passwordSaved).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(IMAP_PASSWORD);
  });
});

describe('read receipts and bounces', () => {
  it('turns the envelope to « lu » from a displayed MDN, the journal filter finds it', async () => {
    const { row, message, parsed } = await send(0);
    expect(parsed.headers.get('disposition-notification-to')).toBeTruthy();
    const readBefore = await readOnDashboard();
    expect(await envelopeOf(row.number)).toMatchObject({ state: 'envoye' });
    await imap.deliver(mdn({ messageId: parsed.messageId!, to: message.from_address }));
    const result = await checkNow();
    expect(result).toMatchObject({ read: 1, recorded: 1, ignored: 0 });
    expect(await envelopeOf(row.number)).toMatchObject({
      state: 'lu',
      receiptAt: '2026-11-03T08:30:00.000Z',
    });
    const read = await ok<InvoiceRow[]>('invoices:list', {
      facilityId: null,
      period: null,
      search: '',
      includeDrafts: false,
      envelope: 'lu',
    });
    expect(read.map((r) => r.number)).toEqual([row.number]);
    // The invoice's panel: the message row says when it was read.
    const detail = await ok<InvoiceDetail>('invoices:get', { id: row.invoiceId });
    expect(detail.messages[0]).toMatchObject({
      state: 'sent',
      receipt: { effect: 'lu', at: '2026-11-03T08:30:00.000Z', detail: null },
    });
    // The home page's « Lues » figure counts it.
    expect(await readOnDashboard()).toBe(readBefore + 1);
  });

  it('turns the envelope to « rejeté » from a failed DSN, with the remote reply', async () => {
    const { row, message, received } = await send(1);
    const to = received.envelope.rcptTo[0]!.address;
    // What the SMTP server was asked (RFC 3461): ENVID = the row, headers only returned.
    expect(received.envelope.dsn).toEqual({ envid: String(message.id), ret: 'HDRS' });
    await imap.deliver(
      dsn({
        messageId: message.message_id,
        envelopeId: received.envelope.dsn!.envid,
        to: message.from_address,
        recipient: to,
      }),
    );
    expect(await checkNow()).toMatchObject({ read: 1, recorded: 1 });
    const envelope = await envelopeOf(row.number);
    expect(envelope.state).toBe('rejete');
    expect(envelope.reply).toContain('550 5.1.1');
    expect(envelope.reply).toContain('User unknown');
    const detail = await ok<InvoiceDetail>('invoices:get', { id: row.invoiceId });
    expect(detail.messages[0]?.receipt).toMatchObject({ effect: 'rejete' });
    expect(detail.messages[0]?.receipt?.detail).toContain('550 5.1.1');
  });

  it('records a delivered DSN and a deleted MDN without changing the envelope', async () => {
    const { row, message, received } = await send(2);
    const to = received.envelope.rcptTo[0]!.address;
    await imap.deliver(
      dsn({
        messageId: message.message_id,
        envelopeId: String(message.id),
        to: message.from_address,
        recipient: to,
        action: 'delivered',
      }),
    );
    await imap.deliver(
      mdn({ messageId: message.message_id, to: message.from_address, disposition: 'deleted' }),
    );
    expect(await checkNow()).toMatchObject({ read: 2, recorded: 2 });
    expect(await envelopeOf(row.number)).toMatchObject({ state: 'envoye', receiptAt: null });
  });

  it('ignores strangers’ mail, malformed and forged reports, and never crashes on them', async () => {
    const { row, message } = await send(3);
    const before = receipts();
    const otherRow = message.message_id.replace(/pli\.\d+\./, 'pli.999999.');
    const wrongHex = message.message_id.replace(/\.[0-9a-f]{16}@/, '.0123456789abcdef@');
    const strays = [
      'From: voisin@exemple.fr\r\nSubject: Bonjour\r\nMessage-ID: <x@exemple.fr>\r\n\r\nMerci pour la facture.\r\n',
      // A report with no status part, one cut short, one with a Disposition but no id.
      'Content-Type: multipart/report; report-type=disposition-notification; boundary=Z\r\n\r\n--Z\r\nContent-Type: text/plain\r\n\r\nlu\r\n--Z--\r\n',
      'Content-Type: multipart/report; report-type=delivery-status; boundary=Z\r\n\r\n--Z\r\nContent-Type: message/delivery-status\r\n\r\n',
      mdn({ messageId: '', to: message.from_address }).replace(/Original-Message-ID: \r\n/, ''),
      mdn({ messageId: '<inconnu@ailleurs.example>', to: message.from_address }),
      mdn({ messageId: otherRow, to: message.from_address }),
      mdn({ messageId: wrongHex, to: message.from_address }),
      // A forged bounce: the right ENVID (a guessable row id) but not our headers.
      dsn({
        messageId: null,
        envelopeId: String(message.id),
        to: message.from_address,
        recipient: 'x@exemple.fr',
      }),
      dsn({
        messageId: wrongHex,
        envelopeId: String(message.id),
        to: message.from_address,
        recipient: 'x@exemple.fr',
      }),
      // Our headers, but the ENVID of another row.
      dsn({
        messageId: message.message_id,
        envelopeId: '1',
        to: message.from_address,
        recipient: 'x@exemple.fr',
      }),
    ];
    for (const raw of strays) await imap.deliver(raw);
    expect(await checkNow()).toMatchObject({
      read: strays.length,
      recorded: 0,
      ignored: strays.length,
    });
    expect(receipts()).toBe(before);
    expect(await envelopeOf(row.number)).toMatchObject({ state: 'envoye' });
  });

  it('records each report once, read twice or by two workstations at once', async () => {
    const before = receipts();
    expect(await checkNow()).toMatchObject({ read: 0, recorded: 0 });
    // Two workstations, each with its own connection to the shared file, read the whole
    // mailbox at the same time from a cursor that starts over, into an empty receipts table.
    db().prepare("DELETE FROM association_settings WHERE key = 'receipts.cursor'").run();
    db().prepare('DELETE FROM mail_receipts').run();
    const pollers = ['POSTE-A', 'POSTE-B'].map((name) => {
      const connection = openDatabase(app.context.db.path, { create: false, appliedBy: name });
      return new ReceiptPoller({
        db: () => connection,
        workstation: () => name,
        secrets: app.context.receiptSecrets,
        onRecorded: () => undefined,
      });
    });
    const results = await Promise.all(pollers.map((p) => p.checkNow()));
    expect(results.reduce((n, r) => n + r.recorded, 0)).toBe(before);
    expect(results.every((r) => r.read === results[0]!.read && r.read > 0)).toBe(true);
    expect(receipts()).toBe(before);
  });
});
