// The reminder journal: one row per invoice each time a reminder left for it, written in the
// same transaction as what caused it (the printed letters, or the message rows of the emails).
import type Database from 'better-sqlite3';
import type { OverduePayer, ReminderLevel } from '../../shared/contract';
import { audit, type Actor } from '../db/audit';

export interface ReminderEntry {
  payer: OverduePayer;
  level: ReminderLevel;
  mode: 'email' | 'print';
  mailMessageId?: number | null;
}

/** Call inside a write transaction. */
export function recordReminders(
  db: Database.Database,
  actor: Actor,
  entries: readonly ReminderEntry[],
): void {
  const insert = db.prepare(
    `INSERT INTO reminders (invoice_id, level, mode, created_at, created_by, workstation,
       mail_message_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  for (const { payer, level, mode, mailMessageId } of entries) {
    for (const invoice of payer.invoices) {
      const id = Number(
        insert.run(
          invoice.id,
          level,
          mode,
          now,
          actor.userId,
          actor.workstation,
          mailMessageId ?? null,
        ).lastInsertRowid,
      );
      audit(db, actor, {
        entity: 'reminder',
        entityId: id,
        action: 'create',
        changes: { invoiceId: invoice.id, level, mode },
      });
    }
  }
}
