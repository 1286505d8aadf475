// The domain: association settings, facilities, users, residents and their payer contacts,
// tariffs, débours, invoices with lines and payments, continuous invoice numbering, and the
// audit log that doubles as the change feed other workstations watch.
import type { Migration } from '../migrate';

export const migration002: Migration = {
  version: 2,
  name: 'domain',
  up(db) {
    db.exec(`
      CREATE TABLE association_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL -- JSON, parsed by its schema when read
      );

      CREATE TABLE facilities (
        id            INTEGER PRIMARY KEY,
        code          TEXT NOT NULL UNIQUE, -- short code for invoice numbers and folders
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL DEFAULT 'ehpad' CHECK (kind IN ('ehpad', 'residence_autonomie')),
        address_line1 TEXT NOT NULL DEFAULT '',
        address_line2 TEXT NOT NULL DEFAULT '',
        postal_code   TEXT NOT NULL DEFAULT '',
        city          TEXT NOT NULL DEFAULT '',
        phone         TEXT NOT NULL DEFAULT '',
        email         TEXT NOT NULL DEFAULT '',
        finess        TEXT NOT NULL DEFAULT '',
        siret         TEXT NOT NULL DEFAULT '',
        legal_name    TEXT NOT NULL DEFAULT '',
        billing_address TEXT NOT NULL DEFAULT '',
        iban          TEXT NOT NULL DEFAULT '',
        bic           TEXT NOT NULL DEFAULT '',
        logo          BLOB,
        logo_mime     TEXT,
        vat_mention   TEXT NOT NULL DEFAULT '',
        archived_at   TEXT,
        version       INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        initials      TEXT NOT NULL,
        login         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'facturation', 'accueil')),
        email         TEXT, -- a user may send email only with one
        password_hash TEXT NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        version       INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE residents (
        id               INTEGER PRIMARY KEY,
        facility_id      INTEGER NOT NULL REFERENCES facilities(id),
        civilite         TEXT NOT NULL CHECK (civilite IN ('M.', 'Mme')),
        nom              TEXT NOT NULL,
        prenom           TEXT NOT NULL,
        date_naissance   TEXT,
        room             TEXT NOT NULL DEFAULT '',
        admission_date   TEXT NOT NULL,
        discharge_date   TEXT,
        gir              INTEGER CHECK (gir BETWEEN 1 AND 6),
        language         TEXT NOT NULL DEFAULT 'fr',
        email            TEXT,
        receives_invoices INTEGER NOT NULL DEFAULT 0, -- the resident's own address gets invoices
        notes            TEXT NOT NULL DEFAULT '',
        search_key       TEXT NOT NULL, -- "nom prenom" folded: lower case, no accents
        archived_at      TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        version          INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX residents_facility ON residents (facility_id, archived_at);
      CREATE INDEX residents_search ON residents (search_key);

      CREATE TABLE contacts (
        id                INTEGER PRIMARY KEY,
        resident_id       INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
        role              TEXT NOT NULL CHECK (role IN ('famille', 'tuteur', 'mandataire')),
        civilite          TEXT NOT NULL DEFAULT '',
        nom               TEXT NOT NULL,
        prenom            TEXT NOT NULL DEFAULT '',
        relationship      TEXT NOT NULL DEFAULT '',
        email             TEXT,
        phone             TEXT NOT NULL DEFAULT '',
        address_line1     TEXT NOT NULL DEFAULT '',
        address_line2     TEXT NOT NULL DEFAULT '',
        postal_code       TEXT NOT NULL DEFAULT '',
        city              TEXT NOT NULL DEFAULT '',
        country           TEXT NOT NULL DEFAULT 'France',
        language          TEXT NOT NULL DEFAULT 'fr',
        receives_invoices INTEGER NOT NULL DEFAULT 0,
        position          INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX contacts_resident ON contacts (resident_id);

      CREATE TABLE tariffs (
        id                     INTEGER PRIMARY KEY,
        facility_id            INTEGER NOT NULL REFERENCES facilities(id),
        valid_from             TEXT NOT NULL,
        valid_to               TEXT,
        hebergement_cents      INTEGER NOT NULL, -- prix de journée
        dependance_gir12_cents INTEGER NOT NULL,
        dependance_gir34_cents INTEGER NOT NULL,
        dependance_gir56_cents INTEGER NOT NULL,
        UNIQUE (facility_id, valid_from)
      );

      CREATE TABLE invoices (
        id                  INTEGER PRIMARY KEY,
        facility_id         INTEGER NOT NULL REFERENCES facilities(id),
        resident_id         INTEGER NOT NULL REFERENCES residents(id),
        kind                TEXT NOT NULL DEFAULT 'facture' CHECK (kind IN ('facture', 'avoir')),
        status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        seq                 INTEGER, -- continuous per facility, set when issued
        number              TEXT,
        period              TEXT NOT NULL, -- YYYY-MM
        issue_date          TEXT,
        due_date            TEXT,
        total_cents         INTEGER NOT NULL DEFAULT 0,
        credited_invoice_id INTEGER REFERENCES invoices(id),
        pdf_path            TEXT,
        pdf_sha256          TEXT,
        created_at          TEXT NOT NULL,
        created_by          INTEGER REFERENCES users(id),
        UNIQUE (facility_id, seq)
      );
      CREATE INDEX invoices_period ON invoices (facility_id, period);
      CREATE INDEX invoices_resident ON invoices (resident_id);

      CREATE TABLE invoice_lines (
        id           INTEGER PRIMARY KEY,
        invoice_id   INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('hebergement', 'dependance', 'absence', 'debours', 'autre')),
        label        TEXT NOT NULL,
        quantity     INTEGER NOT NULL,
        unit_cents   INTEGER NOT NULL,
        amount_cents INTEGER NOT NULL
      );
      CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id);

      CREATE TABLE debours (
        id           INTEGER PRIMARY KEY,
        resident_id  INTEGER NOT NULL REFERENCES residents(id),
        date         TEXT NOT NULL,
        label        TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        invoice_id   INTEGER REFERENCES invoices(id)
      );
      CREATE INDEX debours_resident ON debours (resident_id, date);

      CREATE TABLE payments (
        id           INTEGER PRIMARY KEY,
        invoice_id   INTEGER NOT NULL REFERENCES invoices(id),
        date         TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        method       TEXT NOT NULL CHECK (method IN ('virement', 'prelevement', 'cheque', 'especes', 'autre')),
        reference    TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX payments_invoice ON payments (invoice_id);

      -- Next invoice number per facility: claimed inside the issuing transaction, never reused.
      CREATE TABLE invoice_sequences (
        facility_id INTEGER PRIMARY KEY REFERENCES facilities(id),
        next_seq    INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        user_id     INTEGER,
        user_name   TEXT NOT NULL,
        workstation TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   INTEGER,
        action      TEXT NOT NULL,
        version     INTEGER,
        changes     TEXT NOT NULL DEFAULT '{}' -- JSON {field: [before, after]}
      );
      CREATE INDEX audit_entity ON audit_log (entity, entity_id);

      -- A resident has at most two invoice addresses (their own and/or payer contacts).
      CREATE TRIGGER contacts_invoice_addresses_insert AFTER INSERT ON contacts
      WHEN NEW.receives_invoices = 1 AND (
        (SELECT count(*) FROM contacts WHERE resident_id = NEW.resident_id AND receives_invoices = 1)
        + (SELECT receives_invoices FROM residents WHERE id = NEW.resident_id)) > 2
      BEGIN SELECT RAISE(ABORT, 'PLI_TOO_MANY_INVOICE_ADDRESSES'); END;
      CREATE TRIGGER contacts_invoice_addresses_update AFTER UPDATE OF receives_invoices ON contacts
      WHEN NEW.receives_invoices = 1 AND (
        (SELECT count(*) FROM contacts WHERE resident_id = NEW.resident_id AND receives_invoices = 1)
        + (SELECT receives_invoices FROM residents WHERE id = NEW.resident_id)) > 2
      BEGIN SELECT RAISE(ABORT, 'PLI_TOO_MANY_INVOICE_ADDRESSES'); END;
      CREATE TRIGGER residents_invoice_addresses_update AFTER UPDATE OF receives_invoices ON residents
      WHEN NEW.receives_invoices = 1 AND
        (SELECT count(*) FROM contacts WHERE resident_id = NEW.id AND receives_invoices = 1) > 1
      BEGIN SELECT RAISE(ABORT, 'PLI_TOO_MANY_INVOICE_ADDRESSES'); END;
    `);
  },
};
