// The send queue on top of migration 005's batches and message rows: each batch's SMTP account
// and throttle (copied from the association default when the batch is created, adjustable per
// batch), why a batch is paused, the log of every attempt, and one row per SMTP account that
// holds both the network-wide lease (DESIGN rule 5: one sender per account) and the schedule
// (last send, messages since the last long pause, today's count) so the pace holds whichever
// workstation sends.
import type { Migration } from '../migrate';

export const migration006: Migration = {
  version: 6,
  name: 'mail-queue',
  up(db) {
    db.exec(`
      ALTER TABLE mail_batches ADD COLUMN account_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE mail_batches ADD COLUMN interval_ms INTEGER NOT NULL DEFAULT 2000;
      ALTER TABLE mail_batches ADD COLUMN pause_every INTEGER NOT NULL DEFAULT 10;
      ALTER TABLE mail_batches ADD COLUMN pause_ms INTEGER NOT NULL DEFAULT 10000;
      -- Multiplies the interval after a "slow down" reply (421, 450, 451, 4.7.x).
      ALTER TABLE mail_batches ADD COLUMN slowdown INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE mail_batches ADD COLUMN paused_code TEXT;
      ALTER TABLE mail_batches ADD COLUMN paused_reason TEXT;
      ALTER TABLE mail_batches ADD COLUMN finished_at TEXT;
      CREATE INDEX mail_batches_account ON mail_batches (account_key, state);

      -- « Renvoyer les échecs » writes a new row that points to the failed one.
      ALTER TABLE mail_messages ADD COLUMN resend_of INTEGER REFERENCES mail_messages(id);
      -- The lease token of the sender that marked the row 'sending': a row in 'sending' under
      -- another token was interrupted (its sender died) and is resent.
      ALTER TABLE mail_messages ADD COLUMN claim_token TEXT;
      CREATE INDEX mail_messages_resend ON mail_messages (resend_of);

      CREATE TABLE mail_attempts (
        id          INTEGER PRIMARY KEY,
        message_row INTEGER NOT NULL REFERENCES mail_messages(id),
        attempt     INTEGER NOT NULL,
        workstation TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        outcome     TEXT NOT NULL CHECK (outcome IN
                      ('sending', 'sent', 'temporary', 'permanent', 'pause', 'interrupted')),
        code        TEXT,
        reply       TEXT
      );
      CREATE INDEX mail_attempts_row ON mail_attempts (message_row);

      -- Times in milliseconds since the epoch: compared, never shown.
      CREATE TABLE mail_accounts (
        account_key  TEXT PRIMARY KEY,
        holder       TEXT,
        holder_pid   INTEGER,
        token        TEXT,
        expires_at   INTEGER NOT NULL DEFAULT 0,
        last_send_at INTEGER NOT NULL DEFAULT 0,
        streak       INTEGER NOT NULL DEFAULT 0,
        hold_until   INTEGER NOT NULL DEFAULT 0,
        day          TEXT NOT NULL DEFAULT '',
        day_count    INTEGER NOT NULL DEFAULT 0
      );
    `);
  },
};
