// « Envoyer un e-mail de test » and the transport the queue uses, against real servers: the
// message arrives with its UTF-8 subject; a server refusing the relay or the sender gives its
// diagnosis; with no server configured, the message is an .eml file in the test outbox.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { sendTestMail } from '../../../../src/main/mail/smtp/check';
import { classify } from '../../../../src/main/mail/smtp/diagnose';
import { openTransport, outboxDir } from '../../../../src/main/mail/smtp/transport';
import { DEFAULT_SMTP_SETTINGS, type SmtpSettings } from '../../../../src/shared/contract';
import { smtpError, startSmtp, type TestSmtp } from '../../../fixtures/smtp';
import { tempDir } from '../../../helpers';

const dataDir = tempDir();
const servers: TestSmtp[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

const plainSettings = (port: number): SmtpSettings => ({
  ...DEFAULT_SMTP_SETTINGS,
  host: '127.0.0.1',
  port,
  security: 'none',
  auth: 'none',
});
const mail = {
  from: 'factures@tilleuls.example',
  to: 'famille.lefevre@orange.example',
  workstation: 'ACCUEIL-1',
};

describe('Envoyer un e-mail de test', () => {
  it('delivers a test message whose UTF-8 subject arrives intact', async () => {
    const s = await startSmtp({ mode: 'plain' });
    servers.push(s);
    const result = await sendTestMail(plainSettings(s.port), null, mail, { dataDir });
    expect(result).toMatchObject({ ok: true, used: { port: s.port, security: 'none' } });
    expect(result.message).toContain('famille.lefevre@orange.example');
    expect(s.received).toHaveLength(1);
    const [received] = s.received;
    expect(received?.envelope.rcptTo.map((r) => r.address)).toEqual([mail.to]);
    const parsed = await simpleParser(received?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Pli — e-mail de test : réglages d’envoi vérifiés ✓');
    expect(parsed.text).toContain('ACCUEIL-1');
  });

  it('diagnoses a refused relay and a refused sender from the server’s reply', async () => {
    const relay = await startSmtp({
      mode: 'plain',
      onRcptTo: () => smtpError(554, '5.7.1 <famille.lefevre@orange.example>: Relay access denied'),
    });
    const sender = await startSmtp({
      mode: 'plain',
      onMailFrom: () => smtpError(553, '5.1.0 Sender address rejected: not owned by user'),
    });
    servers.push(relay, sender);
    const relayed = await sendTestMail(plainSettings(relay.port), null, mail, { dataDir });
    expect(relayed.diagnosis).toMatchObject({ code: 'SMTP_RELAY_REFUSED', kind: 'pause' });
    expect(relayed.diagnosis?.reply).toMatch(/^554 5\.7\.1/);
    const refused = await sendTestMail(plainSettings(sender.port), null, mail, { dataDir });
    expect(refused.diagnosis).toMatchObject({ code: 'SMTP_SENDER_REFUSED', kind: 'pause' });
  });

  it('keeps a refused recipient as a permanent failure of that message, with the reply', async () => {
    const s = await startSmtp({
      mode: 'plain',
      onRcptTo: (a) =>
        a.address.startsWith('inconnu') ? smtpError(550, '5.1.1 User unknown') : null,
    });
    servers.push(s);
    const transport = await openTransport(plainSettings(s.port), null, { dataDir });
    const sent = await transport.send({
      from: mail.from,
      to: ['inconnu@orange.example', mail.to],
      subject: 'Facture',
      text: 'Bonjour',
    });
    expect(sent.accepted).toEqual([mail.to]);
    expect(sent.rejected).toEqual(['inconnu@orange.example']);
    const failure = await transport
      .send({ from: mail.from, to: 'inconnu@orange.example', subject: 'Facture', text: 'Bonjour' })
      .catch((error: unknown) => classify(error));
    transport.close();
    expect(failure).toMatchObject({
      code: 'SMTP_RECIPIENT_REFUSED',
      kind: 'permanent',
      reply: '550 5.1.1 User unknown',
    });
  });

  it('writes the message to the test outbox when no server is set (Mode test)', async () => {
    const result = await sendTestMail(DEFAULT_SMTP_SETTINGS, null, mail, { dataDir });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Mode test/);
    const file = result.outboxFile ?? '';
    expect(path.dirname(file)).toBe(outboxDir(dataDir));
    expect(fs.readdirSync(outboxDir(dataDir)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.subject).toBe('Pli — e-mail de test : réglages d’envoi vérifiés ✓');
    expect(parsed.to).toMatchObject({ value: [{ address: mail.to }] });
  });

  it('sends pre-composed raw MIME with its envelope through the outbox and a server alike', async () => {
    const s = await startSmtp({ mode: 'plain' });
    servers.push(s);
    const raw = Buffer.from(
      'From: factures@tilleuls.example\r\nTo: a@orange.example\r\nMessage-ID: <42@tilleuls.example>\r\n' +
        'Subject: =?UTF-8?Q?Facture_d=C3=A9cembre?=\r\n\r\nBonjour\r\n',
    );
    const envelope = {
      from: 'factures@tilleuls.example',
      to: ['a@orange.example', 'copie@tilleuls.example'],
    };
    for (const settings of [plainSettings(s.port), DEFAULT_SMTP_SETTINGS]) {
      const transport = await openTransport(settings, null, { dataDir });
      const sent = await transport.send({ raw }, envelope);
      transport.close();
      expect(sent.accepted).toEqual(envelope.to);
    }
    expect(s.received[0]?.envelope.rcptTo.map((r) => r.address)).toEqual(envelope.to);
    expect(s.received[0]?.raw.toString()).toContain('Message-ID: <42@tilleuls.example>');
  });
});
