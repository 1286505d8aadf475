// readReport on its own: the shapes real servers send (folded Diagnostic-Code, several
// recipients, an xtext ENVID, RFC 6533 « global » parts, a base64 status part, old RFC 3798
// modifiers), and that nothing a stranger can put in a mailbox makes it throw: arbitrary text,
// and real reports cut or corrupted at random.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/mail/receipts/report';
import { dsn, mdn } from '../../../fixtures/imap';

const ID = '<pli.42.0123456789abcdef@tilleuls.example>';

describe('readReport', () => {
  it('reads a displayed MDN, and the disposition type of older modifiers', () => {
    expect(readReport(mdn({ messageId: ID, to: 'f@t.example', reportId: '<r1@x>' }))).toEqual({
      kind: 'mdn',
      key: '<r1@x>',
      reportedAt: '2026-11-03T08:30:00.000Z',
      originalMessageId: ID,
      recipient: 'famille.martin@exemple.fr',
      disposition: 'displayed',
    });
    const old = mdn({ messageId: ID, to: 'f@t.example', disposition: 'deleted/error' });
    expect(readReport(old)).toMatchObject({ disposition: 'deleted' });
  });

  it('reads a DSN with a folded diagnostic, several recipients, xtext and global parts', () => {
    const raw = dsn({
      messageId: ID,
      envelopeId: '4+32',
      to: 'f@t.example',
      recipient: 'a@b.example',
    })
      .replace('message/delivery-status', 'message/global-delivery-status')
      .replace(
        'Diagnostic-Code: smtp; 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown',
        'Diagnostic-Code: smtp; 550 5.1.1 <a@b.example>:\r\n    User unknown\r\n\r\nFinal-Recipient: rfc822;c@d.example\r\nAction: delivered (relayed)\r\nStatus: 2.0.0',
      );
    expect(readReport(raw)).toMatchObject({
      kind: 'dsn',
      envelopeId: '42',
      returnedMessageId: ID,
      recipients: [
        {
          recipient: 'a@b.example',
          action: 'failed',
          status: '5.1.1',
          diagnostic: 'smtp; 550 5.1.1 <a@b.example>: User unknown',
        },
        { recipient: 'c@d.example', action: 'delivered', diagnostic: null },
      ],
    });
  });

  it('decodes a base64 status part and keys a report without Message-ID by its bytes', () => {
    const status = Buffer.from(
      `Original-Message-ID: ${ID}\r\nDisposition: automatic-action/MDN-sent-automatically; displayed\r\n`,
    ).toString('base64');
    const raw = [
      'Content-Type: multipart/report; report-type="disposition-notification"; boundary="b"',
      '',
      '--b',
      'Content-Type: message/disposition-notification',
      'Content-Transfer-Encoding: base64',
      '',
      status,
      '--b--',
      '',
    ].join('\r\n');
    const report = readReport(raw);
    expect(report).toMatchObject({ kind: 'mdn', originalMessageId: ID, disposition: 'displayed' });
    expect(report?.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readReport(raw)?.key).toBe(report?.key);
  });

  it('is null for anything else and never throws, whatever the mailbox holds', () => {
    expect(readReport('Subject: Bonjour\r\n\r\nMerci')).toBeNull();
    expect(
      readReport('Content-Type: multipart/report; report-type=other; boundary=b\r\n\r\n--b--'),
    ).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => void readReport(text)),
      { numRuns: 500 },
    );
    const real = [
      mdn({ messageId: ID, to: 'f@t.example' }),
      dsn({ messageId: ID, envelopeId: '42', to: 'f@t.example', recipient: 'a@b.example' }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...real),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        (raw, at, length, junk) => {
          const cut = at % raw.length;
          void readReport(raw.slice(0, cut) + junk + raw.slice(cut + (length % 40)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
