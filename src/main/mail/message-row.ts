// The `mail_messages` row every email is written as before anything is attempted (DESIGN rule
// 4): read with all its columns and parsed when loaded, and created for an invoice with its
// content resolved by message-content.ts (sender, recipients and subject through the header
// gate, text from the template) inside the write transaction, and a Message-ID
// fixed at creation: `<pli.{row id}.{random}@{sender's domain}>`. A resend after a crash
// reuses the row, so it reuses that Message-ID and receivers can deduplicate.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PliError } from '../../shared/contract';
import type { Actor } from '../db/audit';
import { statement } from '../db/statements';
import { write } from '../db/tx';
import { asciiDomain, type HeaderValue } from './headers';
import {
  type InvoiceMessageRequest,
  messageAttachmentSchema,
  resolveInvoiceMessage,
} from './message-content';

// The message's content and request types live with their resolution (message-content.ts).
export {
  attachmentKindSchema,
  messageAttachmentSchema,
  type InvoiceMessageRequest,
  type MessageAttachment,
  type MessageContent,
} from './message-content';

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx) => {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'JSON illisible' });
    return z.NEVER;
  });
const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

/** A `mail_messages` row as stored (migration 005), JSON columns and flags decoded. */
export const mailMessageRowSchema = z.object({
  id: z.number().int(),
  batch_id: z.number().int().nullable(),
  invoice_id: z.number().int().nullable(),
  doc_type: z.string(),
  state: z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled', 'retry_wait']),
  message_id: z.string(),
  sender_mode: z.enum(['association', 'user']),
  from_address: z.string(),
  from_name: z.string(),
  reply_to: z.string(),
  to_addresses: json(z.array(z.string())),
  bcc_addresses: json(z.array(z.string())),
  subject: z.string(),
  body_text: z.string(),
  attachments: json(z.array(messageAttachmentSchema)),
  request_receipt: flag,
  attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_error_code: z.string().nullable(),
  last_reply: z.string().nullable(),
  resent_after_interruption: flag,
  created_at: z.string(),
  created_by: z.number().int().nullable(),
  workstation: z.string(),
  sent_at: z.string().nullable(),
});
export type MailMessageRow = z.output<typeof mailMessageRowSchema>;

export function loadMessageRow(db: Database.Database, id: number): MailMessageRow {
  const row = statement(db, 'SELECT * FROM mail_messages WHERE id = ?').get(id);
  if (!row) throw new PliError('NOT_FOUND');
  return mailMessageRowSchema.parse(row);
}

/** `<pli.{id}.{16 random hex}@{domain}>`: unique without a counter, traceable to its row. */
export function newMessageId(rowId: number, from: HeaderValue): string {
  return `<pli.${rowId}.${randomBytes(8).toString('hex')}@${asciiDomain(from)}>`;
}

/** Writes the queued row for one invoice's email, sent by the actor; returns it as stored. */
export function createInvoiceMessage(
  db: Database.Database,
  actor: Actor,
  request: InvoiceMessageRequest,
): MailMessageRow {
  if (actor.userId === null) throw new PliError('AUTH_REQUIRED');
  const author = { userId: actor.userId, userName: actor.userName };
  const id = write(db, () => {
    const message = resolveInvoiceMessage(db, author, request);
    const { sender, subject, text } = message;
    // The id is only known once inserted: a unique placeholder, replaced in the same transaction.
    const rowId = Number(
      db
        .prepare(
          `INSERT INTO mail_messages (batch_id, invoice_id, doc_type, state, message_id, sender_mode,
             from_address, from_name, reply_to, to_addresses, bcc_addresses, subject, body_text,
             attachments, request_receipt, created_at, created_by, workstation)
           VALUES (:batchId, :invoiceId, :docType, 'queued', :placeholder, :mode, :from, :name,
             :replyTo, :to, :bcc, :subject, :text, :attachments, :receipt, :now, :userId, :workstation)`,
        )
        .run({
          batchId: request.batchId ?? null,
          invoiceId: request.invoiceId,
          docType: request.docType,
          placeholder: `pending.${randomBytes(16).toString('hex')}`,
          mode: sender.mode,
          from: sender.address,
          name: sender.name,
          replyTo: sender.replyTo,
          to: JSON.stringify(message.to),
          bcc: JSON.stringify(sender.bcc),
          subject,
          text,
          attachments: JSON.stringify(message.attachments),
          receipt: message.requestReceipt ? 1 : 0,
          now: new Date().toISOString(),
          userId: author.userId,
          workstation: actor.workstation,
        }).lastInsertRowid,
    );
    db.prepare('UPDATE mail_messages SET message_id = ? WHERE id = ?').run(
      newMessageId(rowId, sender.address),
      rowId,
    );
    return rowId;
  });
  return loadMessageRow(db, id);
}
