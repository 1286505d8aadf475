// Users of Pli (admin only): name, initials, login, role, email address, active, password.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { PliError, type UserDetail, type userSaveInputSchema } from '../../shared/contract';
import { hashPassword } from '../auth/password';
import { audit, diff, type Actor, type Changes } from '../db/audit';
import { updateVersioned } from '../db/conflict';
import { write } from '../db/tx';

type UserSave = z.output<typeof userSaveInputSchema>;

const COLUMNS = 'id, version, name, initials, login, role, email, active, bcc_self AS bccSelf';

export const userFieldLabels: Record<string, string> = {
  name: 'Nom',
  initials: 'Initiales',
  login: 'Identifiant',
  role: 'Rôle',
  email: 'E-mail',
  active: 'Actif',
  bccSelf: 'Copie cachée de ses envois',
  password: 'Mot de passe',
};

type UserRow = Omit<UserDetail, 'active' | 'bccSelf'> & { active: number; bccSelf: number };
const toDetail = (row: UserRow): UserDetail => ({
  ...row,
  active: row.active === 1,
  bccSelf: row.bccSelf === 1,
});

export function listUsers(db: Database.Database): UserDetail[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name COLLATE NOCASE`).all() as UserRow[]
  ).map(toDetail);
}

function load(db: Database.Database, id: number): UserDetail {
  const row = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as
    UserRow | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return toDetail(row);
}

export async function saveUser(
  db: Database.Database,
  actor: Actor,
  request: UserSave,
): Promise<UserDetail> {
  const { password, ...fields } = request.user;
  // Hash before the transaction: no transaction is ever held across an await.
  const hash = password === '' ? null : await hashPassword(password);
  const values = {
    ...fields,
    initials: fields.initials.toUpperCase(),
    active: fields.active ? 1 : 0,
    bccSelf: fields.bccSelf ? 1 : 0,
  };
  const id = write(db, () => {
    const taken = db
      .prepare('SELECT id FROM users WHERE login = ? AND id IS NOT ?')
      .get(values.login, request.id);
    if (taken)
      throw new PliError('INVALID_INPUT', [`L’identifiant ${values.login} est déjà utilisé.`]);
    if (request.id === null) {
      const newId = Number(
        db
          .prepare(
            `INSERT INTO users (name, initials, login, role, email, active, bcc_self, password_hash, created_at)
             VALUES (:name, :initials, :login, :role, :email, :active, :bccSelf, :hash, :now)`,
          )
          .run({ ...values, hash, now: new Date().toISOString() }).lastInsertRowid,
      );
      audit(db, actor, {
        entity: 'user',
        entityId: newId,
        action: 'create',
        version: 1,
        changes: diff({}, fields),
      });
      return newId;
    }
    if (request.id === actor.userId && (!fields.active || fields.role !== 'admin')) {
      throw new PliError('INVALID_INPUT', [
        'Vous ne pouvez pas retirer vos propres droits d’administrateur.',
      ]);
    }
    const { id: _id, version, ...before } = load(db, request.id);
    const update = { entity: 'user', id: request.id, current: version, expected: request.version };
    const extra: Changes = hash ? { password: ['…', 'modifié'] } : {};
    updateVersioned(
      db,
      actor,
      { ...update, before, after: fields, labels: userFieldLabels, extra },
      () => {
        db.prepare(
          `UPDATE users SET name = :name, initials = :initials, login = :login, role = :role, email = :email,
           active = :active, bcc_self = :bccSelf, password_hash = coalesce(:hash, password_hash), version = version + 1
         WHERE id = :id`,
        ).run({ ...values, hash, id: request.id });
      },
    );
    return request.id;
  });
  return load(db, id);
}
