// The first schema: migration history and the association's own settings row. The domain
// tables (facilities, residents, invoices…) come in later migrations.
import type { Migration } from '../migrate';

export const migration001: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        applied_by TEXT NOT NULL
      );
      CREATE TABLE association (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        name       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      INSERT INTO association (id, name, created_at) VALUES (1, '', strftime('%Y-%m-%dT%H:%M:%fZ'));
    `);
  },
};
