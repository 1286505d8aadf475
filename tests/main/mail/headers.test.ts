// Property tests of the header gate: a value with a line break or another control character is
// refused wherever it is assigned, and whatever is accepted cannot add a header line to the raw
// message a server receives.
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMessage, messageOptions } from '../../../src/main/mail/compose';
import { headerAddress, headerText } from '../../../src/main/mail/headers';
import type { MailMessageRow } from '../../../src/main/mail/message-row';
import { senderFor } from '../../../src/main/mail/sender';
import { DEFAULT_MAIL_SETTINGS, isOneLine } from '../../../src/shared/contract';
import { isValidEmail } from '../../../src/shared/email';

const base: MailMessageRow = {
  id: 42,
  batch_id: null,
  invoice_id: 7,
  doc_type: 'facture',
  state: 'queued',
  message_id: '<pli.42.0123456789abcdef@tilleuls.example>',
  sender_mode: 'association',
  from_address: 'factures@tilleuls.example',
  from_name: 'EHPAD Les Tilleuls',
  reply_to: 'accueil@tilleuls.example',
  to_addresses: ['famille@orange.example'],
  bcc_addresses: ['factures@tilleuls.example'],
  subject: 'Facture',
  body_text: 'Bonjour,\n\nCordialement.',
  attachments: [],
  request_receipt: true,
  attempts: 0,
  next_attempt_at: null,
  last_error_code: null,
  last_reply: null,
  resent_after_interruption: false,
  created_at: '2026-10-01T08:00:00.000Z',
  created_by: 2,
  workstation: 'POSTE-FACT',
  sent_at: null,
};

/** The header names an invoice email may carry at its top level, nothing else. */
const EXPECTED = new Set([
  'content-type',
  'from',
  'reply-to',
  'to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'disposition-notification-to',
]);

function topHeaderNames(raw: Buffer): string[] {
  const block = raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
  return block
    .split('\r\n')
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}

const breaker = fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\u0085', '\u2028', '\t', '\u001b');
/** Any text with at least one line break or control character somewhere. */
const unsafe = fc
  .tuple(fc.string({ unit: 'binary' }), breaker, fc.string({ unit: 'binary' }))
  .map(([a, b, c]) => `${a}${b}${c}`);
/** Text that tries hard to look like headers or encoded words, on one line. */
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(
        'Bcc: x@evil.example',
        ':',
        '"',
        '=?UTF-8?Q?',
        '?=',
        '<',
        '>',
        ',',
        ';',
        '\\',
        ' – é',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  .filter(isOneLine);

const refused = (code: string): unknown => expect.objectContaining({ code });

describe('header gate', () => {
  it('refuses any name, subject or address containing CR, LF or another control', () => {
    fc.assert(
      fc.property(unsafe, (value) => {
        expect(() => headerText(value, 'Objet')).toThrow(refused('MAIL_HEADER_UNSAFE'));
        expect(() => headerAddress(value, 'Destinataire')).toThrow(refused('MAIL_HEADER_UNSAFE'));
        expect(() => headerAddress(`famille@orange.example${value}`, 'À')).toThrow(
          refused('MAIL_HEADER_UNSAFE'),
        );
      }),
    );
  });

  it('refuses an unsafe value in every header field of a row, and in the sender settings', async () => {
    const fields: ((v: string) => Partial<MailMessageRow>)[] = [
      (v) => ({ from_name: v }),
      (v) => ({ subject: v }),
      (v) => ({ from_address: `factures@tilleuls.example${v}` }),
      (v) => ({ reply_to: v }),
      (v) => ({ to_addresses: ['famille@orange.example', v] }),
      (v) => ({ bcc_addresses: [`${v}x@tilleuls.example`] }),
      (v) => ({ attachments: [{ kind: 'fichier', name: `Lettre${v}.pdf`, path: '/dev/null' }] }),
    ];
    await fc.assert(
      fc.asyncProperty(unsafe, fc.constantFrom(...fields), async (value, field) => {
        await expect(messageOptions({ ...base, ...field(value) })).rejects.toMatchObject({
          code: 'MAIL_HEADER_UNSAFE',
        });
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(unsafe, (value) => {
        const user = { name: value, email: 'facturation@tilleuls.example', bccSelf: 0 };
        const facility = { name: 'EHPAD Les Tilleuls', senderName: value, replyTo: '' };
        const settings = {
          ...DEFAULT_MAIL_SETTINGS,
          associationAddress: 'factures@tilleuls.example',
        };
        expect(() => senderFor(settings, facility, user)).toThrow(refused('MAIL_HEADER_UNSAFE'));
        expect(() =>
          senderFor({ ...settings, senderMode: 'user' }, { ...facility, senderName: '' }, user),
        ).toThrow(refused('MAIL_HEADER_UNSAFE'));
      }),
    );
  });

  it('lets no accepted name or subject add a header line, and keeps it as typed', async () => {
    await fc.assert(
      fc.asyncProperty(tricky, tricky, async (name, subject) => {
        const row = { ...base, from_name: name, subject };
        const { raw } = await composeMessage(row);
        for (const header of topHeaderNames(raw)) expect(EXPECTED).toContain(header);
        const mail = await simpleParser(raw);
        expect(mail.subject ?? '').toBe(subject);
        expect(mail.messageId).toBe(base.message_id);
      }),
      { numRuns: 150 },
    );
  });

  it('lets no accepted address add a header line', async () => {
    const address = fc.emailAddress().filter(isValidEmail);
    await fc.assert(
      fc.asyncProperty(address, address, async (to, replyTo) => {
        const { raw, envelope } = await composeMessage({
          ...base,
          to_addresses: [to],
          reply_to: replyTo,
        });
        for (const header of topHeaderNames(raw)) expect(EXPECTED).toContain(header);
        expect(envelope.to[0]?.toLowerCase()).toBe(to.toLowerCase());
      }),
      { numRuns: 100 },
    );
  });
});
