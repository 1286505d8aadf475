// The overdue invoices a relance is about: issued factures whose due date has passed and that
// still have something to pay (total less credited less paid, as the journal's status reads
// it), grouped by payer — the name the invoice was addressed to, for one resident — with days
// late, the highest reminder already recorded and the next level (capped at the mise en
// demeure), and in email mode the payer's invoice addresses or why there are none.
import type Database from 'better-sqlite3';
import type { OverdueInvoice, OverduePayer, ReminderLevel } from '../../shared/contract';
import { invalidAddressMessage, invoiceAddresses, loadAddressBook } from '../mail/recipients';

interface Row {
  id: number;
  facility_id: number;
  facility_name: string;
  number: string;
  period: string;
  due_date: string;
  total_cents: number;
  due_cents: number;
  resident_id: number;
  resident: string;
  payer_name: string;
  level: number;
  last_at: string | null;
}

const OVERDUE = `
  SELECT * FROM (
    SELECT i.id, i.facility_id, f.name AS facility_name, i.number, i.period, i.due_date,
           i.total_cents, i.resident_id, i.payer_name,
           trim(r.civilite || ' ' || r.prenom || ' ' || r.nom) AS resident,
           i.total_cents
             - COALESCE((SELECT -sum(a.total_cents) FROM invoices a
                         WHERE a.credited_invoice_id = i.id AND a.status = 'issued'), 0)
             - COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
             AS due_cents,
           COALESCE((SELECT max(level) FROM reminders m WHERE m.invoice_id = i.id), 0) AS level,
           (SELECT max(created_at) FROM reminders m WHERE m.invoice_id = i.id) AS last_at
    FROM invoices i
    JOIN facilities f ON f.id = i.facility_id
    JOIN residents r ON r.id = i.resident_id
    WHERE i.status = 'issued' AND i.kind = 'facture' AND i.due_date < :today
      AND (:facility IS NULL OR i.facility_id = :facility)
  ) WHERE due_cents > 0
  ORDER BY facility_name, payer_name COLLATE NOCASE, resident, due_date, id`;

/** Today on this workstation's calendar, as the due dates are written. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const payerKey = (residentId: number, payerName: string) =>
  `${String(residentId)}|${payerName}`;

const NO_ADDRESS =
  'Aucune adresse e-mail de facturation : relancez ce payeur par courrier, ou ajoutez son adresse dans la fiche du résident.';

export interface OverdueFilter {
  facilityId: number | null;
  today?: string;
}

export function listOverdue(db: Database.Database, filter: OverdueFilter): OverduePayer[] {
  const today = filter.today ?? localToday();
  const rows = db.prepare(OVERDUE).all({ today, facility: filter.facilityId }) as Row[];
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = payerKey(row.resident_id, row.payer_name);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const book = loadAddressBook(db, [...new Set(rows.map((r) => r.resident_id))]);
  return [...groups].map(([key, group]) => {
    const first = group[0] as Row;
    const invoices: OverdueInvoice[] = group.map((row) => ({
      id: row.id,
      number: row.number,
      period: row.period,
      dueDate: row.due_date,
      totalCents: row.total_cents,
      dueCents: row.due_cents,
      daysLate: daysBetween(row.due_date, today),
      level: row.level,
    }));
    const level = Math.max(...group.map((r) => r.level));
    const lasts = group.map((r) => r.last_at).filter((at): at is string => at !== null);
    const { recipients, skipped } = invoiceAddresses(book.people.get(first.resident_id) ?? []);
    const emailIssue =
      recipients.length > 0
        ? null
        : skipped.length > 0
          ? skipped.map(invalidAddressMessage).join(' ')
          : NO_ADDRESS;
    return {
      key,
      facilityId: first.facility_id,
      facilityName: first.facility_name,
      residentId: first.resident_id,
      residentName: first.resident,
      payerName: first.payer_name,
      invoices,
      dueCents: invoices.reduce((sum, i) => sum + i.dueCents, 0),
      daysLate: Math.max(...invoices.map((i) => i.daysLate)),
      level,
      nextLevel: Math.min(3, level + 1) as ReminderLevel,
      lastReminderAt: lasts.length > 0 ? (lasts.sort().at(-1) ?? null) : null,
      emails: recipients.map((r) => r.address),
      emailIssue,
    };
  });
}

/**
 * The ticked payers, each with only its ticked invoices that are still overdue (one may have
 * been paid since the list was loaded); refused when nothing ticked is overdue any more.
 */
export function selectedPayers(
  db: Database.Database,
  invoiceIds: readonly number[],
  today?: string,
): OverduePayer[] {
  const wanted = new Set(invoiceIds);
  const payers = listOverdue(db, { facilityId: null, ...(today ? { today } : {}) })
    .map((payer) => {
      const invoices = payer.invoices.filter((i) => wanted.has(i.id));
      return {
        ...payer,
        invoices,
        dueCents: invoices.reduce((sum, i) => sum + i.dueCents, 0),
      };
    })
    .filter((payer) => payer.invoices.length > 0);
  return payers;
}

export const REMINDER_DOC_TYPES = {
  1: 'relance1',
  2: 'relance2',
  3: 'mise_en_demeure',
} as const satisfies Record<ReminderLevel, string>;
