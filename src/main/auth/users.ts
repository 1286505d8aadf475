// Users in the shared file: the sign-in list, the first administrator, password checks.
import type Database from 'better-sqlite3';
import { PliError, type AuthState, type SessionUser } from '../../shared/contract';
import { audit, type Actor } from '../db/audit';
import { write } from '../db/tx';
import { hashPassword, verifyPassword } from './password';
import { toSessionUser, type UserRow } from './session';

const USER_COLUMNS = 'id, name, initials, login, role, email';

export function authState(db: Database.Database, current: SessionUser | null): AuthState {
  const users = db
    .prepare('SELECT id, name, initials FROM users WHERE active = 1 ORDER BY name COLLATE NOCASE')
    .all() as AuthState['users'];
  return { needsSetup: users.length === 0, users, current };
}

export interface SetupInput {
  name: string;
  initials: string;
  login: string;
  password: string;
  email: string | null;
}

/** Creates the first administrator; refused once any user exists. */
export async function setupAdministrator(
  db: Database.Database,
  input: SetupInput,
  workstation: string,
): Promise<SessionUser> {
  const hash = await hashPassword(input.password);
  const row = write(db, () => {
    const { n } = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    if (n > 0) throw new PliError('SETUP_DONE');
    const id = Number(
      db
        .prepare(
          `INSERT INTO users (name, initials, login, role, email, password_hash, created_at)
           VALUES (?, ?, ?, 'admin', ?, ?, ?)`,
        )
        .run(
          input.name,
          input.initials.toUpperCase(),
          input.login,
          input.email,
          hash,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    const actor: Actor = { userId: id, userName: input.name, workstation };
    audit(db, actor, {
      entity: 'user',
      entityId: id,
      action: 'create',
      version: 1,
      changes: { role: [null, 'admin'] },
    });
    return db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow;
  });
  return toSessionUser(row);
}

export async function signIn(
  db: Database.Database,
  userId: number,
  password: string,
): Promise<SessionUser> {
  const row = db
    .prepare(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE id = ? AND active = 1`)
    .get(userId) as (UserRow & { password_hash: string }) | undefined;
  // Same slow path whether or not the user exists, so timing tells nothing.
  const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$32768$8$1$AAAA$AAAA');
  if (!row || !ok) throw new PliError('AUTH_FAILED');
  const { password_hash: _hash, ...user } = row;
  return toSessionUser(user);
}
