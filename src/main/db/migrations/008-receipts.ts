// Accusés de réception and bounces read from the sending mailbox (mail/receipts): one row per
// report and recipient, tied to the message row it answers. The envelope derives « lu » and
// « rejeté » from these rows; `effect` is decided once, when the report is read. A report is
// recorded once however many workstations read it: UNIQUE (report_key, recipient), where the
// key is the report's own Message-ID (or a hash of its bytes when it has none).
import type { Migration } from '../migrate';

export const migration008: Migration = {
  version: 8,
  name: 'receipts',
  up(db) {
    db.exec(`
      CREATE TABLE mail_receipts (
        id          INTEGER PRIMARY KEY,
        message_row INTEGER NOT NULL REFERENCES mail_messages(id),
        kind        TEXT NOT NULL CHECK (kind IN ('mdn', 'dsn')),
        -- MDN: the disposition type (displayed, deleted, denied, …); DSN: the action (failed,
        -- delivered, relayed, delayed, expanded).
        outcome     TEXT NOT NULL,
        effect      TEXT CHECK (effect IN ('lu', 'rejete')),
        recipient   TEXT NOT NULL DEFAULT '',
        -- A bounce's Diagnostic-Code (else its Status), as the remote server wrote it.
        detail      TEXT,
        reported_at TEXT NOT NULL,
        report_key  TEXT NOT NULL,
        received_at TEXT NOT NULL,
        workstation TEXT NOT NULL,
        UNIQUE (report_key, recipient)
      );
      CREATE INDEX mail_receipts_message ON mail_receipts (message_row, effect);
    `);
  },
};
