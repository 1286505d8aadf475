// DESIGN rule 1 through the real channels: the administrator saves the server with a remembered
// password, tests the connection, sends a test message, saves again; then the database file,
// the preferences file, every file of the data folder, the captured logs and every contract
// result are searched for the password (plain and base64) and it is found only in the keychain.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../src/main/api';
import { hashPassword } from '../../../src/main/auth/password';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { accountKey, Secrets, systemKeychain } from '../../../src/main/secrets';
import { startSmtp, type TestSmtp } from '../../fixtures/smtp';
import { recordedCalls } from '../../fixtures/recorded';
import { tempDir } from '../../helpers';

const PASSWORD = `Pli-${crypto.randomUUID()}`;
const USER = 'factures@tilleuls.example';
const service = `Pli SMTP test ${crypto.randomUUID()}`;
const dataDir = tempDir();
let context: AppContext;
let handlers: Handlers;
let server: TestSmtp;
const { call, expectNowhere } = recordedCalls(() => handlers);

beforeAll(async () => {
  server = await startSmtp({ mode: 'plain', auth: { user: USER, pass: PASSWORD } });
  context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
    secrets: new Secrets(systemKeychain(service)),
  });
  handlers = createHandlers(context);
  // The preferences file exists once something is set, as on a real workstation.
  context.prefs.set('mailMethod', 'smtp');
  await context.db.create('empty');
  context.db
    .connection()
    .prepare(
      `INSERT INTO users (id, name, initials, login, role, email, password_hash, created_at)
       VALUES (1, 'Claire Martin', 'CM', 'admin', 'admin', 'direction@tilleuls.example', ?, '2026-01-01')`,
    )
    .run(await hashPassword('motdepasse'));
  expect((await call('auth:signIn', { userId: 1, password: 'motdepasse' })).ok).toBe(true);
});
afterAll(async () => {
  await systemKeychain(service).delete(accountKey({ host: '127.0.0.1', username: USER }));
  closeAppContext(context);
  await server.close();
});

const settings = () => ({
  host: '127.0.0.1',
  port: server.port,
  security: 'none',
  auth: 'password',
  username: USER,
  pinnedCertificate: null,
});

describe('the SMTP password', () => {
  it('is asked for when this workstation does not know it', async () => {
    expect(await call('smtp:test', { settings: settings() })).toMatchObject({
      ok: false,
      error: { code: 'SMTP_PASSWORD_REQUIRED' },
    });
  });

  it('is used from the keychain after « Mémoriser sur ce poste » and appears nowhere else', async () => {
    const saved = await call('smtp:save', {
      facilityId: null,
      version: null,
      settings: settings(),
      password: { value: PASSWORD, remember: true },
    });
    expect(saved).toMatchObject({ ok: true, value: { passwordSaved: true, version: 1 } });

    // A new start of Pli on this workstation: the password comes from the keychain only.
    context.secrets.clearSession();
    expect(await call('smtp:test', { settings: settings() })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(
      await call('smtp:sendtest', { settings: settings(), to: 'famille@orange.example' }),
    ).toMatchObject({ ok: true, value: { ok: true } });
    expect(server.received).toHaveLength(1);
    // A wrong one typed once: refused, diagnosed, and not echoed either.
    const wrong = await call('smtp:test', {
      settings: settings(),
      password: { value: `${PASSWORD}-faux`, remember: false },
    });
    expect(wrong).toMatchObject({ ok: true, value: { diagnosis: { code: 'SMTP_AUTH_FAILED' } } });
    await call('smtp:save', {
      facilityId: null,
      version: 1,
      settings: { ...settings(), port: server.port },
    });
    await call('smtp:get', { facilityId: null });
    // An unexpected failure is logged: the log must not carry it either.
    await call('smtp:save', {
      facilityId: null,
      version: 1,
      settings: settings(),
      password: { value: PASSWORD, remember: true },
    });

    expect(
      await systemKeychain(service).get(accountKey({ host: '127.0.0.1', username: USER })),
    ).toBe(PASSWORD);
    expect(server.authAttempts).toContain(PASSWORD);

    context.db.close();
    expectNowhere(dataDir, USER, PASSWORD);
  });
});
