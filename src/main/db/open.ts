// Opens the shared SQLite file the way a network share needs (DESIGN rule 2): rollback
// journal instead of WAL, full fsync, a busy timeout so waits on other workstations are
// retried inside SQLite, and a check that the file is a Pli database this version can read.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import { foldForSearch } from '../../shared/text';
import { applicationId, migrate, PLI_APPLICATION_ID, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { toDbError } from './sqlite-errors';

/** How long SQLite itself retries a write another workstation holds before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Create and initialise the file when it does not exist (first start only). */
  create: boolean;
  /** Workstation name recorded in the migration history. */
  appliedBy: string;
  /** How long to wait for another workstation's lock; tests shorten it. */
  busyTimeoutMs?: number;
}

function checkIsPli(db: Database.Database, create: boolean): void {
  const version = schemaVersion(db);
  const appId = applicationId(db);
  if (appId === PLI_APPLICATION_ID) {
    if (version > LATEST_SCHEMA_VERSION) {
      throw new PliError('DB_NEWER_VERSION', [
        `Version du fichier : ${version}`,
        `Version prise en charge par ce poste : ${LATEST_SCHEMA_VERSION}`,
      ]);
    }
    return;
  }
  const tables = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    .get() as {
    n: number;
  };
  // Only a brand-new empty file that we were asked to create may be initialised.
  if (!(create && appId === 0 && version === 0 && tables.n === 0)) throw new PliError('DB_NOT_PLI');
}

/**
 * A read-only share still opens (SQLite falls back to reading), and only the first save
 * would fail. Rewriting the version in the header finds out now, while the user can still
 * choose another file.
 */
function checkWritable(db: Database.Database): void {
  const version = schemaVersion(db);
  db.transaction(() => db.pragma(`user_version = ${version}`)).immediate();
}

export function openDatabase(file: string, options: OpenOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    // better-sqlite3 reports a vanished folder (an unmounted share) as a bare TypeError.
    if (!fs.existsSync(path.dirname(file))) throw new PliError('DB_UNREACHABLE');
    db = new Database(file, {
      fileMustExist: !options.create,
      timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
      // Under `npm start` in Electron: the better-sqlite3 build for Electron's ABI.
      nativeBinding: process.env.PLI_SQLITE_BINDING || undefined,
    });
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Searches compare folded text (no case, no accents) on both sides, beyond SQLite's ASCII.
    db.function('pli_fold', { deterministic: true }, (text: unknown) =>
      foldForSearch(typeof text === 'string' ? text : ''),
    );
    checkIsPli(db, options.create);
    migrate(db, migrations, options.appliedBy);
    checkWritable(db);
    return db;
  } catch (error) {
    db?.close();
    throw toDbError(error);
  }
}
