// The journal's envelope of an invoice, derived from its `mail_messages` rows (DESIGN rule 4),
// never stored: the latest message that sent the invoice itself (facture or envoi ponctuel; a
// cancelled one says nothing) decides, and its date, recipients, author, workstation and the
// server's reply go with it. The invoice's panel lists every row, reminders included.
import type Database from 'better-sqlite3';
import type { EnvelopeState, InvoiceEnvelope, InvoiceMessage } from '../../shared/contract';

/** The message kinds that carry the invoice itself; relances have their own journal. */
const INVOICE_DOC_TYPES = `('facture', 'envoi_ponctuel')`;

/** When the row last changed: sent, or its last attempt, or written. */
const WHEN = `COALESCE(m.sent_at,
  (SELECT max(a.finished_at) FROM mail_attempts a WHERE a.message_row = m.id), m.created_at)`;

/** The program a row was handed to (mail_handovers); its row is out of the queue, 'cancelled'. */
const HANDED = (m: string) =>
  `(SELECT h.client FROM mail_handovers h WHERE h.message_row = ${m}.id)`;

/** The latest message row that sent invoice `i`, a cancelled one saying nothing unless it was
 * handed to a mail program. */
const LATEST = `(SELECT max(m2.id) FROM mail_messages m2
    WHERE m2.invoice_id = i.id AND m2.doc_type IN ${INVOICE_DOC_TYPES}
      AND (m2.state <> 'cancelled' OR ${HANDED('m2')} IS NOT NULL))`;

/**
 * The receipt that speaks for a sent message row (mail_receipts, read from the sending mailbox):
 * a displayed read receipt ('lu') over a bounce ('rejete'), since someone did read it; the latest
 * of its kind. `col` is the column wanted: effect, reported_at or detail.
 */
const receiptOf = (m: string, col: string) => `(SELECT r.${col} FROM mail_receipts r
    WHERE r.message_row = ${m}.id AND r.effect IS NOT NULL
    ORDER BY r.effect = 'lu' DESC, r.id DESC LIMIT 1)`;

/** A message row's state as an envelope; a sent one may since have been read or bounced. */
const stateOf = (m: string) => `CASE ${m}.state
    WHEN 'sent' THEN COALESCE(${receiptOf(m, 'effect')}, 'envoye')
    WHEN 'failed' THEN 'en_echec' WHEN 'cancelled' THEN 'remis' ELSE 'en_attente' END`;

/** Joined to the journal's invoices `i`: the latest message `m` and its author `mu`. */
export const ENVELOPE_JOIN = `
  LEFT JOIN mail_messages m ON m.id = ${LATEST}
  LEFT JOIN users mu ON mu.id = m.created_by`;

/** The envelope state of invoice `i` on its own, for a filter before any join. */
export const ENVELOPE_OF_INVOICE = `COALESCE(
  (SELECT ${stateOf('m3')} FROM mail_messages m3 WHERE m3.id = ${LATEST}), 'non_envoyee')`;

const ENVELOPE_STATE = `CASE WHEN m.id IS NULL THEN 'non_envoyee' ELSE ${stateOf('m')} END`;

export const ENVELOPE_COLUMNS = `${ENVELOPE_STATE} AS envelope_state,
  CASE WHEN m.id IS NULL THEN NULL ELSE ${WHEN} END AS envelope_at,
  m.to_addresses AS envelope_to, mu.name AS envelope_by, m.workstation AS envelope_workstation,
  COALESCE(${receiptOf('m', 'detail')}, m.last_reply) AS envelope_reply,
  m.last_error_code AS envelope_code, m.resent_after_interruption AS envelope_resent,
  ${HANDED('m')} AS envelope_handed_to,
  ${receiptOf('m', 'reported_at')} AS envelope_receipt_at`;

export interface EnvelopeColumns {
  envelope_state: EnvelopeState;
  envelope_at: string | null;
  envelope_to: string | null;
  envelope_by: string | null;
  envelope_workstation: string | null;
  envelope_reply: string | null;
  envelope_code: string | null;
  envelope_resent: number | null;
  envelope_receipt_at: string | null;
  envelope_handed_to: InvoiceEnvelope['handedTo'];
}

const addresses = (json: string | null): string[] => {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
};

export function envelopeOf(row: EnvelopeColumns): InvoiceEnvelope {
  return {
    state: row.envelope_state,
    at: row.envelope_at,
    recipients: addresses(row.envelope_to),
    sentBy: row.envelope_by,
    workstation: row.envelope_workstation,
    reply: row.envelope_reply,
    errorCode: row.envelope_code,
    resentAfterInterruption: row.envelope_resent === 1,
    handedTo: row.envelope_handed_to,
    receiptAt: row.envelope_receipt_at,
  };
}

/** Every message row of one invoice, newest first. */
export function messageHistory(db: Database.Database, invoiceId: number): InvoiceMessage[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.doc_type, m.state, ${WHEN} AS at, m.to_addresses, mu.name AS sent_by,
              m.workstation, m.last_reply, m.last_error_code, m.resent_after_interruption,
              m.resend_of, m.attempts, ${HANDED('m')} AS handed_to,
              ${receiptOf('m', 'effect')} AS receipt_effect,
              ${receiptOf('m', 'reported_at')} AS receipt_at, ${receiptOf('m', 'detail')} AS receipt_detail
       FROM mail_messages m LEFT JOIN users mu ON mu.id = m.created_by
       WHERE m.invoice_id = ? ORDER BY m.id DESC`,
    )
    .all(invoiceId) as {
    id: number;
    doc_type: string;
    state: InvoiceMessage['state'];
    at: string;
    to_addresses: string;
    sent_by: string | null;
    workstation: string;
    last_reply: string | null;
    last_error_code: string | null;
    resent_after_interruption: number;
    resend_of: number | null;
    attempts: number;
    handed_to: InvoiceMessage['handedTo'];
    receipt_effect: 'lu' | 'rejete' | null;
    receipt_at: string | null;
    receipt_detail: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    docType: r.doc_type,
    state: r.state,
    at: r.at,
    recipients: addresses(r.to_addresses),
    sentBy: r.sent_by,
    workstation: r.workstation,
    reply: r.last_reply,
    errorCode: r.last_error_code,
    resentAfterInterruption: r.resent_after_interruption === 1,
    resendOf: r.resend_of,
    attempts: r.attempts,
    handedTo: r.handed_to,
    receipt:
      r.receipt_effect && r.receipt_at
        ? { effect: r.receipt_effect, at: r.receipt_at, detail: r.receipt_detail }
        : null,
  }));
}
