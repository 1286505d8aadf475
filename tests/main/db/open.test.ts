import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { PLI_APPLICATION_ID } from '../../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { PliError } from '../../../src/shared/contract';
import { toDbError } from '../../../src/main/db/sqlite-errors';
import { tempDir } from '../../helpers';

const dir = tempDir();
const file = (name: string) => path.join(dir, name);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof PliError ? error.code : `not a PliError: ${String(error)}`;
  }
  return undefined;
}

describe('openDatabase', () => {
  it('creates a Pli file with network-share pragmas and the latest schema', () => {
    const db = openDatabase(file('new.sqlite'), { create: true, appliedBy: 'Accueil-1' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(PLI_APPLICATION_ID);
    const history = db.prepare('SELECT version, applied_by FROM schema_migrations').all();
    expect(history).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => ({
        version: i + 1,
        applied_by: 'Accueil-1',
      })),
    );
    db.close();
  });

  it('reopens an existing file without re-running migrations', () => {
    const db = openDatabase(file('new.sqlite'), { create: false, appliedBy: 'Accueil-2' });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: LATEST_SCHEMA_VERSION,
    });
    db.close();
  });

  it('refuses a file written by a newer Pli, saying which versions', () => {
    const raw = new Database(file('newer.sqlite'));
    raw.pragma(`application_id = ${PLI_APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    try {
      openDatabase(file('newer.sqlite'), { create: false, appliedBy: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PliError);
      expect((error as PliError).code).toBe('DB_NEWER_VERSION');
      expect((error as PliError).details).toEqual([
        `Version du fichier : ${LATEST_SCHEMA_VERSION + 1}`,
        `Version prise en charge par ce poste : ${LATEST_SCHEMA_VERSION}`,
      ]);
    }
    // And it was not touched.
    const check = new Database(file('newer.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    check.close();
  });

  it('refuses another application’s SQLite database without changing it', () => {
    const raw = new Database(file('other.sqlite'));
    raw.exec('CREATE TABLE clients (id INTEGER)');
    raw.close();
    expect(codeOf(() => openDatabase(file('other.sqlite'), { create: true, appliedBy: 'x' }))).toBe(
      'DB_NOT_PLI',
    );
    const check = new Database(file('other.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });

  it('refuses a file that is not SQLite at all', () => {
    fs.writeFileSync(
      file('notes.sqlite'),
      'Ceci est un document texte, pas une base.\n'.repeat(100),
    );
    expect(
      codeOf(() => openDatabase(file('notes.sqlite'), { create: false, appliedBy: 'x' })),
    ).toBe('DB_NOT_PLI');
  });

  it('says the share is unreachable when the folder is gone', () => {
    expect(
      codeOf(() =>
        openDatabase(file('absent/partage/pli.sqlite'), { create: false, appliedBy: 'x' }),
      ),
    ).toBe('DB_UNREACHABLE');
  });

  it('maps a write held by another workstation to DB_LOCKED, never SQLITE_BUSY', () => {
    const db = openDatabase(file('busy.sqlite'), { create: true, appliedBy: 'x' });
    db.pragma('busy_timeout = 50');
    const other = new Database(file('busy.sqlite'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      const error = thrown(() => db.prepare("UPDATE association SET name = 'x'").run());
      expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
      expect(toDbError(error).code).toBe('DB_LOCKED');
    } finally {
      other.exec('ROLLBACK');
      other.close();
      db.close();
    }
  });

  it('maps a write to a read-only file to DB_READ_ONLY', () => {
    const db = new Database(file('new.sqlite'), { readonly: true });
    const error = thrown(() => db.prepare("UPDATE association SET name = 'x'").run());
    db.close();
    expect(toDbError(error).code).toBe('DB_READ_ONLY');
  });
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
