// DESIGN rule 1 for the receipts mailbox, through the real channels: the administrator saves
// the IMAP mailbox with a remembered password, tests it, checks the mailbox (a receipt recorded),
// tests a wrong one; after a restart of the session the password comes from the keychain
// (service « Pli IMAP » here under a test name) alone. Then the database file, the preferences,
// every file of the data folder, the captured logs and every contract result are searched for
// it (plain and base64): it is found only in the keychain.
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../src/main/api';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { accountKey, Secrets, systemKeychain } from '../../../src/main/secrets';
import { mdn, startImap, type TestImap } from '../../fixtures/imap';
import { recordedCalls } from '../../fixtures/recorded';
import { tempDir } from '../../helpers';

const PASSWORD = `Imap-${crypto.randomUUID()}`;
const USER = 'factures@tilleuls.example';
const service = `Pli IMAP test ${crypto.randomUUID()}`;
const dataDir = tempDir();
let context: AppContext;
let handlers: Handlers;
let imap: TestImap;
const { call, expectNowhere } = recordedCalls(() => handlers);

beforeAll(async () => {
  imap = await startImap(USER, PASSWORD);
  context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
    receiptSecrets: new Secrets(systemKeychain(service)),
  });
  handlers = createHandlers(context);
  context.prefs.set('mailMethod', 'smtp');
  await context.db.create('demo');
  const admin = context.db
    .connection()
    .prepare("SELECT id FROM users WHERE login = 'admin'")
    .get() as { id: number };
  expect((await call('auth:signIn', { userId: admin.id, password: 'demo' })).ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await systemKeychain(service).delete(accountKey({ host: '127.0.0.1', username: USER }));
  closeAppContext(context);
  await imap.close();
});

const settings = () => ({
  enabled: true,
  host: '127.0.0.1',
  port: imap.port,
  security: 'none',
  username: USER,
  folder: 'INBOX',
});

it('keeps the IMAP password in the keychain and nowhere else', async () => {
  expect(await call('receipts:save', { version: null, settings: settings() })).toMatchObject({
    ok: true,
    value: { passwordSaved: false },
  });
  expect(await call('receipts:check', {})).toMatchObject({
    ok: false,
    error: { code: 'IMAP_PASSWORD_REQUIRED' },
  });
  const saved = await call('receipts:save', {
    version: 1,
    settings: settings(),
    password: { value: PASSWORD, remember: true },
  });
  expect(saved).toMatchObject({ ok: true, value: { passwordSaved: true } });

  // A new start of Pli on this workstation: the password comes from the keychain only.
  context.receiptSecrets.clearSession();
  expect(await call('receipts:test', { settings: settings() })).toMatchObject({
    ok: true,
    value: { ok: true },
  });
  // One sent message of the demo, given a Message-ID as Pli writes them; its receipt arrives.
  const connection = context.db.connection();
  const sent = connection
    .prepare("SELECT id FROM mail_messages WHERE state = 'sent' LIMIT 1")
    .get() as { id: number };
  const messageId = `<pli.${sent.id}.${crypto.randomBytes(8).toString('hex')}@tilleuls.example>`;
  connection
    .prepare('UPDATE mail_messages SET message_id = ? WHERE id = ?')
    .run(messageId, sent.id);
  await imap.deliver('Subject: Bonjour\r\n\r\nRien à voir.\r\n');
  await imap.deliver(mdn({ messageId, to: USER }));
  expect(await call('receipts:check', {})).toMatchObject({
    ok: true,
    value: { read: 2, recorded: 1, ignored: 1 },
  });
  const wrong = await call('receipts:test', {
    settings: settings(),
    password: { value: `${PASSWORD}-faux`, remember: false },
  });
  expect(wrong).toMatchObject({ ok: true, value: { ok: false, code: 'IMAP_AUTH_FAILED' } });
  await call('receipts:settings', {});

  expect(await systemKeychain(service).get(accountKey({ host: '127.0.0.1', username: USER }))).toBe(
    PASSWORD,
  );

  context.db.close();
  expectNowhere(dataDir, USER, PASSWORD);
});
