// A `mail_messages` row and its files → the nodemailer message options a transport sends and
// the raw MIME that goes over the wire, built by nodemailer's MailComposer without a server.
// Every name, subject and address is assigned through the header gate again (the row may have
// been written by another version of Pli); the body is UTF-8 text with a plain HTML twin
// (escaped, paragraphs, no remote content). Bcc copies travel in the SMTP envelope only: the
// raw message carries no Bcc header, so no recipient sees them.
import fs from 'node:fs/promises';
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { PliError } from '../../shared/contract';
import { asciiAddress, headerAddress, headerAddresses, headerText } from './headers';
import type { MailMessageRow, MessageAttachment } from './message-row';

export interface ComposedMessage {
  /** What a nodemailer transport's sendMail receives (attachments as bytes, dsn, envelope). */
  options: SendMailOptions;
  /** The SMTP envelope: MAIL FROM and every RCPT TO, Bcc copies included. */
  envelope: { from: string; to: string[] };
  /** The message exactly as the server receives it after DATA. */
  raw: Buffer;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Blank lines separate paragraphs; a single line break stays a line break. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>\n')}</p>`);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}

async function readAttachment(attachment: MessageAttachment): Promise<Buffer> {
  try {
    return await fs.readFile(attachment.path);
  } catch (error) {
    throw new PliError('MAIL_ATTACHMENT_UNREADABLE', [attachment.name], { cause: error });
  }
}

/** The message options for a row, its attachments read from their files. */
export async function messageOptions(row: MailMessageRow): Promise<SendMailOptions> {
  const from = headerAddress(row.from_address, 'Adresse de l’expéditeur');
  const fromName = headerText(row.from_name, 'Nom de l’expéditeur');
  const replyTo =
    row.reply_to === '' ? undefined : headerAddress(row.reply_to, 'Adresse de réponse');
  const to = headerAddresses(row.to_addresses, 'Destinataire');
  const bcc = headerAddresses(row.bcc_addresses, 'Copie cachée');
  const messageId = headerText(row.message_id, 'Identifiant du message');
  const attachments = await Promise.all(
    row.attachments.map(async (attachment) => ({
      filename: headerText(attachment.name, 'Nom de pièce jointe'),
      content: await readAttachment(attachment),
    })),
  );
  return {
    from: { name: fromName, address: from },
    ...(replyTo ? { replyTo } : {}),
    to,
    ...(bcc.length > 0 ? { bcc } : {}),
    subject: headerText(row.subject, 'Objet du message'),
    messageId,
    text: row.body_text,
    html: textToHtml(row.body_text),
    attachments,
    ...(row.request_receipt
      ? {
          headers: { 'Disposition-Notification-To': asciiAddress(from) },
          // RFC 3461, used by nodemailer only when the server announces DSN.
          dsn: {
            id: String(row.id),
            return: 'headers' as const,
            notify: ['success' as const, 'failure' as const],
            recipient: from,
          },
        }
      : {}),
    // Attachments are given as bytes: nothing in a row may make nodemailer read a path or URL.
    disableUrlAccess: true,
    disableFileAccess: true,
  };
}

/** The options and the raw MIME of a row, as the server would receive them. */
export async function composeMessage(row: MailMessageRow): Promise<ComposedMessage> {
  const options = await messageOptions(row);
  const node = new MailComposer(options).compile();
  const envelope = node.getEnvelope();
  const raw = await node.build();
  return {
    options,
    envelope: { from: envelope.from || '', to: envelope.to },
    raw,
  };
}
