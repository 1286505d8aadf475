// The `mail_messages` row every email is written as before anything is attempted (DESIGN rule
// 4): read with all its columns and parsed when loaded, and created for an invoice with its
// sender resolved, its recipients and subject checked by the header gate, and a Message-ID
// fixed at creation: `<pli.{row id}.{random}@{sender's domain}>`. A resend after a crash
// reuses the row, so it reuses that Message-ID and receivers can deduplicate.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PliError } from '../../shared/contract';
import { describeLocatedIssue, type DocType, type TemplateLanguage } from '../../shared/templates';
import type { Actor } from '../db/audit';
import { write } from '../db/tx';
import { asciiDomain, headerAddresses, headerText, type HeaderValue } from './headers';
import { resolveSender, type Sender } from './sender';
import { loadMailSettings } from './settings';
import { renderForInvoice } from './template-values';

export const attachmentKindSchema = z.enum(['facture', 'releve', 'fichier']);
export const messageAttachmentSchema = z.object({
  kind: attachmentKindSchema,
  name: z.string().min(1),
  path: z.string().min(1),
});
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

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
  const row = db.prepare('SELECT * FROM mail_messages WHERE id = ?').get(id);
  if (!row) throw new PliError('NOT_FOUND');
  return mailMessageRowSchema.parse(row);
}

/** `<pli.{id}.{16 random hex}@{domain}>`: unique without a counter, traceable to its row. */
export function newMessageId(rowId: number, from: HeaderValue): string {
  return `<pli.${rowId}.${randomBytes(8).toString('hex')}@${asciiDomain(from)}>`;
}

/**
 * Either text already rendered (a preview the user approved), or the payer's language: the
 * facility's template for the document type is then rendered here, with the user's edits of
 * this send in place of the template's subject or body.
 */
export type MessageContent =
  | { subject: string; text: string }
  | { language: TemplateLanguage; subject?: string; body?: string };

export type InvoiceMessageRequest = MessageContent & {
  invoiceId: number;
  docType: DocType;
  batchId?: number | null;
  to: readonly string[];
  attachments: readonly MessageAttachment[];
  /** Defaults to the association's « demander un accusé de réception » setting. */
  requestReceipt?: boolean;
};

/**
 * The subject and text of the message. Who signs ({{expediteur}}): the user in mode 'user',
 * the facility's sender name in mode 'association'. A template with an unknown field refuses
 * the message (TEMPLATE_UNKNOWN_FIELD), never sends it with a blank.
 */
function content(
  db: Database.Database,
  request: InvoiceMessageRequest,
  sender: Sender,
  userName: string,
): { subject: HeaderValue; text: string } {
  if ('text' in request) {
    return { subject: headerText(request.subject, 'Objet du message'), text: request.text };
  }
  const rendered = renderForInvoice(db, request.invoiceId, request.docType, request.language, {
    ...(sender.mode === 'user' ? { senderName: userName } : {}),
    ...(request.subject === undefined ? {} : { subject: request.subject }),
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  if (!rendered.ok) {
    throw new PliError('TEMPLATE_UNKNOWN_FIELD', rendered.issues.map(describeLocatedIssue));
  }
  return { subject: headerText(rendered.subject, 'Objet du message'), text: rendered.text };
}

/** Writes the queued row for one invoice's email, sent by the actor; returns it as stored. */
export function createInvoiceMessage(
  db: Database.Database,
  actor: Actor,
  request: InvoiceMessageRequest,
): MailMessageRow {
  if (actor.userId === null) throw new PliError('AUTH_REQUIRED');
  const userId = actor.userId;
  const to = headerAddresses(request.to, 'Destinataire');
  if (to.length === 0) throw new PliError('MAIL_ADDRESS_INVALID', ['Aucun destinataire.']);
  const attachments = request.attachments.map((a) => ({
    ...messageAttachmentSchema.parse(a),
    name: headerText(a.name, 'Nom de pièce jointe'),
  }));
  const id = write(db, () => {
    const invoice = db
      .prepare('SELECT facility_id FROM invoices WHERE id = ?')
      .get(request.invoiceId) as { facility_id: number } | undefined;
    if (!invoice) throw new PliError('NOT_FOUND');
    const sender = resolveSender(db, { facilityId: invoice.facility_id, userId });
    const { subject, text } = content(db, request, sender, actor.userName);
    const receipt = request.requestReceipt ?? loadMailSettings(db).requestReceipt;
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
          to: JSON.stringify(to),
          bcc: JSON.stringify(sender.bcc),
          subject,
          text,
          attachments: JSON.stringify(attachments),
          receipt: receipt ? 1 : 0,
          now: new Date().toISOString(),
          userId,
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
