// Journal des factures: invoices and avoirs by facility and period, with what was paid and
// credited, and the status a billing office reads (brouillon, émise, payée, partiellement
// payée, annulée par avoir, avoir), and its envelope (envelope.ts), both derived from the
// rows in the same query, never stored.
import type Database from 'better-sqlite3';
import type {
  JournalSort,
  JournalSortKey,
  EnvelopeState,
  InvoiceDetail,
  InvoiceRow,
  InvoiceStatus,
} from '../../shared/contract';
import { PliError } from '../../shared/contract';
import { foldForSearch } from '../../shared/text';
import { creditedQuantities } from './credit';
import {
  ENVELOPE_COLUMNS,
  ENVELOPE_JOIN,
  ENVELOPE_OF_INVOICE,
  envelopeOf,
  messageHistory,
  type EnvelopeColumns,
} from './envelope';
import { loadPayers, type Payer } from './payer';

export interface JournalFilter {
  facilityId: number | null;
  period: string | null;
  search: string;
  includeDrafts: boolean;
  /** Only the invoices whose envelope (« Envoi ») is in this state. */
  envelope?: EnvelopeState | null;
  status?: InvoiceStatus | null;
  /** Only this resident's invoices. */
  residentId?: number | null;
  /** A column's sort, before the row limit; the journal's own order breaks ties. */
  sort?: JournalSort | null;
}

/** invoices:list's rows at most (a resident's invoices); the journal pages through windows. */
const LIMIT = 1000;

export interface Row extends EnvelopeColumns {
  id: number;
  facility_id: number;
  facility_name: string;
  kind: 'facture' | 'avoir';
  status: 'draft' | 'issued';
  number: string | null;
  period: string;
  issue_date: string | null;
  due_date: string | null;
  resident_id: number;
  civilite: string;
  nom: string;
  prenom: string;
  payer_name: string;
  total_cents: number;
  paid_cents: number;
  credited_cents: number;
  credited_number: string | null;
  pdf_sha256: string | null;
  has_debours: number;
  status_code: InvoiceStatus;
}

const PAID = `COALESCE((SELECT sum(amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)`;
const CREDITED = `COALESCE((SELECT -sum(a.total_cents) FROM invoices a
  WHERE a.credited_invoice_id = i.id AND a.status = 'issued'), 0)`;

/** What a billing office reads, from what was billed, paid and credited. */
const STATUS = `CASE
    WHEN i.status = 'draft' THEN 'brouillon'
    WHEN i.kind = 'avoir' THEN 'avoir'
    WHEN ${CREDITED} > 0 AND i.total_cents - ${CREDITED} <= 0 THEN 'annulee'
    WHEN ${PAID} >= i.total_cents - ${CREDITED} THEN 'payee'
    WHEN ${PAID} > 0 THEN 'partiellement_payee'
    ELSE 'emise' END`;

export const SELECT = `
  SELECT i.id, i.facility_id, f.name AS facility_name, i.kind, i.status, i.number, i.period,
         i.issue_date, i.due_date, i.resident_id, r.civilite, r.nom, r.prenom, i.payer_name,
         i.total_cents, i.pdf_sha256,
         ${PAID} AS paid_cents,
         ${CREDITED} AS credited_cents,
         ${STATUS} AS status_code,
         o.number AS credited_number,
         EXISTS (SELECT 1 FROM debours d WHERE d.invoice_id = i.id) AS has_debours,
         ${ENVELOPE_COLUMNS}
  FROM invoices i
  JOIN facilities f ON f.id = i.facility_id
  JOIN residents r ON r.id = i.resident_id
  LEFT JOIN invoices o ON o.id = i.credited_invoice_id
  ${ENVELOPE_JOIN}`;

function toRow(row: Row, payerName: string): InvoiceRow {
  return {
    id: row.id,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    kind: row.kind,
    number: row.number,
    period: row.period,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    residentId: row.resident_id,
    residentName: `${row.civilite} ${row.prenom} ${row.nom}`,
    payerName,
    totalCents: row.total_cents,
    paidCents: row.paid_cents,
    creditedCents: row.credited_cents,
    status: row.status_code,
    creditedNumber: row.credited_number,
    hasPdf: row.status === 'issued',
    hasDeboursPdf: row.status === 'issued' && row.has_debours === 1,
    envelope: envelopeOf(row),
  };
}

/** Drafts show whom they will be addressed to today; issued invoices, whom they were. */
export function withPayers(db: Database.Database, rows: Row[]): InvoiceRow[] {
  const unsnapshotted = rows.filter((r) => r.payer_name === '').map((r) => r.resident_id);
  const payers =
    unsnapshotted.length > 0
      ? loadPayers(db, { residentIds: unsnapshotted })
      : new Map<number, Payer>();
  return rows.map((r) => toRow(r, r.payer_name || (payers.get(r.resident_id)?.name ?? '')));
}

/** The journal's own order; the id last, so that every row has one place and windows of the
 * same list never overlap or skip (seq repeats across facilities, names repeat). */
const ORDER = `i.period DESC, i.status = 'draft', i.seq DESC, r.nom COLLATE NOCASE, i.id DESC`;

/** Each sortable column's SQL terms, on the aliases of both the page query and the final one;
 * `nullsLast` terms keep empty values (a draft's number and date) last in either direction. */
const SORT_SQL: Record<JournalSortKey, { nullsLast?: string; terms: string[] }> = {
  number: { nullsLast: 'i.number IS NULL', terms: ['i.number COLLATE NOCASE'] },
  date: { nullsLast: 'i.issue_date IS NULL', terms: ['i.issue_date'] },
  resident: { terms: ['r.nom COLLATE NOCASE', 'r.prenom COLLATE NOCASE'] },
  payer: { terms: ['i.payer_name COLLATE NOCASE'] },
  amount: { terms: ['i.total_cents'] },
  status: { terms: [`(${STATUS})`] },
  envelope: { terms: [`(${ENVELOPE_OF_INVOICE})`] },
};

export function orderOf(sort: JournalSort | null | undefined): string {
  if (!sort) return ORDER;
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const { nullsLast, terms } = SORT_SQL[sort.key];
  return [...(nullsLast ? [nullsLast] : []), ...terms.map((t) => `${t} ${direction}`), ORDER].join(
    ', ',
  );
}

/** The filters set, as SQL on `invoices i JOIN residents r`: only those that apply, so that
 * SQLite can use the (facility, period) index and never computes an unasked envelope or status. */
export function filterWhere(filter: JournalFilter): string {
  const clauses = [
    filter.facilityId !== null && 'i.facility_id = :facility',
    filter.period !== null && 'i.period = :period',
    (filter.residentId ?? null) !== null && 'i.resident_id = :resident',
    !filter.includeDrafts && "i.status = 'issued'",
    filter.search.trim() !== '' &&
      '(r.search_key LIKE :like OR i.number LIKE :raw OR pli_fold(i.payer_name) LIKE :like)',
    (filter.envelope ?? null) !== null && `${ENVELOPE_OF_INVOICE} = :envelope`,
    (filter.status ?? null) !== null && `${STATUS} = :statusCode`,
  ].filter((clause): clause is string => clause !== false);
  return clauses.length > 0 ? clauses.join(' AND ') : '1';
}

export function filterParams(filter: JournalFilter) {
  const search = foldForSearch(filter.search);
  return {
    facility: filter.facilityId,
    period: filter.period,
    resident: filter.residentId ?? null,
    search,
    like: `%${search}%`,
    raw: `%${filter.search.trim()}%`,
    envelope: filter.envelope ?? null,
    statusCode: filter.status ?? null,
  };
}

export function listInvoices(db: Database.Database, filter: JournalFilter): InvoiceRow[] {
  const order = orderOf(filter.sort);
  // The page's ids first, from the filters alone, then every column computed for those 1000
  // rows at most. The journal table itself reads windows instead (journal-window.ts).
  const rows = db
    .prepare(
      `WITH page AS (
         SELECT i.id FROM invoices i JOIN residents r ON r.id = i.resident_id
         WHERE ${filterWhere(filter)}
         ORDER BY ${order}
         LIMIT ${String(LIMIT)})
       ${SELECT}
       WHERE i.id IN (SELECT id FROM page)
       ORDER BY ${order}`,
    )
    .all(filterParams(filter)) as Row[];
  return withPayers(db, rows);
}

export function getInvoice(db: Database.Database, id: number): InvoiceDetail {
  return db.transaction(() => {
    const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
    if (!row) throw new PliError('NOT_FOUND');
    const [summary] = withPayers(db, [row]) as [InvoiceRow];
    const credited = creditedQuantities(db, id);
    const lines = db
      .prepare(
        `SELECT position, kind, label, quantity, unit_cents, amount_cents
         FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
      )
      .all(id) as {
      position: number;
      kind: string;
      label: string;
      quantity: number;
      unit_cents: number;
      amount_cents: number;
    }[];
    const { payer_address: address } = db
      .prepare('SELECT payer_address FROM invoices WHERE id = ?')
      .get(id) as { payer_address: string };
    const creditNotes = db
      .prepare(
        `SELECT id, number, total_cents AS totalCents FROM invoices
         WHERE credited_invoice_id = ? ORDER BY seq`,
      )
      .all(id) as { id: number; number: string | null; totalCents: number }[];
    return {
      ...summary,
      lines: lines.map((l) => ({
        position: l.position,
        kind: l.kind,
        label: l.label,
        quantity: l.quantity,
        unitCents: l.unit_cents,
        amountCents: l.amount_cents,
        creditedQuantity: credited.get(l.position) ?? 0,
      })),
      payerAddress: address === '' ? [] : address.split('\n'),
      pdfSha256: row.pdf_sha256,
      creditNotes,
      messages: messageHistory(db, id),
    };
  })();
}
