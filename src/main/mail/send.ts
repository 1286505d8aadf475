// « Envoyer » of Envoi groupé: every ticked invoice becomes its message row and the rows one batch
// of the send queue, all or nothing. The slow part (PDFs written if missing, attachments read and
// measured) runs first, outside any transaction; then one short write transaction creates every
// row and the batch (createInvoiceMessage and enqueueBatch nest in it as savepoints), so either
// every ticked invoice is in the batch or nothing was written, and the error names the invoice.
import type Database from 'better-sqlite3';
import {
  errorMessages,
  PliError,
  smtpDiagnosisMessages,
  type MailBatch,
  type MailFailure,
  type Throttle,
} from '../../shared/contract';
import type { TemplateText } from '../../shared/templates';
import type { Actor } from '../db/audit';
import { write } from '../db/tx';
import {
  assertEditedMessage,
  prepareInvoiceMessage,
  type PreparedInvoiceMessage,
} from './invoice-message';
import { createInvoiceMessage } from './message-row';
import type { PresendPlaces } from './presend';
import { enqueueBatch } from './queue/batches';

export interface SendRequest {
  facilityId: number;
  period: string;
  invoiceIds: readonly number[];
  requestReceipt: boolean;
  attachmentRefs: readonly string[];
  individualAttachments: readonly { invoiceId: number; ref: string }[];
  throttle?: Throttle | undefined;
  /** A single send (one invoice): the chosen addresses instead of the invoice addresses. */
  to?: readonly string[] | undefined;
  /** The batch's edited subject and text (French recipients); omitted: the templates. */
  message?: TemplateText | undefined;
}

interface InvoiceLabel {
  id: number;
  number: string;
  resident: string;
  facility_id: number;
  period: string;
}

function labels(db: Database.Database, ids: readonly number[]): Map<number, InvoiceLabel> {
  const marks = ids.map(() => '?').join(', ');
  const rows = db
    .prepare(
      `SELECT i.id, i.number, i.facility_id, i.period,
         trim(r.civilite || ' ' || r.prenom || ' ' || r.nom) AS resident
       FROM invoices i JOIN residents r ON r.id = i.resident_id WHERE i.id IN (${marks})`,
    )
    .all(...ids) as InvoiceLabel[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** The same error, with the invoice that stopped the send named first. */
function blockedBy(invoice: InvoiceLabel, error: unknown): unknown {
  if (!(error instanceof PliError)) return error;
  const which =
    `Facture ${invoice.number} (${invoice.resident}) : aucun message n’a été créé. ` +
    'Corrigez cette facture ou décochez-la, puis cliquez à nouveau sur « Envoyer ».';
  return new PliError(error.code, [which, ...(error.details ?? [])], { cause: error });
}

export async function sendInvoices(
  db: Database.Database,
  places: PresendPlaces,
  actor: Actor,
  request: SendRequest,
): Promise<MailBatch> {
  assertEditedMessage(request.message);
  const ids = [...new Set(request.invoiceIds)];
  const known = labels(db, ids);
  for (const id of ids) {
    const invoice = known.get(id);
    if (!invoice || invoice.facility_id !== request.facilityId || invoice.period !== request.period)
      throw new PliError('NOT_FOUND', [
        'Une facture cochée n’appartient plus à cet établissement et cette période : rechargez la vérification, puis recommencez.',
      ]);
  }
  const prepared: { invoice: InvoiceLabel; message: PreparedInvoiceMessage }[] = [];
  for (const id of ids) {
    const invoice = known.get(id) as InvoiceLabel;
    const own = request.individualAttachments.filter((a) => a.invoiceId === id).map((a) => a.ref);
    try {
      const message = await prepareInvoiceMessage(db, places, {
        invoiceId: id,
        docType: 'facture',
        requestReceipt: request.requestReceipt,
        generalAttachments: [...request.attachmentRefs, ...own],
        to: request.to,
        message: request.message,
      });
      prepared.push({ invoice, message });
    } catch (error) {
      throw blockedBy(invoice, error);
    }
  }
  return write(db, () => {
    const messageIds = prepared.map(({ invoice, message }) => {
      try {
        return createInvoiceMessage(db, actor, message.request).id;
      } catch (error) {
        throw blockedBy(invoice, error);
      }
    });
    return enqueueBatch(db, actor, {
      messageIds,
      ...(request.throttle ? { throttle: request.throttle } : {}),
    });
  });
}

const UNKNOWN_FAILURE =
  'Le message n’a pas pu partir. Vérifiez l’adresse du destinataire, puis cliquez sur « Renvoyer les échecs ».';

/** A failure's reason in French, from its stable code. */
function reasonOf(code: string | null): string {
  if (code && Object.hasOwn(smtpDiagnosisMessages, code))
    return smtpDiagnosisMessages[code as keyof typeof smtpDiagnosisMessages];
  if (code && Object.hasOwn(errorMessages, code))
    return errorMessages[code as keyof typeof errorMessages];
  return UNKNOWN_FAILURE;
}

/** The batch's failed messages not resent yet, with their invoice and reason. */
export function batchFailures(db: Database.Database, batchId: number): MailFailure[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.to_addresses, m.last_error_code, m.last_reply, i.number,
         trim(r.civilite || ' ' || r.prenom || ' ' || r.nom) AS resident
       FROM mail_messages m
       LEFT JOIN invoices i ON i.id = m.invoice_id
       LEFT JOIN residents r ON r.id = i.resident_id
       WHERE m.batch_id = ? AND m.state = 'failed'
         AND NOT EXISTS (SELECT 1 FROM mail_messages x WHERE x.resend_of = m.id)
       ORDER BY m.id`,
    )
    .all(batchId) as {
    id: number;
    to_addresses: string;
    last_error_code: string | null;
    last_reply: string | null;
    number: string | null;
    resident: string | null;
  }[];
  return rows.map((row) => ({
    messageId: row.id,
    invoiceNumber: row.number,
    residentName: row.resident,
    to: JSON.parse(row.to_addresses) as string[],
    code: row.last_error_code,
    reason: reasonOf(row.last_error_code),
    reply: row.last_reply,
  }));
}
