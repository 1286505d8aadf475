// Invoice emails composed from their rows, parsed back with mailparser as a family's mail
// reader would, and sent once to a real SMTP server on loopback to see the envelope it gets.
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../../src/main/mail/compose';
import { createInvoiceMessage, loadMessageRow } from '../../../src/main/mail/message-row';
import { actor } from '../../fixtures/db';
import { attachmentsOf, LETTER, mailFixture, setMailSettings } from './mail-fixture';

const SUBJECT = 'Facture n° TIL-2026-0001 – septembre 2026 : Mme Éléonore Lefèvre';
const TEXT =
  'Madame, Monsieur,\n\nVeuillez trouver ci-joint la facture de septembre 2026 de Mme Éléonore Lefèvre : 2 543,00 €.\nÀ régler avant le 31/10/2026.\n\nL’équipe de l’EHPAD « Les Tilleuls » <facturation>';
const facturation = actor('POSTE-FACT', 2, 'Hélène Dubois');

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((o) => o.value.map((v) => ({ name: v.name, address: v.address })));

/** The raw header block, unfolded: one entry per header line, name as written. */
function headerNames(raw: Buffer): string[] {
  const block = raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
  return block
    .split('\r\n')
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')));
}

function createRow(fixture: ReturnType<typeof mailFixture>, requestReceipt?: boolean) {
  return createInvoiceMessage(fixture.db, facturation, {
    invoiceId: fixture.invoiceId,
    docType: 'facture',
    subject: SUBJECT,
    text: TEXT,
    to: ['martine.lefevre@orange.example', 'paul.lefevre@free.example'],
    attachments: attachmentsOf(fixture),
    ...(requestReceipt === undefined ? {} : { requestReceipt }),
  });
}

describe('compose (association account)', () => {
  const fixture = mailFixture();
  fixture.db.exec(`UPDATE facilities SET sender_name = 'Les Tilleuls – Service facturation',
    reply_to = 'accueil@tilleuls.example' WHERE id = 1`);
  setMailSettings(fixture.db, {
    senderMode: 'association',
    associationAddress: 'factures@coeur-de-loire.example',
    replyTo: 'siege@coeur-de-loire.example',
    bccSender: true,
    requestReceipt: true,
  });
  const row = createRow(fixture);

  it('writes a queued row with the sender, recipients, copy and a Message-ID under the sender’s domain', () => {
    expect(row).toMatchObject({
      state: 'queued',
      batch_id: null,
      invoice_id: 7,
      sender_mode: 'association',
      from_address: 'factures@coeur-de-loire.example',
      from_name: 'Les Tilleuls – Service facturation',
      reply_to: 'accueil@tilleuls.example',
      bcc_addresses: ['factures@coeur-de-loire.example'],
      request_receipt: true,
      created_by: 2,
      workstation: 'POSTE-FACT',
    });
    expect(row.message_id).toMatch(
      new RegExp(`^<pli\\.${row.id}\\.[0-9a-f]{16}@coeur-de-loire\\.example>$`),
    );
  });

  it('round-trips subject, text, HTML, sender, reply-to and attachments through mailparser', async () => {
    const { raw } = await composeMessage(row);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(SUBJECT);
    expect(mail.text?.trim()).toBe(TEXT);
    expect(mail.html).toContain('<p>Madame, Monsieur,</p>');
    expect(mail.html).toContain('« Les Tilleuls » &lt;facturation&gt;</p>');
    expect(mail.html).not.toMatch(/src=|href=|<img/i);
    expect(addresses(mail.from)).toEqual([
      { name: 'Les Tilleuls – Service facturation', address: 'factures@coeur-de-loire.example' },
    ]);
    expect(addresses(mail.replyTo)).toEqual([{ name: '', address: 'accueil@tilleuls.example' }]);
    expect(addresses(mail.to).map((a) => a.address)).toEqual([
      'martine.lefevre@orange.example',
      'paul.lefevre@free.example',
    ]);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/mixed' });
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Facture TIL-2026-0001.pdf', 'application/pdf'],
      ['Relevé de débours TIL-2026-0001.pdf', 'application/pdf'],
      [LETTER, 'application/pdf'],
    ]);
    const [facture, releve, lettre] = mail.attachments;
    expect(facture?.content.equals(fixture.bytes.facture)).toBe(true);
    expect(releve?.content.equals(fixture.bytes.releve)).toBe(true);
    expect(lettre?.content.equals(fixture.bytes.lettre)).toBe(true);
  });

  it('keeps the Bcc copy in the envelope only, never as a header recipients see', async () => {
    const { raw, envelope, options } = await composeMessage(row);
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(headerNames(raw).map((n) => n.toLowerCase())).not.toContain('bcc');
    expect(options.bcc).toEqual(['factures@coeur-de-loire.example']);
    expect(envelope).toEqual({
      from: 'factures@coeur-de-loire.example',
      to: [
        'martine.lefevre@orange.example',
        'paul.lefevre@free.example',
        'factures@coeur-de-loire.example',
      ],
    });
  });

  it('asks for a read receipt and a DSN when the row requests a receipt', async () => {
    const { raw, options } = await composeMessage(row);
    const mail = await simpleParser(raw);
    expect(mail.headers.get('disposition-notification-to')).toMatchObject({
      value: [{ address: 'factures@coeur-de-loire.example' }],
    });
    expect(options.dsn).toEqual({
      id: String(row.id),
      return: 'headers',
      notify: ['success', 'failure'],
      recipient: 'factures@coeur-de-loire.example',
    });
  });

  it('reuses the stored Message-ID every time the row is composed (a resend after a crash)', async () => {
    const first = await simpleParser((await composeMessage(row)).raw);
    const again = await simpleParser(
      (await composeMessage(loadMessageRow(fixture.db, row.id))).raw,
    );
    expect(first.messageId).toBe(row.message_id);
    expect(again.messageId).toBe(row.message_id);
  });

  it('leaves out the receipt and DSN when not requested, and refuses a missing attachment', async () => {
    const plain = createRow(fixture, false);
    expect(plain.message_id).not.toBe(row.message_id);
    const { raw, options } = await composeMessage(plain);
    expect(options.dsn).toBeUndefined();
    expect(headerNames(raw)).not.toContain('Disposition-Notification-To');
    const moved = {
      ...plain,
      attachments: [{ kind: 'fichier' as const, name: LETTER, path: `${fixture.dir}/absent.pdf` }],
    };
    await expect(composeMessage(moved)).rejects.toMatchObject({
      code: 'MAIL_ATTACHMENT_UNREADABLE',
      details: [LETTER],
    });
  });

  it('refuses to write a row while the association account is not set', () => {
    const other = mailFixture();
    expect(() => createRow(other)).toThrow(
      expect.objectContaining({ code: 'MAIL_SENDER_NOT_SET' }),
    );
    expect(other.db.prepare('SELECT count(*) AS n FROM mail_messages').get()).toEqual({ n: 0 });
  });
});

describe('compose (each user’s own address)', () => {
  const fixture = mailFixture();
  setMailSettings(fixture.db, {
    senderMode: 'user',
    replyTo: 'factures@coeur-de-loire.example',
    bccSender: false,
  });
  fixture.db.exec('UPDATE users SET bcc_self = 1 WHERE id = 2');

  it('sends from the signed-in user, named « Prénom Nom – Établissement », with their own copy', async () => {
    const row = createRow(fixture);
    expect(row.message_id).toMatch(/^<pli\.\d+\.[0-9a-f]{16}@tilleuls\.example>$/);
    const { raw, envelope } = await composeMessage(row);
    const mail = await simpleParser(raw);
    expect(addresses(mail.from)).toEqual([
      { name: 'Hélène Dubois – EHPAD Les Tilleuls', address: 'facturation@tilleuls.example' },
    ]);
    // No reply_to on the facility: the association's default applies.
    expect(addresses(mail.replyTo)).toEqual([
      { name: '', address: 'factures@coeur-de-loire.example' },
    ]);
    expect(mail.bcc).toBeUndefined();
    expect(envelope.to).toContain('facturation@tilleuls.example');
    // Receipt default from the association's settings (off).
    expect(row.request_receipt).toBe(false);
  });

  it('sends no copy when neither the association nor the user asked for one', async () => {
    fixture.db.exec('UPDATE users SET bcc_self = 0 WHERE id = 2');
    const row = createRow(fixture);
    expect(row.bcc_addresses).toEqual([]);
    expect((await composeMessage(row)).envelope.to).toHaveLength(2);
  });

  it('refuses a user without an email address with a clear code, before any row exists', () => {
    const before = fixture.db.prepare('SELECT count(*) AS n FROM mail_messages').get();
    const accueil = actor('POSTE-ACCUEIL', 3, 'Karim Benali');
    expect(() =>
      createInvoiceMessage(fixture.db, accueil, {
        invoiceId: fixture.invoiceId,
        docType: 'facture',
        subject: SUBJECT,
        text: TEXT,
        to: ['martine.lefevre@orange.example'],
        attachments: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'MAIL_SENDER_NO_EMAIL' }));
    expect(fixture.db.prepare('SELECT count(*) AS n FROM mail_messages').get()).toEqual(before);
  });
});

describe('compose (text rendered from the facility’s templates)', () => {
  const fixture = mailFixture();
  setMailSettings(fixture.db, { senderMode: 'user' });
  const send = (content: Record<string, string>) =>
    createInvoiceMessage(fixture.db, facturation, {
      invoiceId: fixture.invoiceId,
      docType: 'facture',
      to: ['martine.lefevre@orange.example'],
      attachments: attachmentsOf(fixture),
      ...(content as { language: 'fr' }),
    });

  it('fills every field in the payer’s language, signed by the user sending', async () => {
    const fr = await simpleParser((await composeMessage(send({ language: 'fr' }))).raw);
    expect(fr.subject).toBe('Votre facture TIL-2026-0001 – septembre 2026 – EHPAD Les Tilleuls');
    expect(fr.text).toContain('Mme Éléonore Lefèvre');
    expect(fr.text).toMatch(/2\s543,00\s€/u);
    expect(fr.text).toContain('Hélène Dubois');
    expect(fr.text).not.toMatch(/\{\{|\}\}/);
    const en = await simpleParser((await composeMessage(send({ language: 'en' }))).raw);
    expect(en.subject).toMatch(
      /^Your invoice TIL-2026-0001 – September 2026 – EHPAD Les Tilleuls$/,
    );
    expect(en.text).toContain('Hélène Dubois');
  });

  it('refuses a subject edited with an unknown field, and writes no row', () => {
    const before = fixture.db.prepare('SELECT count(*) AS n FROM mail_messages').get();
    expect(() => send({ language: 'fr', subject: 'Facture {{numro}}' })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_UNKNOWN_FIELD' }),
    );
    expect(fixture.db.prepare('SELECT count(*) AS n FROM mail_messages').get()).toEqual(before);
  });
});
