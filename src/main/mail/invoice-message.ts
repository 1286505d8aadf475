// One invoice → the message request that sending writes as a row, and « Aperçu du message »,
// the same request resolved without writing: recipients are the invoice addresses that have
// not received it yet (all of them for a deliberate second send, as the pre-send check offers),
// the template's language is the first recipient's (the payer contact comes first), the files
// are the invoice PDF, its relevé de débours when it has débours, and the general attachments
// of the send, the whole checked against the per-message limit.
import type Database from 'better-sqlite3';
import { PliError, type MailPreview } from '../../shared/contract';
import {
  describeLocatedIssue,
  templateIssues,
  type DocType,
  type TemplateText,
} from '../../shared/templates';
import {
  assertMessageSize,
  invoiceAttachments,
  storedAttachment,
  type AttachmentWarning,
} from './attachments';
import {
  type InvoiceMessageRequest,
  type MessageAuthor,
  resolveInvoiceMessage,
} from './message-content';
import { addressesOf, type PresendPlaces } from './presend';
import {
  addressKey,
  invalidAddressMessage,
  invoiceAddresses,
  loadAddressBook,
  singleSendCandidates,
  typedRecipient,
  type Person,
  type Recipient,
} from './recipients';
import { loadMailSettings } from './settings';

export interface InvoiceMessageInput {
  invoiceId: number;
  docType: DocType;
  /** Omitted: the association's default. */
  requestReceipt?: boolean | undefined;
  generalAttachments: readonly string[];
  /** A single send's chosen addresses (contacts' or typed); omitted: the invoice addresses. */
  to?: readonly string[] | undefined;
  /** The send's edited subject and text: in place of the French template, for French
   * recipients only; the others keep their language's template. */
  message?: TemplateText | undefined;
}

export interface PreparedFile {
  kind: 'facture' | 'releve' | 'general';
  name: string;
  sizeBytes: number;
  warning: AttachmentWarning | null;
}

export interface PreparedInvoiceMessage {
  request: InvoiceMessageRequest & { language: Recipient['language'] };
  recipients: Recipient[];
  files: PreparedFile[];
  totalBytes: number;
  /** Every invoice address already received this document. */
  resend: boolean;
}

/** Addresses that already received this invoice's document, from sent rows. */
function sentAddresses(db: Database.Database, invoiceId: number, docType: DocType): Set<string> {
  const rows = db
    .prepare(
      `SELECT to_addresses FROM mail_messages
       WHERE state = 'sent' AND invoice_id = ? AND doc_type = ?`,
    )
    .all(invoiceId, docType) as { to_addresses: string }[];
  return new Set(rows.flatMap((row) => addressesOf(row.to_addresses)));
}

/** A single send's addresses: a known person's keeps their name, role and language; any other
 * is checked as typed. */
function chosenRecipients(people: readonly Person[], to: readonly string[]): Recipient[] {
  const known = new Map(
    singleSendCandidates(people).map((person) => [addressKey(person.address), person]),
  );
  const seen = new Set<string>();
  const chosen: Recipient[] = [];
  for (const raw of to) {
    const person = known.get(addressKey(raw.trim())) ?? typedRecipient(raw);
    const key = addressKey(person.address);
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(person);
  }
  if (chosen.length === 0) throw new PliError('MAIL_NO_RECIPIENT');
  return chosen;
}

/** Who receives the invoice; refused in French when nobody can. */
function recipientsOf(
  db: Database.Database,
  invoiceId: number,
  docType: DocType,
  to?: readonly string[],
) {
  const invoice = db
    .prepare('SELECT resident_id, status, kind FROM invoices WHERE id = ?')
    .get(invoiceId) as { resident_id: number; status: string; kind: string } | undefined;
  if (!invoice) throw new PliError('NOT_FOUND');
  if (invoice.status !== 'issued' || invoice.kind !== 'facture') {
    throw new PliError('TEMPLATE_INVOICE_NOT_ISSUED');
  }
  const people = loadAddressBook(db, [invoice.resident_id]).people.get(invoice.resident_id) ?? [];
  if (to !== undefined) {
    const chosen = chosenRecipients(people, to);
    const sent = sentAddresses(db, invoiceId, docType);
    return { recipients: chosen, resend: chosen.every((r) => sent.has(addressKey(r.address))) };
  }
  const { recipients, skipped } = invoiceAddresses(people);
  if (recipients.length === 0) {
    if (skipped.length > 0) {
      throw new PliError('MAIL_ADDRESS_INVALID', skipped.map(invalidAddressMessage));
    }
    throw new PliError('MAIL_NO_RECIPIENT');
  }
  const sent = sentAddresses(db, invoiceId, docType);
  const fresh = recipients.filter((r) => !sent.has(addressKey(r.address)));
  return fresh.length > 0 ? { recipients: fresh, resend: false } : { recipients, resend: true };
}

/** An edited subject or text with an unknown field is refused for every invoice, French
 * recipients or not, before anything is written. */
export function assertEditedMessage(message: TemplateText | undefined): void {
  const issues = message ? templateIssues(message) : [];
  if (issues.length > 0) {
    throw new PliError('TEMPLATE_UNKNOWN_FIELD', issues.map(describeLocatedIssue));
  }
}

/** The request `createInvoiceMessage` writes for one invoice of a send (PDFs written if needed). */
export async function prepareInvoiceMessage(
  db: Database.Database,
  places: PresendPlaces,
  input: InvoiceMessageInput,
): Promise<PreparedInvoiceMessage> {
  assertEditedMessage(input.message);
  const { recipients, resend } = recipientsOf(db, input.invoiceId, input.docType, input.to);
  const rules = loadMailSettings(db);
  const documents = await invoiceAttachments(db, places.databaseFile, input.invoiceId, rules);
  const general = input.generalAttachments.map((ref) =>
    storedAttachment(places.dataDir, ref, rules),
  );
  const all = [
    ...documents.map((d) => ({ ...d, attachmentKind: d.kind })),
    ...general.map((g) => ({ ...g, kind: 'general' as const, attachmentKind: 'fichier' as const })),
  ];
  const totalBytes = assertMessageSize(all, rules);
  const language = recipients[0]?.language ?? 'fr';
  return {
    request: {
      invoiceId: input.invoiceId,
      docType: input.docType,
      language,
      to: recipients.map((r) => r.address),
      attachments: all.map((file) => ({
        kind: file.attachmentKind,
        name: file.name,
        path: file.path,
      })),
      ...(input.requestReceipt === undefined ? {} : { requestReceipt: input.requestReceipt }),
      ...(input.message && language === 'fr'
        ? { subject: input.message.subject, body: input.message.body }
        : {}),
    },
    recipients,
    files: all.map(({ kind, name, sizeBytes, warning }) => ({ kind, name, sizeBytes, warning })),
    totalBytes,
    resend,
  };
}

/** The exact email the family would receive, resolved as sending resolves it; writes no row. */
export async function previewInvoiceMessage(
  db: Database.Database,
  places: PresendPlaces,
  author: MessageAuthor,
  input: InvoiceMessageInput,
): Promise<MailPreview> {
  const prepared = await prepareInvoiceMessage(db, places, input);
  const message = resolveInvoiceMessage(db, author, prepared.request);
  const byAddress = new Map(prepared.recipients.map((r) => [addressKey(r.address), r]));
  return {
    invoiceId: input.invoiceId,
    senderMode: message.sender.mode,
    from: { name: message.sender.name, address: message.sender.address },
    replyTo: message.sender.replyTo === '' ? null : message.sender.replyTo,
    to: message.to.map((address) => {
      const person = byAddress.get(addressKey(address));
      return { address, name: person?.name ?? '', role: person?.role ?? 'autre' };
    }),
    bcc: message.sender.bcc,
    language: prepared.request.language,
    subject: message.subject,
    text: message.text,
    attachments: prepared.files,
    totalBytes: prepared.totalBytes,
    requestReceipt: message.requestReceipt,
    resend: prepared.resend,
  };
}
