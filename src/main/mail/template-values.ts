// One issued invoice as template values (number, dates, period, amount from the invoice; the
// payer from the snapshot printed on it, so an email says what the PDF says; the resident and
// the facility), and `renderForInvoice`, which the compose step calls to write a message.
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import {
  render,
  type DocType,
  type RenderResult,
  type TemplateLanguage,
  type TemplateValues,
} from '../../shared/templates';
import { effectiveTemplate } from './templates';

interface Row {
  facility_id: number;
  kind: 'facture' | 'avoir';
  status: string;
  number: string | null;
  period: string;
  issue_date: string | null;
  due_date: string | null;
  total_cents: number;
  payer_name: string;
  civilite: string;
  prenom: string;
  nom: string;
  facility_name: string;
  sender_name: string;
}

/** `M. Łukasz WIŚNIEWSKI` → civilité and the rest, as billing/payer.ts wrote it. */
export function splitPayerName(name: string): Pick<TemplateValues, 'payerCivilite' | 'payerName'> {
  const match = /^(M\.|Mme)\s+(.*)$/u.exec(name.trim());
  if (!match) return { payerCivilite: '', payerName: name.trim() };
  return { payerCivilite: match[1] as 'M.' | 'Mme', payerName: match[2] ?? '' };
}

export interface InvoiceValues {
  facilityId: number;
  values: TemplateValues;
}

/** The values of an issued invoice; `sender` is who signs (the facility's sender name if none). */
export function invoiceTemplateValues(
  db: Database.Database,
  invoiceId: number,
  sender?: string,
): InvoiceValues {
  const row = db
    .prepare(
      `SELECT i.facility_id, i.kind, i.status, i.number, i.period, i.issue_date, i.due_date,
              i.total_cents, i.payer_name, r.civilite, r.prenom, r.nom,
              f.name AS facility_name, f.sender_name
       FROM invoices i JOIN residents r ON r.id = i.resident_id
       JOIN facilities f ON f.id = i.facility_id WHERE i.id = ?`,
    )
    .get(invoiceId) as Row | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  if (row.status !== 'issued' || row.number === null || row.issue_date === null) {
    throw new PliError('TEMPLATE_INVOICE_NOT_ISSUED');
  }
  return {
    facilityId: row.facility_id,
    values: {
      resident: `${row.civilite} ${row.prenom} ${row.nom}`.trim(),
      payer: row.payer_name,
      ...splitPayerName(row.payer_name),
      facility: row.facility_name,
      number: row.number,
      issueDate: row.issue_date,
      period: row.period,
      dueDate: row.due_date ?? '',
      amountCents: row.total_cents,
      kind: row.kind,
      sender: sender ?? (row.sender_name.trim() || row.facility_name),
    },
  };
}

export interface RenderOverrides {
  /** Who signs: the connected user or the facility's sender name. */
  senderName?: string;
  /** Text edited for this send instead of the facility's template. */
  subject?: string;
  body?: string;
}

/**
 * The subject and plain text of the email for an issued invoice, from its facility's template
 * for the document type and the payer's language, or the problems of the template (never a
 * message with a blank where a field was).
 */
export function renderForInvoice(
  db: Database.Database,
  invoiceId: number,
  docType: DocType,
  language: TemplateLanguage,
  overrides: RenderOverrides = {},
): RenderResult {
  const { facilityId, values } = invoiceTemplateValues(db, invoiceId, overrides.senderName);
  const template = effectiveTemplate(db, { facilityId, docType, language });
  return render(
    { subject: overrides.subject ?? template.subject, body: overrides.body ?? template.body },
    values,
    language,
  );
}
