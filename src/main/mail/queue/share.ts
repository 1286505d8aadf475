// The shared folder (the database file and the invoice PDFs beside it) going away mid-batch:
// a network drive unplugged, a NAS rebooting. While it is gone nothing can be written to the
// file (SQLite's rollback journal is created beside it), so a failing step is not recorded as a
// failure: the send loop waits for the share with the message still claimed, tells the
// workstation (SHARE_UNREACHABLE, « … Pli reprendra dès qu'il revient »), looks again every
// poll, and redoes the step once the file is back. A failure while the share is reachable is
// the step's own and goes on as before.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Clock } from './types';

export interface ShareWatch {
  db: Database.Database;
  clock: Clock;
  pollMs: number;
  signal?: AbortSignal | undefined;
  /** Told when the share goes (true) and when it is back (false). */
  onChange?: ((lost: boolean) => void) | undefined;
}

/** Whether the database file can be reached by its path (the open handle may outlive it). */
export function shareReachable(db: Database.Database): boolean {
  if (db.memory) return true;
  try {
    fs.statSync(db.name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a step of the send loop; if it fails while the share is unreachable, waits for the share
 * and runs it again. Aborted while waiting (Pli closing), the step's error is thrown: the row
 * stays claimed and is taken up again, flagged, at the next start.
 */
export async function withShare<T>(watch: ShareWatch, step: () => T | Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (shareReachable(watch.db)) throw error;
      watch.onChange?.(true);
      while (!shareReachable(watch.db)) {
        if (watch.signal?.aborted) throw error;
        await watch.clock.sleep(watch.pollMs, watch.signal);
      }
      watch.onChange?.(false);
    }
  }
}
