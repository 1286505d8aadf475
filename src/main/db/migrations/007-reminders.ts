// Relances: one row per overdue invoice each time a reminder left for it, by letter or by email,
// so the next reminder of the payer goes one level up (relance 1, relance 2, mise en demeure).
// An emailed reminder points to its message row: the envelope tells whether it really left.
import type { Migration } from '../migrate';

export const migration007: Migration = {
  version: 7,
  name: 'reminders',
  up(db) {
    db.exec(`
      CREATE TABLE reminders (
        id              INTEGER PRIMARY KEY,
        invoice_id      INTEGER NOT NULL REFERENCES invoices(id),
        level           INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
        mode            TEXT NOT NULL CHECK (mode IN ('email', 'print')),
        created_at      TEXT NOT NULL,
        created_by      INTEGER REFERENCES users(id),
        workstation     TEXT NOT NULL,
        mail_message_id INTEGER REFERENCES mail_messages(id)
      );
      CREATE INDEX reminders_invoice ON reminders (invoice_id, level);
    `);
  },
};
