// The queue with a configured server whose password this workstation does not know yet: the
// batch pauses at once with « mot de passe non enregistré » instead of failing its messages;
// once the password is typed (for this session) and the batch resumed, everything leaves
// through the real server, and the password is nowhere in the shared file.
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../../../src/main/api';
import { hashPassword } from '../../../../src/main/auth/password';
import { createAppContext, stopAppContext } from '../../../../src/main/context';
import { enqueueBatch } from '../../../../src/main/mail/queue/batches';
import { getBatch } from '../../../../src/main/mail/queue/progress';
import { saveSmtpSettings } from '../../../../src/main/mail/smtp/settings';
import { createConfPrefs } from '../../../../src/main/prefs/conf-store';
import { Secrets, type Keychain } from '../../../../src/main/secrets';
import { actor } from '../../../fixtures/db';
import { startFaultServer } from '../../../fixtures/smtp-queue';
import { tempDir } from '../../../helpers';
import { createRows, queueDatabase } from './queue-fixture';

const PASSWORD = 'Tilleuls-2026!secret';
const memory = new Map<string, string>();
const keychain: Keychain = {
  get: async (account) => memory.get(account) ?? null,
  set: async (account, password) => void memory.set(account, password),
  delete: async (account) => memory.delete(account),
};
const server = await startFaultServer({ auth: { user: 'factures', pass: PASSWORD } });
afterAll(() => server.close());

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('pauses for a missing password, then sends once it is given and the batch resumed', async () => {
  const dataDir = tempDir('pli-queue-pw-');
  const { db, file } = queueDatabase(dataDir);
  db.prepare('UPDATE users SET password_hash = ?').run(await hashPassword('motdepasse'));
  const account = { host: '127.0.0.1', username: 'factures' };
  saveSmtpSettings(db, actor('POSTE-ADMIN', 1, 'Claire Martin'), {
    facilityId: null,
    version: null,
    settings: {
      ...account,
      port: server.port,
      security: 'none',
      auth: 'password',
      pinnedCertificate: null,
    },
  });
  const batch = enqueueBatch(db, actor('POSTE-FACT'), {
    messageIds: createRows(db, 3),
    throttle: { intervalMs: 20, pauseEvery: 0, pauseMs: 0 },
  });
  db.close();

  const context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
    secrets: new Secrets(keychain),
  });
  const call = (channel: string, input: unknown) =>
    dispatch(createHandlers(context), channel, input);
  try {
    const conn = context.db.connection();
    await until(() => getBatch(conn, batch.id)?.state === 'paused');
    expect(getBatch(conn, batch.id)).toMatchObject({
      pausedCode: 'SMTP_PASSWORD_REQUIRED',
      counts: { queued: 3 },
    });
    expect(conn.prepare('SELECT count(*) AS n FROM mail_attempts').get()).toEqual({ n: 0 });

    await context.secrets.provide(account, PASSWORD, false);
    await call('auth:signIn', { userId: 2, password: 'motdepasse' });
    expect(await call('mail:resume', { batchId: batch.id })).toMatchObject({ ok: true });
    await until(() => getBatch(conn, batch.id)?.state === 'done');
    expect(server.deliveries).toHaveLength(3);
    expect(memory.size).toBe(0); // not « Mémoriser sur ce poste »
  } finally {
    await stopAppContext(context);
  }
  const bytes = fs.readFileSync(file);
  expect(bytes.includes(Buffer.from(PASSWORD))).toBe(false);
}, 30_000);
