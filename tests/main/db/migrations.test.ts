// Migrations from an empty file and from every earlier version give the same schema as a new
// file, keep the data, and are recorded.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/main/db/migrations';
import { openDatabase } from '../../../src/main/db/open';
import { tempDir } from '../../helpers';

const dir = tempDir();

function schemaOf(db: Database.Database): unknown[] {
  return db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
}

describe('migrations', () => {
  const fresh = openDatabase(path.join(dir, 'fresh.sqlite'), { create: true, appliedBy: 'test' });

  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  for (let from = 1; from < LATEST_SCHEMA_VERSION; from++) {
    it(`upgrade a file from version ${from}, keeping its data`, () => {
      const file = path.join(dir, `v${from}.sqlite`);
      const old = new Database(file);
      migrate(old, migrations.slice(0, from), 'ancien poste');
      expect(schemaVersion(old)).toBe(from);
      old.prepare("UPDATE association SET name = 'Association Sainte-Anne'").run();
      old.close();

      const db = openDatabase(file, { create: false, appliedBy: 'nouveau poste' });
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaOf(db)).toEqual(schemaOf(fresh));
      expect(db.prepare('SELECT name FROM association').get()).toEqual({
        name: 'Association Sainte-Anne',
      });
      expect(
        db.prepare('SELECT version, applied_by FROM schema_migrations ORDER BY version').all(),
      ).toEqual(
        migrations.map((m) => ({
          version: m.version,
          applied_by: m.version <= from ? 'ancien poste' : 'nouveau poste',
        })),
      );
      db.close();
    });
  }

  it('leave a failed migration fully rolled back', () => {
    const file = path.join(dir, 'failing.sqlite');
    const db = new Database(file);
    const broken = [
      ...migrations.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE t (x); SELECT * FROM missing'),
      },
    ];
    expect(() => migrate(db, broken, 'x')).toThrow(/missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
