// Continuous invoice numbers per facility (DESIGN rule 3): claimed inside the caller's write
// transaction from invoice_sequences, so two workstations issuing at once never get the same
// number and a rolled-back issue leaves no gap.
import type Database from 'better-sqlite3';

export function claimInvoiceSeq(db: Database.Database, facilityId: number): number {
  if (!db.inTransaction) throw new Error('claimInvoiceSeq must run inside a write transaction');
  db.prepare(
    'INSERT INTO invoice_sequences (facility_id, next_seq) VALUES (?, 1) ON CONFLICT DO NOTHING',
  ).run(facilityId);
  const row = db
    .prepare(
      'UPDATE invoice_sequences SET next_seq = next_seq + 1 WHERE facility_id = ? RETURNING next_seq - 1 AS seq',
    )
    .get(facilityId) as { seq: number };
  return row.seq;
}

export function invoiceNumber(facilityCode: string, issueDate: string, seq: number): string {
  return `${facilityCode}-${issueDate.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
}
