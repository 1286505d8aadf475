// What the office checks before issuing: each draft beside the same resident's invoice of
// the previous month, the totals of both months, who arrived and who left, and the records
// that will not bill as expected (no GIR: no dépendance).
import type Database from 'better-sqlite3';
import type { BillingRun } from '../../shared/contract';
import { findRun } from './run';
import { loadPayers, type Payer } from './payer';

function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1
    ? `${String(year - 1)}-12`
    : `${String(year)}-${String(month - 1).padStart(2, '0')}`;
}

interface InvoiceRow {
  id: number;
  resident_id: number;
  number: string | null;
  status: string;
  total_cents: number;
  payer_name: string;
  civilite: string;
  nom: string;
  prenom: string;
  room: string;
  gir: number | null;
  pdf_sha256: string | null;
  debours_cents: number;
}

const fullName = (r: { civilite: string; nom: string; prenom: string }) =>
  `${r.civilite} ${r.prenom} ${r.nom}`.trim();

export function reviewRun(
  db: Database.Database,
  facilityId: number,
  period: string,
): BillingRun | null {
  return db.transaction(() => {
    const run = findRun(db, facilityId, period);
    if (!run) return null;
    const meta = db
      .prepare(
        `SELECT f.name AS facility, b.created_at, b.issued_at,
                COALESCE(c.name, '') AS created_by, i.name AS issued_by
         FROM billing_runs b JOIN facilities f ON f.id = b.facility_id
         LEFT JOIN users c ON c.id = b.created_by LEFT JOIN users i ON i.id = b.issued_by
         WHERE b.id = ?`,
      )
      .get(run.id) as {
      facility: string;
      created_at: string;
      issued_at: string | null;
      created_by: string;
      issued_by: string | null;
    };
    const rows = db
      .prepare(
        `SELECT i.id, i.resident_id, i.number, i.status, i.total_cents, i.payer_name, i.pdf_sha256,
                r.civilite, r.nom, r.prenom, r.room, r.gir,
                COALESCE((SELECT sum(amount_cents) FROM invoice_lines l
                          WHERE l.invoice_id = i.id AND l.kind = 'debours'), 0) AS debours_cents
         FROM invoices i JOIN residents r ON r.id = i.resident_id
         WHERE i.billing_run_id = ?
         ORDER BY r.nom COLLATE NOCASE, r.prenom COLLATE NOCASE, r.id`,
      )
      .all(run.id) as InvoiceRow[];
    // Last month's invoices net of their avoirs, per resident.
    const previous = db
      .prepare(
        `SELECT i.resident_id, r.civilite, r.nom, r.prenom, sum(i.total_cents) AS total
         FROM invoices i JOIN residents r ON r.id = i.resident_id
         WHERE i.facility_id = ? AND i.period = ? AND i.status = 'issued'
         GROUP BY i.resident_id`,
      )
      .all(facilityId, previousPeriod(period)) as {
      resident_id: number;
      civilite: string;
      nom: string;
      prenom: string;
      total: number;
    }[];
    const before = new Map(previous.map((p) => [p.resident_id, p]));
    const now = new Set(rows.map((r) => r.resident_id));
    const payers =
      run.status === 'draft' ? loadPayers(db, { facilityId }) : new Map<number, Payer>();
    return {
      runId: run.id,
      facilityId,
      facilityName: meta.facility,
      period,
      status: run.status,
      version: run.version,
      createdAt: meta.created_at,
      createdBy: meta.created_by,
      issuedAt: meta.issued_at,
      issuedBy: meta.issued_by,
      invoiceCount: rows.length,
      totalCents: rows.reduce((sum, r) => sum + r.total_cents, 0),
      previous: {
        invoiceCount: previous.length,
        totalCents: previous.reduce((sum, p) => sum + p.total, 0),
      },
      newResidents: rows.filter((r) => !before.has(r.resident_id)).length,
      goneResidents: previous.filter((p) => !now.has(p.resident_id)).map(fullName),
      invoices: rows.map((r) => ({
        invoiceId: r.id,
        residentId: r.resident_id,
        residentName: fullName(r),
        room: r.room,
        payerName: r.status === 'draft' ? (payers.get(r.resident_id)?.name ?? '') : r.payer_name,
        number: r.number,
        totalCents: r.total_cents,
        deboursCents: r.debours_cents,
        previousCents: before.get(r.resident_id)?.total ?? null,
      })),
      problems: rows
        .filter((r) => r.gir === null && r.status === 'draft')
        .map((r) => ({
          residentId: r.resident_id,
          residentName: fullName(r),
          message: 'GIR non renseigné : la dépendance n’est pas facturée. Complétez le dossier.',
        })),
      missingPdfs: rows.filter((r) => r.status === 'issued' && r.pdf_sha256 === null).length,
    };
  })();
}
