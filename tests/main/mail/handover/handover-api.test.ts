// « Envoyer par e-mail » handed to this workstation's mail program, through the real handlers
// (prefs:save, mail:handover, invoices:list) on a real demo file: fake programs (executable
// scripts recording their argv) stand for Thunderbird, Outlook and xdg-open. What they receive
// is read back; the .eml draft is parsed with mailparser; the journal says « remis », and the
// queue never takes the row. Missing, wrong and failing programs answer in French.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src/main/api';
import { loadMessageRow } from '../../../../src/main/mail/message-row';
import type {
  InvoiceRow,
  MailHandover,
  MailPreview,
  Presend,
  WorkstationPrefs,
} from '../../../../src/shared/contract';
import { fakeProgram, readCompose } from '../../../fixtures/fake-program';
import { mailApp } from '../../../fixtures/mail-app';
import { tempDir } from '../../../helpers';

const app = mailApp('pli-handover-');
const { db, ok } = app;
const bin = tempDir('pli-fake-clients-');
const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

let check: Presend;
let one: number; // an invoice whose message carries its PDF only
let upload: { ref: string; name: string };
const uploaded = Buffer.from('%PDF-1.4\n% relevé d’août\n');
const SUBJECT = 'Facture {{numero}} – Famille d\'Arc, "Jeanne"';

beforeAll(async () => {
  check = await app.presend();
  for (const ready of check.ready) {
    const preview = await ok<MailPreview>('mail:preview', {
      invoiceId: ready.invoiceId,
      docType: 'facture',
    });
    if (preview.attachments.length === 1) {
      one = ready.invoiceId;
      break;
    }
  }
  upload = await ok('mail:attach', {
    name: "Relevé d'août, n°3.pdf",
    contentBase64: uploaded.toString('base64'),
  });
});

const request = (invoiceId: number, extra: object = {}) => ({
  facilityId: 1,
  period: check.period,
  invoiceIds: [invoiceId],
  requestReceipt: false,
  to: ['famille.darc@exemple.fr', 'jeanne.tutrice@exemple.fr'],
  ...extra,
});

const usePrefs = (mailMethod: string, clientPaths?: object) =>
  ok<WorkstationPrefs>('prefs:save', {
    workstationName: 'Accueil Les Tilleuls',
    mailMethod,
    ...(clientPaths ? { clientPaths } : {}),
  });

async function envelopeOf(invoiceId: number) {
  const number = (
    db().prepare('SELECT number FROM invoices WHERE id = ?').get(invoiceId) as { number: string }
  ).number;
  const rows = await ok<InvoiceRow[]>('invoices:list', {
    facilityId: 1,
    period: check.period,
    search: number,
    includeDrafts: false,
  });
  return rows.find((r) => r.id === invoiceId)!.envelope;
}

const messageCount = () => app.count('mail_messages');

describe('Thunderbird', () => {
  it('gets every recipient, the subject, the text and each file through -compose; the journal says « remis à Thunderbird »', async () => {
    const thunderbird = fakeProgram(bin, 'thunderbird');
    await usePrefs('thunderbird', { outlook: null, thunderbird: thunderbird.path });
    const [invoice] = check.ready;
    const result = await ok<MailHandover>(
      'mail:handover',
      request(invoice!.invoiceId, {
        requestReceipt: true,
        attachmentRefs: [upload.ref],
        message: { subject: SUBJECT, body: 'Madame,\n\nVoici la facture de {{resident}}.' },
      }),
    );
    expect(result).toMatchObject({ client: 'thunderbird', way: 'compose', receiptByHand: true });

    const row = loadMessageRow(db(), result.messageRowId);
    const calls = thunderbird.calls();
    expect(calls).toHaveLength(1);
    const [flag, compose] = calls[0]!;
    expect(flag).toBe('-compose');
    // Thunderbird's reading: fields at commas, each value percent-decoded.
    const fields = readCompose(compose!);
    expect(Object.keys(fields)).toEqual(['to', 'subject', 'body', 'attachment']);
    expect(fields.to).toBe('famille.darc@exemple.fr,jeanne.tutrice@exemple.fr');
    expect(fields.subject).toBe(`Facture ${invoice!.number} – Famille d'Arc, "Jeanne"`);
    expect(fields.subject).toBe(row.subject);
    expect(fields.body).toBe(row.body_text);
    const files = fields.attachment!.split(',').map((url) => fileURLToPath(url));
    expect(files.map((f) => path.basename(f))).toEqual(row.attachments.map((a) => a.name));
    expect(files.map((f) => path.basename(f))).toContain("Relevé d'août, n°3.pdf");
    // Byte for byte the files the internal sending would attach.
    row.attachments.forEach((a, i) =>
      expect(fs.readFileSync(files[i]!).equals(fs.readFileSync(a.path))).toBe(true),
    );
    // A private folder under the data folder.
    expect(path.dirname(result.folder)).toBe(path.join(app.dataDir, 'remises'));
    expect(fs.statSync(result.folder).mode & 0o777).toBe(0o700);

    // The .eml draft: the same message, unsent, with its receipt request.
    const eml = await simpleParser(fs.readFileSync(path.join(result.folder, 'message.eml')));
    expect(eml.headers.get('x-unsent')).toBe('1');
    expect(eml.messageId).toBe(row.message_id);
    expect(eml.subject).toBe(row.subject);
    expect(eml.headers.get('disposition-notification-to')).toMatchObject({
      text: row.from_address,
    });
    expect(eml.attachments.map((a) => a.filename)).toEqual(row.attachments.map((a) => a.name));
    eml.attachments.forEach((a, i) =>
      expect(a.content.equals(fs.readFileSync(row.attachments[i]!.path))).toBe(true),
    );
    expect(eml.attachments.at(-1)!.content.equals(uploaded)).toBe(true);

    // Recorded as handed over, out of the queue for good.
    expect(row.state).toBe('cancelled');
    expect(row.batch_id).toBeNull();
    expect(db().prepare('SELECT * FROM mail_handovers').all()).toEqual([
      expect.objectContaining({
        message_row: row.id,
        client: 'thunderbird',
        way: 'compose',
        workstation: 'Accueil Les Tilleuls',
      }),
    ]);
    expect(await envelopeOf(invoice!.invoiceId)).toMatchObject({
      state: 'remis',
      handedTo: 'thunderbird',
      sentBy: 'Benoît Maréchal',
      workstation: 'Accueil Les Tilleuls',
      recipients: ['famille.darc@exemple.fr', 'jeanne.tutrice@exemple.fr'],
    });
    const enqueue = await dispatch(app.handlers, 'mail:enqueue', { messageIds: [row.id] });
    expect(enqueue).toMatchObject({ ok: false, error: { code: 'MAIL_QUEUE_ROWS_INVALID' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(app.server.received).toHaveLength(0);
  });

  it('says so in French when Thunderbird is nowhere, writing no message', async () => {
    await usePrefs('thunderbird', { outlook: null, thunderbird: null });
    process.env.PATH = tempDir('pli-empty-path-');
    const before = messageCount();
    const result = await dispatch(app.handlers, 'mail:handover', request(one));
    expect(result).toMatchObject({ ok: false, error: { code: 'MAIL_CLIENT_NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('« Choisir le programme… »');
    expect(messageCount()).toBe(before);
  });

  it('refuses a path that is not a program, when chosen and when it went missing since', async () => {
    const text = path.join(bin, 'notes.txt');
    fs.writeFileSync(text, 'pas un programme', { mode: 0o644 });
    for (const chosen of [text, 'thunderbird', path.join(bin, 'absent')]) {
      const saved = await dispatch(app.handlers, 'prefs:save', {
        workstationName: 'Accueil Les Tilleuls',
        mailMethod: 'thunderbird',
        clientPaths: { outlook: null, thunderbird: chosen },
      });
      expect(saved).toMatchObject({ ok: false, error: { code: 'MAIL_CLIENT_PATH_INVALID' } });
      if (!saved.ok) expect(saved.error.details?.[0]).toContain(chosen);
    }
    app.context.prefs.set('thunderbirdPath', path.join(bin, 'desinstalle', 'thunderbird'));
    const before = messageCount();
    const result = await dispatch(app.handlers, 'mail:handover', request(one));
    expect(result).toMatchObject({ ok: false, error: { code: 'MAIL_CLIENT_PATH_INVALID' } });
    expect(messageCount()).toBe(before);
  });

  it('reports a launch that fails, and hands nothing over', async () => {
    const broken = fakeProgram(bin, 'thunderbird-casse', 1);
    await usePrefs('thunderbird', { outlook: null, thunderbird: broken.path });
    const before = await envelopeOf(one);
    const result = await dispatch(app.handlers, 'mail:handover', request(one));
    expect(result).toMatchObject({ ok: false, error: { code: 'MAIL_CLIENT_LAUNCH_FAILED' } });
    if (!result.ok) expect(result.error.message).toContain('Envoyer par Pli');
    expect(broken.calls()).toHaveLength(1);
    expect((await envelopeOf(one)).state).toBe(before.state);
    const last = db()
      .prepare('SELECT state, last_error_code FROM mail_messages ORDER BY id DESC LIMIT 1')
      .get();
    expect(last).toEqual({ state: 'cancelled', last_error_code: 'MAIL_CLIENT_LAUNCH_FAILED' });
    // Its files did not wait for the daily cleanup.
    const [argv] = broken.calls();
    const attachment = argv![1]!.split(',').find((p) => p.startsWith('attachment='))!;
    const [url] = decodeURIComponent(attachment.slice('attachment='.length)).split(',');
    const folder = path.dirname(fileURLToPath(url!));
    expect(folder.startsWith(path.join(app.dataDir, 'remises'))).toBe(true);
    expect(fs.existsSync(folder)).toBe(false);
  });
});

describe('Outlook', () => {
  it('takes one file with /c ipm.note /m /a, several as an .eml draft', async () => {
    const outlook = fakeProgram(bin, 'OUTLOOK.EXE');
    await usePrefs('outlook', { outlook: outlook.path, thunderbird: null });
    const single = await ok<MailHandover>('mail:handover', request(one));
    const row = loadMessageRow(db(), single.messageRowId);
    const file = path.join(single.folder, row.attachments[0]!.name);
    const [first] = outlook.calls();
    expect(first!.slice(0, 3)).toEqual(['/c', 'ipm.note', '/m']);
    expect(first!.slice(4)).toEqual(['/a', file]);
    const mailto = new URL(first![3]!);
    expect(decodeURIComponent(mailto.pathname)).toBe(
      'famille.darc@exemple.fr,jeanne.tutrice@exemple.fr',
    );
    expect(mailto.searchParams.get('subject')).toBe(row.subject);
    expect(mailto.searchParams.get('body')).toBe(row.body_text.replace(/\r?\n/g, '\r\n'));

    const several = await ok<MailHandover>(
      'mail:handover',
      request(one, { attachmentRefs: [upload.ref] }),
    );
    expect(several.way).toBe('eml');
    expect(outlook.calls()[1]).toEqual(['/eml', path.join(several.folder, 'message.eml')]);
    expect(await envelopeOf(one)).toMatchObject({ state: 'remis', handedTo: 'outlook' });
  });
});

describe('the default mail program', () => {
  it('opens the .eml, or else a mailto: link and the folder with the files to attach', async () => {
    await usePrefs('system');
    const pathDir = tempDir('pli-opener-');
    process.env.PATH = pathDir;
    const none = fakeProgram(pathDir, 'xdg-open', "args[0].endsWith('.eml') ? 3 : 0");
    const fallback = await ok<MailHandover>(
      'mail:handover',
      request(one, { attachmentRefs: [upload.ref] }),
    );
    const row = loadMessageRow(db(), fallback.messageRowId);
    expect(fallback).toMatchObject({ client: 'system', way: 'mailto' });
    expect(fallback.toAttach).toEqual(row.attachments.map((a) => a.name));
    const [eml, mailto, folder] = none.calls();
    expect(eml).toEqual([path.join(fallback.folder, 'message.eml')]);
    expect(mailto![0]).toMatch(/^mailto:famille\.darc@exemple\.fr,jeanne\.tutrice@exemple\.fr\?/);
    expect(folder).toEqual([fallback.folder]);
    expect(await envelopeOf(one)).toMatchObject({ state: 'remis', handedTo: 'system' });

    fs.rmSync(pathDir, { recursive: true });
    const opener = fakeProgram(pathDir, 'xdg-open');
    const draft = await ok<MailHandover>('mail:handover', request(one));
    expect(draft.way).toBe('eml');
    expect(opener.calls()).toEqual([[path.join(draft.folder, 'message.eml')]]);
  });
});

it('keeps each workstation’s method and paths in its own data folder, never in the shared file', async () => {
  const { createConfPrefs } = await import('../../../../src/main/prefs/conf-store');
  const [a, b] = [tempDir('pli-poste-a-'), tempDir('pli-poste-b-')];
  createConfPrefs(a).set('mailMethod', 'thunderbird');
  createConfPrefs(a).set('thunderbirdPath', '/opt/thunderbird/thunderbird');
  createConfPrefs(b).set('mailMethod', 'outlook');
  expect(createConfPrefs(a).get('mailMethod')).toBe('thunderbird');
  expect(createConfPrefs(b).get('mailMethod')).toBe('outlook');
  expect(createConfPrefs(b).get('thunderbirdPath')).toBeNull();
  expect(fs.readFileSync(app.context.db.path).includes(bin)).toBe(false);
  expect(fs.readFileSync(path.join(app.dataDir, 'preferences.json'), 'utf8')).toContain(
    '"mailMethod"',
  );
});
