// One sender per SMTP account across the network (DESIGN rule 5): a row in `mail_accounts`
// names the holder (workstation, process, random token) until `expires_at`. The holder renews
// it in short write transactions; when the holder dies the lease expires and another
// workstation takes over. A holder on this same workstation whose process is gone is known
// dead at once, so a restarted Pli does not wait for its own old lease to expire.
import type Database from 'better-sqlite3';
import { write } from '../../db/tx';
import { statement } from '../../db/statements';

export interface LeaseHolder {
  accountKey: string;
  workstation: string;
  pid: number;
  token: string;
}

interface LeaseRow {
  holder: string | null;
  holder_pid: number | null;
  token: string | null;
  expires_at: number;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function ensureRow(db: Database.Database, accountKey: string): LeaseRow {
  statement(db, 'INSERT OR IGNORE INTO mail_accounts (account_key) VALUES (?)').run(accountKey);
  return statement(
    db,
    'SELECT holder, holder_pid, token, expires_at FROM mail_accounts WHERE account_key = ?',
  ).get(accountKey) as LeaseRow;
}

/** Takes or renews the lease; false while another live holder has it. */
export function acquireLease(
  db: Database.Database,
  me: LeaseHolder,
  now: number,
  ttlMs: number,
): boolean {
  return write(db, () => {
    const row = ensureRow(db, me.accountKey);
    const mine = row.token === me.token;
    const free =
      row.token === null ||
      row.expires_at <= now ||
      (row.holder === me.workstation &&
        row.holder_pid !== null &&
        row.holder_pid !== me.pid &&
        processGone(row.holder_pid));
    if (!mine && !free) return false;
    statement(
      db,
      `UPDATE mail_accounts SET holder = ?, holder_pid = ?, token = ?, expires_at = ?
       WHERE account_key = ?`,
    ).run(me.workstation, me.pid, me.token, now + ttlMs, me.accountKey);
    return true;
  });
}

/** Extends the lease if still held; false when it was lost (expired and taken by another). */
export function renewLease(
  db: Database.Database,
  me: LeaseHolder,
  now: number,
  ttlMs: number,
): boolean {
  return write(db, () => {
    const changed = statement(
      db,
      `UPDATE mail_accounts SET expires_at = ?
         WHERE account_key = ? AND token = ?`,
    ).run(now + ttlMs, me.accountKey, me.token).changes;
    return changed === 1;
  });
}

/** Gives the lease back (the schedule stays: the next holder keeps the pace). */
export function releaseLease(db: Database.Database, me: LeaseHolder): void {
  write(db, () => {
    statement(
      db,
      `UPDATE mail_accounts SET holder = NULL, holder_pid = NULL, token = NULL, expires_at = 0
       WHERE account_key = ? AND token = ?`,
    ).run(me.accountKey, me.token);
  });
}
