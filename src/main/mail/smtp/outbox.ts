// Mode test: with no server configured, every message is written as an .eml file in
// `<data folder>/outbox-test/` instead of leaving (the app shows « Mode test : aucun e-mail ne
// part »). Same interface as an SMTP transport, so the queue, its throttle and its states run
// exactly as they will with a real server; an .eml opens in any mail reader to check the result.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail, SendResult } from './connection';

export const OUTBOX_FOLDER = 'outbox-test';

export function outboxDir(dataDir: string): string {
  return path.join(dataDir, OUTBOX_FOLDER);
}

/** A name that sorts by time and says which message it is, safe on Windows shares. */
function fileName(messageId: string | null): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const id = (messageId ?? 'message')
    .replace(/[<>]/g, '')
    .replace(/[^\w.@-]+/g, '_')
    .slice(0, 80);
  return `${stamp}-${id}.eml`;
}

function recipients(mail: OutgoingMail, envelope?: { to: string[] }): string[] {
  if (envelope) return envelope.to;
  if (mail.envelope && 'to' in mail.envelope && mail.envelope.to) {
    return ([] as unknown[]).concat(mail.envelope.to).map(String);
  }
  return [mail.to, mail.cc, mail.bcc]
    .flatMap((field) => (field === undefined ? [] : ([] as unknown[]).concat(field)))
    .map((a) => (typeof a === 'string' ? a : ((a as { address?: string }).address ?? '')));
}

export function outboxTransport(dataDir: string): MailTransport {
  const dir = outboxDir(dataDir);
  // buffer: the composed MIME, byte for byte what an SMTP server would receive after DATA.
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    mode: 'outbox',
    async verify() {
      await fs.mkdir(dir, { recursive: true });
    },
    async send(mail, envelope): Promise<SendResult> {
      await fs.mkdir(dir, { recursive: true });
      const info = await composer.sendMail(envelope ? { ...mail, envelope } : mail);
      const raw = info.message as unknown as Buffer;
      const messageId = info.messageId;
      const file = path.join(dir, fileName(messageId));
      // Written whole then renamed, so a reader never opens half a message.
      await fs.writeFile(`${file}.part`, raw);
      await fs.rename(`${file}.part`, file);
      return {
        accepted: recipients(mail, envelope),
        rejected: [],
        response: `Mode test : enregistré dans ${file}`,
        messageId,
      };
    },
    close() {
      composer.close();
    },
  };
}
