// The monthly billing run of one facility: prepared as drafts (recomputed as often as
// needed, consuming no number), reviewed, then issued in one short write transaction that
// numbers every invoice continuously (DESIGN rule 3). PDFs are written afterwards (pdfs.ts).
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import { formatDateFr } from '../../shared/money';
import { audit, type Actor } from '../db/audit';
import { write } from '../db/tx';
import { isoOfDay, parseDay } from './calendar';
import { BillingDataError, computeInvoice } from './compute';
import { loadBillingInputs, loadBillingRules } from './inputs';
import { claimInvoiceSeq, invoiceNumber } from './numbering';
import { loadPayers } from './payer';

interface RunRow {
  id: number;
  facility_id: number;
  period: string;
  status: 'draft' | 'issued';
  version: number;
}

export function findRun(
  db: Database.Database,
  facilityId: number,
  period: string,
): RunRow | undefined {
  return db
    .prepare('SELECT * FROM billing_runs WHERE facility_id = ? AND period = ?')
    .get(facilityId, period) as RunRow | undefined;
}

function facilityCode(db: Database.Database, facilityId: number): string {
  const row = db.prepare('SELECT code FROM facilities WHERE id = ?').get(facilityId) as
    { code: string } | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return row.code;
}

/** Removes a run's drafts and frees the débours they had taken. */
function clearDrafts(db: Database.Database, runId: number): void {
  const drafts = `SELECT id FROM invoices WHERE billing_run_id = ? AND status = 'draft'`;
  db.prepare(`UPDATE debours SET invoice_id = NULL WHERE invoice_id IN (${drafts})`).run(runId);
  db.prepare(`DELETE FROM invoices WHERE id IN (${drafts})`).run(runId);
}

/** Computes (or recomputes) the drafts of a facility's month; returns the run's id. */
export function prepareRun(
  db: Database.Database,
  actor: Actor,
  facilityId: number,
  period: string,
): number {
  return write(db, () => {
    facilityCode(db, facilityId);
    const now = new Date().toISOString();
    const existing = findRun(db, facilityId, period);
    if (existing?.status === 'issued') throw new PliError('BILLING_RUN_ISSUED');
    let runId: number;
    if (existing) {
      runId = existing.id;
      clearDrafts(db, runId);
      db.prepare(
        'UPDATE billing_runs SET version = version + 1, created_at = ?, created_by = ? WHERE id = ?',
      ).run(now, actor.userId, runId);
    } else {
      runId = Number(
        db
          .prepare(
            'INSERT INTO billing_runs (facility_id, period, created_at, created_by) VALUES (?, ?, ?, ?)',
          )
          .run(facilityId, period, now, actor.userId).lastInsertRowid,
      );
    }
    const residents = loadBillingInputs(db, facilityId, period);
    if (residents.length === 0) throw new PliError('BILLING_RUN_EMPTY');
    const insertInvoice = db.prepare(
      `INSERT INTO invoices (facility_id, resident_id, period, total_cents, billing_run_id,
         created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLine = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, position, kind, label, quantity, unit_cents, amount_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const takeDebours = db.prepare('UPDATE debours SET invoice_id = ? WHERE id = ?');
    let count = 0;
    let total = 0;
    for (const { residentId, deboursIds, input } of residents) {
      let invoice;
      try {
        invoice = computeInvoice(input);
      } catch (error) {
        if (error instanceof BillingDataError) {
          throw new PliError('BILLING_NO_TARIFF', [`Aucun tarif le ${formatDateFr(error.date)}.`]);
        }
        throw error;
      }
      if (!invoice) continue;
      const id = Number(
        insertInvoice.run(
          facilityId,
          residentId,
          period,
          invoice.totalCents,
          runId,
          now,
          actor.userId,
        ).lastInsertRowid,
      );
      invoice.lines.forEach((l, position) => {
        insertLine.run(id, position, l.kind, l.label, l.quantity, l.unitCents, l.amountCents);
      });
      for (const deboursId of deboursIds) takeDebours.run(id, deboursId);
      count++;
      total += invoice.totalCents;
    }
    audit(db, actor, {
      entity: 'billing_run',
      entityId: runId,
      action: existing ? 'recompute' : 'prepare',
      changes: { period, invoices: count, totalCents: total },
    });
    return runId;
  });
}

/** Numbers must follow dates: an issue date before the facility's last one is refused. */
export function checkIssueDate(db: Database.Database, facilityId: number, issueDate: string) {
  const last = db
    .prepare(
      `SELECT max(issue_date) AS last FROM invoices WHERE facility_id = ? AND status = 'issued'`,
    )
    .get(facilityId) as { last: string | null };
  if (last.last !== null && issueDate < last.last) {
    throw new PliError('INVOICE_DATE_BEFORE_LAST', [
      `Dernière facture émise le ${formatDateFr(last.last)}.`,
    ]);
  }
}

/** Freezes one invoice: its number from the facility's sequence, its payer as printed. */
export function freezeInvoice(
  db: Database.Database,
  invoice: {
    id: number;
    facilityId: number;
    code: string;
    issueDate: string;
    dueDate: string | null;
  },
  payer: { name: string; addressLines: string[] },
): string {
  const seq = claimInvoiceSeq(db, invoice.facilityId);
  const number = invoiceNumber(invoice.code, invoice.issueDate, seq);
  const { changes } = db
    .prepare(
      `UPDATE invoices SET status = 'issued', seq = ?, number = ?, issue_date = ?, due_date = ?,
         payer_name = ?, payer_address = ? WHERE id = ? AND status = 'draft'`,
    )
    .run(
      seq,
      number,
      invoice.issueDate,
      invoice.dueDate,
      payer.name,
      payer.addressLines.join('\n'),
      invoice.id,
    );
  // A claimed number must be used: throwing rolls the claim back with the whole transaction.
  if (changes !== 1) throw new Error(`facture ${String(invoice.id)} introuvable ou déjà émise`);
  return number;
}

/** Issues every draft of the run; returns the issued invoices' ids, in number order. */
export function issueRun(
  db: Database.Database,
  actor: Actor,
  runId: number,
  version: number,
  issueDate: string,
): number[] {
  return write(db, () => {
    const run = db.prepare('SELECT * FROM billing_runs WHERE id = ?').get(runId) as
      RunRow | undefined;
    if (!run) throw new PliError('NOT_FOUND');
    if (run.status === 'issued') throw new PliError('BILLING_RUN_ISSUED');
    if (run.version !== version) throw new PliError('BILLING_RUN_CHANGED');
    checkIssueDate(db, run.facility_id, issueDate);
    const code = facilityCode(db, run.facility_id);
    const { dueDays } = loadBillingRules(db, run.facility_id);
    const dueDate = isoOfDay(parseDay(issueDate) + dueDays);
    const payers = loadPayers(db, { facilityId: run.facility_id });
    // Numbers in the order of the résidents' names, as the office files and prints them.
    const drafts = db
      .prepare(
        `SELECT i.id, i.resident_id FROM invoices i JOIN residents r ON r.id = i.resident_id
         WHERE i.billing_run_id = ? AND i.status = 'draft'
         ORDER BY r.nom COLLATE NOCASE, r.prenom COLLATE NOCASE, r.id`,
      )
      .all(runId) as { id: number; resident_id: number }[];
    if (drafts.length === 0) throw new PliError('BILLING_RUN_EMPTY');
    const numbers = drafts.map((draft) => {
      const payer = payers.get(draft.resident_id) ?? { name: '', addressLines: [] };
      const invoice = { id: draft.id, facilityId: run.facility_id, code, issueDate, dueDate };
      return freezeInvoice(db, invoice, payer);
    });
    db.prepare(
      `UPDATE billing_runs SET status = 'issued', issued_at = ?, issued_by = ?,
         version = version + 1 WHERE id = ?`,
    ).run(new Date().toISOString(), actor.userId, runId);
    audit(db, actor, {
      entity: 'billing_run',
      entityId: runId,
      action: 'issue',
      changes: {
        period: run.period,
        invoices: drafts.length,
        first: numbers[0],
        last: numbers.at(-1),
      },
    });
    return drafts.map((draft) => draft.id);
  });
}
