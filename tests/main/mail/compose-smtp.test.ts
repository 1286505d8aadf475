// A composed message handed to nodemailer's SMTP transport and received by a real smtp-server
// on 127.0.0.1 announcing DSN: what the server sees in MAIL FROM, RCPT TO and DATA.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { composeMessage } from '../../../src/main/mail/compose';
import { createInvoiceMessage } from '../../../src/main/mail/message-row';
import { actor } from '../../fixtures/db';
import { attachmentsOf, LETTER, mailFixture, setMailSettings } from './mail-fixture';

interface Received {
  envelope: SMTPServerEnvelope;
  data: Buffer;
}

async function startServer(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    hideDSN: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ envelope: structuredClone(session.envelope), data: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

describe('compose → SMTP', () => {
  const received: Received[] = [];
  const started = startServer(received);
  afterAll(async () => {
    const { server } = await started;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('asks the server for a DSN with the row id and delivers the Bcc copy without a Bcc header', async () => {
    const fixture = mailFixture();
    setMailSettings(fixture.db, {
      associationAddress: 'factures@coeur-de-loire.example',
      bccSender: true,
      requestReceipt: true,
    });
    const row = createInvoiceMessage(fixture.db, actor('POSTE-FACT', 2, 'Hélène Dubois'), {
      invoiceId: fixture.invoiceId,
      docType: 'facture',
      subject: 'Facture de septembre 2026 – Mme Éléonore Lefèvre',
      text: 'Bonjour,\n\nVeuillez trouver la facture ci-jointe.',
      to: ['martine.lefevre@orange.example'],
      attachments: attachmentsOf(fixture),
    });
    const { options } = await composeMessage(row);
    const { port } = await started;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false });
    await transport.sendMail(options);
    transport.close();

    expect(received).toHaveLength(1);
    const [{ envelope, data }] = received as [Received];
    expect(envelope.mailFrom).toMatchObject({ address: 'factures@coeur-de-loire.example' });
    expect(envelope.dsn).toEqual({ ret: 'HDRS', envid: String(row.id) });
    expect(envelope.rcptTo.map((r) => [r.address, r.dsn?.notify])).toEqual([
      ['martine.lefevre@orange.example', ['SUCCESS', 'FAILURE']],
      ['factures@coeur-de-loire.example', ['SUCCESS', 'FAILURE']],
    ]);
    const mail = await simpleParser(data);
    expect(data.toString('utf8')).not.toMatch(/^bcc:/im);
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.headers.get('disposition-notification-to')).toMatchObject({
      value: [{ address: 'factures@coeur-de-loire.example' }],
    });
    expect(mail.attachments.map((a) => a.filename)).toContain(LETTER);
  });
});
