// Avoirs: an issued invoice is never edited (DESIGN rule 3); it is corrected by a credit note
// that takes the next number of the facility, names the invoice and gives back chosen lines
// (or days of them), never more than what earlier avoirs left.
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import { audit, type Actor } from '../db/audit';
import { write } from '../db/tx';
import { computeCreditNote, type ComputedLine, type CreditRequest } from './compute';
import { checkIssueDate, freezeInvoice } from './run';

export interface CreditNoteRequest {
  invoiceId: number;
  lines: 'all' | { position: number; quantity: number }[];
  reason: string;
  issueDate: string;
}

interface OriginalRow {
  id: number;
  facility_id: number;
  resident_id: number;
  kind: string;
  status: string;
  number: string | null;
  period: string;
  payer_name: string;
  payer_address: string;
  code: string;
}

/** Quantity of each line of `invoiceId` already given back, by the line's position. */
export function creditedQuantities(db: Database.Database, invoiceId: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT l.credits_position AS position, sum(l.quantity) AS quantity
       FROM invoice_lines l JOIN invoices a ON a.id = l.invoice_id
       WHERE a.credited_invoice_id = ? AND a.status = 'issued' AND l.credits_position IS NOT NULL
       GROUP BY l.credits_position`,
    )
    .all(invoiceId) as { position: number; quantity: number }[];
  return new Map(rows.map((r) => [r.position, r.quantity]));
}

/** Issues the avoir; returns its id. Its PDF is written afterwards, like an invoice's. */
export function createCreditNote(
  db: Database.Database,
  actor: Actor,
  request: CreditNoteRequest,
): number {
  return write(db, () => {
    const original = db
      .prepare(
        `SELECT i.*, f.code FROM invoices i JOIN facilities f ON f.id = i.facility_id
         WHERE i.id = ?`,
      )
      .get(request.invoiceId) as OriginalRow | undefined;
    if (!original) throw new PliError('NOT_FOUND');
    if (original.status !== 'issued' || original.kind !== 'facture' || !original.number) {
      throw new PliError('INVOICE_NOT_ISSUED');
    }
    checkIssueDate(db, original.facility_id, request.issueDate);
    const lines = db
      .prepare(
        `SELECT position, kind, label, quantity, unit_cents AS unitCents,
                amount_cents AS amountCents
         FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
      )
      .all(original.id) as (ComputedLine & { position: number })[];
    const credited = creditedQuantities(db, original.id);
    const left = (position: number, quantity: number) => quantity - (credited.get(position) ?? 0);
    const wanted =
      request.lines === 'all'
        ? lines
            .map((l) => ({ position: l.position, quantity: left(l.position, l.quantity) }))
            .filter((w) => w.quantity > 0)
        : request.lines;
    if (wanted.length === 0) throw new PliError('CREDIT_TOO_LARGE');
    const requests: CreditRequest[] = wanted.map((w) => {
      const index = lines.findIndex((l) => l.position === w.position);
      const line = lines[index];
      if (!line) throw new PliError('INVALID_INPUT', [`Ligne ${String(w.position + 1)} absente.`]);
      if (w.quantity > left(line.position, line.quantity)) {
        throw new PliError('CREDIT_TOO_LARGE', [`Ligne « ${line.label} ».`]);
      }
      return { line: index, quantity: w.quantity };
    });
    const note = computeCreditNote({ number: original.number, lines }, requests);
    const now = new Date().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO invoices (facility_id, resident_id, kind, period, total_cents,
             credited_invoice_id, reason, created_at, created_by)
           VALUES (?, ?, 'avoir', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          original.facility_id,
          original.resident_id,
          original.period,
          note.totalCents,
          original.id,
          request.reason,
          now,
          actor.userId,
        ).lastInsertRowid,
    );
    const insertLine = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, position, kind, label, quantity, unit_cents,
         amount_cents, credits_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    note.lines.forEach((l, i) => {
      const source = lines[requests[i]?.line ?? -1];
      insertLine.run(
        id,
        i,
        l.kind,
        l.label,
        l.quantity,
        l.unitCents,
        l.amountCents,
        source?.position,
      );
    });
    const number = freezeInvoice(
      db,
      {
        id,
        facilityId: original.facility_id,
        code: original.code,
        issueDate: request.issueDate,
        dueDate: null,
      },
      { name: original.payer_name, addressLines: original.payer_address.split('\n') },
    );
    audit(db, actor, {
      entity: 'invoice',
      entityId: id,
      action: 'credit',
      changes: {
        number,
        credits: original.number,
        totalCents: note.totalCents,
        reason: request.reason,
      },
    });
    return id;
  });
}
