// Every write to the shared file is one short BEGIN IMMEDIATE transaction (DESIGN rule 2).
// SQLite's busy timeout already waits for other workstations; when it still gives up, the
// whole transaction is retried a few times with a growing pause, so SQLITE_BUSY never
// reaches a user unless the file stays locked for half a minute.
import type Database from 'better-sqlite3';
import { toDbError } from './sqlite-errors';

const RETRIES = 3;
const pause = new Int32Array(new SharedArrayBuffer(4));

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
  );
}

export function write<T>(db: Database.Database, work: () => T): T {
  const transaction = db.transaction(work);
  for (let attempt = 0; ; attempt++) {
    try {
      return transaction.immediate();
    } catch (error) {
      if (!isBusy(error) || attempt >= RETRIES) throw toDbError(error);
      Atomics.wait(pause, 0, 0, 100 * 2 ** attempt + Math.floor(Math.random() * 100));
    }
  }
}
