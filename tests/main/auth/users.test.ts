// Sign-in against a real file: first administrator, slow salted hashes, rights by role.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/main/auth/password';
import { Session, toSessionUser } from '../../../src/main/auth/session';
import { authState, setupAdministrator, signIn } from '../../../src/main/auth/users';
import { openDatabase } from '../../../src/main/db/open';
import { PliError } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';
import path from 'node:path';

const db = openDatabase(path.join(tempDir(), 'pli.sqlite'), { create: true, appliedBy: 'test' });

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
  return 'no error';
}

describe('passwords', () => {
  it('are salted scrypt hashes that verify only the right password', async () => {
    const a = await hashPassword('Tilleuls 2026 !');
    const b = await hashPassword('Tilleuls 2026 !');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('Tilleuls');
    expect(await verifyPassword('Tilleuls 2026 !', a)).toBe(true);
    expect(await verifyPassword('tilleuls 2026 !', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('sign-in', () => {
  it('asks for the first administrator on a new database, then never again', async () => {
    expect(authState(db, null)).toEqual({ needsSetup: true, users: [], current: null });
    const admin = await setupAdministrator(
      db,
      {
        name: 'Claire Martin',
        initials: 'cm',
        login: 'cmartin',
        password: 'motdepasse',
        email: null,
      },
      'DIRECTION',
    );
    expect(admin).toMatchObject({
      role: 'admin',
      initials: 'CM',
      canSend: false,
      canChangeSettings: true,
    });
    expect(authState(db, admin).needsSetup).toBe(false);
    expect(
      await code(
        setupAdministrator(
          db,
          { name: 'Intrus', initials: 'I', login: 'x', password: 'motdepasse', email: null },
          'X',
        ),
      ),
    ).toBe('SETUP_DONE');
    expect(
      db.prepare("SELECT workstation, action FROM audit_log WHERE entity = 'user'").all(),
    ).toEqual([{ workstation: 'DIRECTION', action: 'create' }]);
  });

  it('refuses a wrong password and signs in with the right one', async () => {
    const [user] = authState(db, null).users;
    expect(await code(signIn(db, user!.id, 'MOTDEPASSE'))).toBe('AUTH_FAILED');
    expect(await code(signIn(db, 424242, 'motdepasse'))).toBe('AUTH_FAILED');
    expect(await signIn(db, user!.id, 'motdepasse')).toMatchObject({
      name: 'Claire Martin',
      role: 'admin',
    });
  });

  it('gives rights by role and email address', () => {
    const accueil = toSessionUser({
      id: 3,
      name: 'K',
      initials: 'K',
      login: 'k',
      role: 'accueil',
      email: 'k@x.example',
    });
    expect(accueil).toMatchObject({ canSend: true, canChangeSettings: false });
    const session = new Session(() => 'ACCUEIL-1');
    expect(() => session.require()).toThrow(expect.objectContaining({ code: 'AUTH_REQUIRED' }));
    session.signIn(accueil);
    expect(() => session.requireSettingsRight()).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(session.actor()).toEqual({ userId: 3, userName: 'K', workstation: 'ACCUEIL-1' });
  });
});
