// Numbered, forward-only migrations. Each runs in its own BEGIN IMMEDIATE transaction and
// re-reads the version inside it, so two workstations opening an old file at once apply each
// step exactly once.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** 'Pli1' in ASCII: marks the file as a Pli database in the SQLite header. */
export const PLI_APPLICATION_ID = 0x506c6931;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applicationId(db: Database.Database): number {
  return db.pragma('application_id', { simple: true }) as number;
}

export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  appliedBy: string,
): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`,
      );
    }
    const step = db.transaction(() => {
      const current = schemaVersion(db);
      if (current >= migration.version) return;
      migration.up(db);
      db.prepare(
        'INSERT INTO schema_migrations (version, name, applied_at, applied_by) VALUES (?, ?, ?, ?)',
      ).run(migration.version, migration.name, new Date().toISOString(), appliedBy);
      if (migration.version === 1) db.pragma(`application_id = ${PLI_APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
    step.immediate();
  });
}
