// Email: the templates a facility has changed from the shipped defaults (resources/templates),
// each facility's sender identity, each user's copy preference, and the message rows every
// email is written as before anything is attempted (DESIGN rule 4). The send queue (batches,
// attempts, leases) builds on `mail_messages`; composing already needs its id (the DSN's
// ENVID, a stable Message-ID) and the record of what was sent to whom.
import type { Migration } from '../migrate';

export const migration005: Migration = {
  version: 5,
  name: 'mail',
  up(db) {
    db.exec(`
      CREATE TABLE email_templates (
        id          INTEGER PRIMARY KEY,
        facility_id INTEGER NOT NULL REFERENCES facilities(id),
        doc_type    TEXT NOT NULL CHECK (doc_type IN
                      ('facture', 'relance1', 'relance2', 'mise_en_demeure', 'envoi_ponctuel')),
        language    TEXT NOT NULL,
        subject     TEXT NOT NULL,
        body        TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  INTEGER REFERENCES users(id),
        version     INTEGER NOT NULL DEFAULT 1,
        UNIQUE (facility_id, doc_type, language)
      );

      -- The name families see in "From" and where their replies go; empty = the facility's name
      -- and the sender's own address.
      ALTER TABLE facilities ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE facilities ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
      -- A copy of every message this user sends, in their own mailbox.
      ALTER TABLE users ADD COLUMN bcc_self INTEGER NOT NULL DEFAULT 0 CHECK (bcc_self IN (0, 1));

      CREATE TABLE mail_batches (
        id          INTEGER PRIMARY KEY,
        facility_id INTEGER REFERENCES facilities(id),
        period      TEXT,
        doc_type    TEXT NOT NULL,
        state       TEXT NOT NULL DEFAULT 'queued'
                      CHECK (state IN ('queued', 'running', 'paused', 'done', 'cancelled')),
        created_at  TEXT NOT NULL,
        created_by  INTEGER REFERENCES users(id),
        workstation TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1
      );

      -- One row per email, written before any attempt; its state only moves forward.
      CREATE TABLE mail_messages (
        id               INTEGER PRIMARY KEY,
        batch_id         INTEGER REFERENCES mail_batches(id),
        invoice_id       INTEGER REFERENCES invoices(id),
        doc_type         TEXT NOT NULL,
        state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN
                           ('queued', 'sending', 'sent', 'failed', 'cancelled', 'retry_wait')),
        message_id       TEXT NOT NULL UNIQUE, -- <…@sender's domain>, kept across resends
        sender_mode      TEXT NOT NULL CHECK (sender_mode IN ('association', 'user')),
        from_address     TEXT NOT NULL,
        from_name        TEXT NOT NULL DEFAULT '',
        reply_to         TEXT NOT NULL DEFAULT '',
        to_addresses     TEXT NOT NULL, -- JSON array of addresses
        bcc_addresses    TEXT NOT NULL DEFAULT '[]',
        subject          TEXT NOT NULL,
        body_text        TEXT NOT NULL,
        attachments      TEXT NOT NULL DEFAULT '[]', -- JSON [{kind, name, path|invoiceId}]
        request_receipt  INTEGER NOT NULL DEFAULT 0 CHECK (request_receipt IN (0, 1)),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT,
        last_error_code  TEXT,
        last_reply       TEXT,
        resent_after_interruption INTEGER NOT NULL DEFAULT 0,
        created_at       TEXT NOT NULL,
        created_by       INTEGER REFERENCES users(id),
        workstation      TEXT NOT NULL,
        sent_at          TEXT
      );
      CREATE INDEX mail_messages_invoice ON mail_messages (invoice_id);
      CREATE INDEX mail_messages_batch ON mail_messages (batch_id, state);
    `);
  },
};
