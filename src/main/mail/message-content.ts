// What an invoice message says and who it is from, resolved from the shared file exactly as
// the row will store it: the sender (settings, facility, user), the recipients and attachment
// names through the header gate, the subject and text from the facility's template in the
// payer's language, and the receipt request. `createInvoiceMessage` writes this; the preview
// (« Aperçu du message ») shows it without writing anything, so both read one path.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PliError } from '../../shared/contract';
import { describeLocatedIssue, type DocType, type TemplateLanguage } from '../../shared/templates';
import { headerAddresses, headerText, type HeaderValue } from './headers';
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

/** The user a message is written for: who sends it, and who signs it in mode 'user'. */
export interface MessageAuthor {
  userId: number;
  userName: string;
}

/** Everything a `mail_messages` row stores about the message, before it has an id. */
export interface ResolvedMessage {
  facilityId: number;
  sender: Sender;
  to: HeaderValue[];
  subject: HeaderValue;
  text: string;
  attachments: MessageAttachment[];
  requestReceipt: boolean;
}

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

/** Reads only: call it inside the write transaction that stores the row, or for a preview. */
export function resolveInvoiceMessage(
  db: Database.Database,
  author: MessageAuthor,
  request: InvoiceMessageRequest,
): ResolvedMessage {
  const to = headerAddresses(request.to, 'Destinataire');
  if (to.length === 0) throw new PliError('MAIL_ADDRESS_INVALID', ['Aucun destinataire.']);
  const attachments = request.attachments.map((a) => ({
    ...messageAttachmentSchema.parse(a),
    name: headerText(a.name, 'Nom de pièce jointe'),
  }));
  const invoice = db
    .prepare('SELECT facility_id FROM invoices WHERE id = ?')
    .get(request.invoiceId) as { facility_id: number } | undefined;
  if (!invoice) throw new PliError('NOT_FOUND');
  const sender = resolveSender(db, { facilityId: invoice.facility_id, userId: author.userId });
  const { subject, text } = content(db, request, sender, author.userName);
  const requestReceipt = request.requestReceipt ?? loadMailSettings(db).requestReceipt;
  return {
    facilityId: invoice.facility_id,
    sender,
    to,
    subject,
    text,
    attachments,
    requestReceipt,
  };
}
