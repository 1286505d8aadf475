// The home page's monthly figures, one query per month: per facility, the issued factures of
// the period, those with a sent message, those whose last message failed, those read (their
// envelope is « lu »: a read receipt came back for the latest message), and those still
// unpaid (paid less than their total less the avoirs issued against them; cancelled ones by
// avoir are not unpaid).
import type Database from 'better-sqlite3';
import type { Dashboard, DashboardMonth } from '../../shared/contract';
import { ENVELOPE_OF_INVOICE } from './envelope';

export function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const MONTH = `
  SELECT f.id AS facility_id, f.name,
    count(i.id) AS issued,
    count(CASE WHEN EXISTS (SELECT 1 FROM mail_messages m
      WHERE m.invoice_id = i.id AND m.state = 'sent') THEN 1 END) AS sent,
    count(CASE WHEN (SELECT m.state FROM mail_messages m
      WHERE m.invoice_id = i.id ORDER BY m.id DESC LIMIT 1) = 'failed' THEN 1 END) AS failed,
    count(CASE WHEN i.id IS NOT NULL AND ${ENVELOPE_OF_INVOICE} = 'lu' THEN 1 END) AS read,
    count(CASE WHEN
      COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
      < i.total_cents + COALESCE((SELECT sum(a.total_cents) FROM invoices a
          WHERE a.credited_invoice_id = i.id AND a.status = 'issued'), 0)
      THEN 1 END) AS unpaid
  FROM facilities f
  LEFT JOIN invoices i ON i.facility_id = f.id AND i.period = ? AND i.kind = 'facture'
    AND i.status = 'issued'
  GROUP BY f.id ORDER BY f.name COLLATE NOCASE, f.id`;

interface Row {
  facility_id: number;
  name: string;
  issued: number;
  sent: number;
  failed: number;
  read: number;
  unpaid: number;
}

export function dashboardMonth(db: Database.Database, period: string): Dashboard {
  const previous = previousPeriod(period);
  const statement = db.prepare(MONTH);
  const [now, before] = [period, previous].map((p) => statement.all(p) as Row[]) as [Row[], Row[]];
  const month = (row: Row | undefined, p: string): DashboardMonth => ({
    period: p,
    issued: row?.issued ?? 0,
    sent: row?.sent ?? 0,
    failed: row?.failed ?? 0,
    read: row?.read ?? 0,
    unpaid: row?.unpaid ?? 0,
  });
  return {
    periods: [period, previous],
    facilities: now.map((row) => ({
      facilityId: row.facility_id,
      name: row.name,
      months: [
        month(row, period),
        month(
          before.find((b) => b.facility_id === row.facility_id),
          previous,
        ),
      ],
    })),
  };
}
