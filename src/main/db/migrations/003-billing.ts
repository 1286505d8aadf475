// What the monthly billing run needs beyond migration 2: residents' absences (hospitalisation,
// personal leave), their GIR over time, each facility's absence rules, and the runs that
// group one facility's invoices for one period.
import type { Migration } from '../migrate';

export const migration003: Migration = {
  version: 3,
  name: 'billing',
  up(db) {
    db.exec(`
      CREATE TABLE absences (
        id          INTEGER PRIMARY KEY,
        resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('hospitalisation', 'convenances_personnelles')),
        start_date  TEXT NOT NULL, -- first day away
        end_date    TEXT,          -- last day away, included; NULL while the resident is still away
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        CHECK (end_date IS NULL OR end_date >= start_date)
      );
      CREATE INDEX absences_resident ON absences (resident_id, start_date);

      -- Each GIR evaluation from the day it applies; residents.gir stays the latest, for lists.
      CREATE TABLE resident_gir_history (
        resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
        valid_from  TEXT NOT NULL,
        gir         INTEGER NOT NULL CHECK (gir BETWEEN 1 AND 6),
        PRIMARY KEY (resident_id, valid_from)
      );

      -- Settings, not constants: each facility's règlement de fonctionnement sets them. A
      -- facility without a row uses these defaults (72 h, forfait journalier hospitalier 20 €).
      CREATE TABLE billing_rules (
        facility_id                     INTEGER PRIMARY KEY REFERENCES facilities(id),
        hospitalisation_threshold_hours INTEGER NOT NULL DEFAULT 72 CHECK (hospitalisation_threshold_hours >= 0),
        hospitalisation_reduction_cents INTEGER NOT NULL DEFAULT 2000 CHECK (hospitalisation_reduction_cents >= 0),
        personal_leave_threshold_hours  INTEGER NOT NULL DEFAULT 72 CHECK (personal_leave_threshold_hours >= 0),
        personal_leave_reduction_cents  INTEGER NOT NULL DEFAULT 0 CHECK (personal_leave_reduction_cents >= 0),
        bill_dependance_during_absence  INTEGER NOT NULL DEFAULT 0 CHECK (bill_dependance_during_absence IN (0, 1)),
        due_days                        INTEGER NOT NULL DEFAULT 15 CHECK (due_days >= 0),
        version                         INTEGER NOT NULL DEFAULT 1
      );

      -- One run per facility and month: drafts are recomputed until the run is issued.
      CREATE TABLE billing_runs (
        id          INTEGER PRIMARY KEY,
        facility_id INTEGER NOT NULL REFERENCES facilities(id),
        period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        created_at  TEXT NOT NULL,
        created_by  INTEGER REFERENCES users(id),
        issued_at   TEXT,
        issued_by   INTEGER REFERENCES users(id),
        version     INTEGER NOT NULL DEFAULT 1,
        UNIQUE (facility_id, period),
        CHECK ((status = 'issued') = (issued_at IS NOT NULL))
      );

      -- NULL for invoices made outside a run (single invoices, credit notes, imported history).
      ALTER TABLE invoices ADD COLUMN billing_run_id INTEGER REFERENCES billing_runs(id);
      CREATE INDEX invoices_billing_run ON invoices (billing_run_id);
    `);
  },
};
