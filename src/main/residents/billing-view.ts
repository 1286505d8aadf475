// A resident's Facturation tab as the file holds it: absences with their length and whether an
// issued invoice already covers their months, débours (with the invoice that took them), and
// GIR evaluations. One read transaction, so another workstation's save never lands halfway.
import type Database from 'better-sqlite3';
import { PliError, type ResidentBilling } from '../../shared/contract';
import { parseDay } from '../billing/calendar';
import type { AbsenceKind } from '../billing/compute';
import type { Changes } from '../db/audit';

export interface StayRow {
  id: number;
  admission_date: string;
  discharge_date: string | null;
  gir: number | null;
}

export function loadStay(db: Database.Database, residentId: number): StayRow {
  const row = db
    .prepare('SELECT id, admission_date, discharge_date, gir FROM residents WHERE id = ?')
    .get(residentId) as StayRow | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return row;
}

/** A deleted record's fields, as the audit log shows them: each value to nothing. */
export function removed(before: Record<string, unknown>): Changes {
  return Object.fromEntries(Object.entries(before).map(([key, value]) => [key, [value, null]]));
}

/** Today on this workstation's calendar, as the office reads it ('YYYY-MM-DD'). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days from `start` to `end` included; an absence not yet over counts to today. */
export function absenceDays(start: string, end: string | null, today: string): number {
  const last = end ?? today;
  return last < start ? 0 : parseDay(last) - parseDay(start) + 1;
}

export function getResidentBilling(
  db: Database.Database,
  residentId: number,
  today: string,
): ResidentBilling {
  return db.transaction(() => {
    const stay = loadStay(db, residentId);
    const absences = db
      .prepare(
        `SELECT a.id, a.version, a.kind, a.start_date, a.end_date,
                EXISTS (SELECT 1 FROM invoices i
                         WHERE i.resident_id = a.resident_id AND i.kind = 'facture'
                           AND i.status = 'issued'
                           AND i.period >= substr(a.start_date, 1, 7)
                           AND i.period <= substr(COALESCE(a.end_date, :today), 1, 7)) AS issued
           FROM absences a WHERE a.resident_id = :resident
          ORDER BY a.start_date DESC, a.id DESC`,
      )
      .all({ resident: residentId, today }) as {
      id: number;
      version: number;
      kind: AbsenceKind;
      start_date: string;
      end_date: string | null;
      issued: number;
    }[];
    const debours = db
      .prepare(
        `SELECT d.id, d.date, d.label, d.amount_cents AS amountCents, d.invoice_id AS invoiceId,
                i.number AS invoiceNumber
           FROM debours d LEFT JOIN invoices i ON i.id = d.invoice_id
          WHERE d.resident_id = ?
          ORDER BY d.invoice_id IS NOT NULL, d.date DESC, d.id DESC`,
      )
      .all(residentId) as ResidentBilling['debours'];
    const girHistory = db
      .prepare(
        `SELECT valid_from AS validFrom, gir FROM resident_gir_history
          WHERE resident_id = ? ORDER BY valid_from DESC`,
      )
      .all(residentId) as ResidentBilling['girHistory'];
    return {
      residentId,
      admissionDate: stay.admission_date,
      dischargeDate: stay.discharge_date,
      gir: stay.gir,
      absences: absences.map((a) => ({
        id: a.id,
        version: a.version,
        kind: a.kind,
        startDate: a.start_date,
        endDate: a.end_date,
        days: absenceDays(a.start_date, a.end_date, today),
        overlapsIssuedInvoice: a.issued === 1,
      })),
      debours,
      girHistory,
    };
  })();
}
