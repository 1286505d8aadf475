// The association's mail settings and the sender fields of facilities and users, through the
// real handlers on a real SQLite file: admin only, validated, version-checked, audited.
import { describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../../src/main/api';
import { toSessionUser } from '../../../src/main/auth/session';
import { createAppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { DEFAULT_MAIL_SETTINGS, MEGABYTE } from '../../../src/shared/contract';
import { seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

function setup() {
  const dataDir = tempDir();
  seededDatabase(dataDir).db.close();
  const context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
  });
  const signIn = (id: number, role: 'admin' | 'facturation', name: string) =>
    context.session.signIn(
      toSessionUser({ id, name, initials: 'XX', login: role, role, email: `${role}@x.example` }),
    );
  return { context, handlers: createHandlers(context), signIn };
}

const settings = {
  ...DEFAULT_MAIL_SETTINGS,
  associationAddress: ' factures@coeur-de-loire.example ',
  associationName: 'Association Cœur de Loire',
  replyTo: 'siege@coeur-de-loire.example',
  bccSender: true,
  requestReceipt: true,
};

describe('mailsettings', () => {
  it('are the administrator’s alone', async () => {
    const { handlers, signIn } = setup();
    signIn(2, 'facturation', 'Hélène Dubois');
    expect(await call(handlers, 'mailsettings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const save = await call(handlers, 'mailsettings:save', { version: null, settings });
    expect(save).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('start from the defaults, save version-checked and audited, and refuse a stale save', async () => {
    const { context, handlers, signIn } = setup();
    signIn(1, 'admin', 'Claire Martin');
    expect(await call(handlers, 'mailsettings:get', {})).toEqual({
      ok: true,
      value: {
        version: null,
        settings: {
          ...DEFAULT_MAIL_SETTINGS,
          maxMessageBytes: 10 * MEGABYTE,
          warnFileBytes: MEGABYTE,
          allowedTypes: [
            'pdf',
            'jpg',
            'jpeg',
            'png',
            'doc',
            'docx',
            'odt',
            'xls',
            'xlsx',
            'ods',
            'txt',
          ],
        },
      },
    });
    const saved = await call(handlers, 'mailsettings:save', { version: null, settings });
    expect(saved).toMatchObject({
      ok: true,
      value: { version: 1, settings: { associationAddress: 'factures@coeur-de-loire.example' } },
    });
    const again = await call(handlers, 'mailsettings:save', {
      version: 1,
      settings: { ...settings, senderMode: 'user', maxMessageBytes: 15 * MEGABYTE },
    });
    expect(again).toMatchObject({
      ok: true,
      value: { version: 2, settings: { senderMode: 'user' } },
    });
    const stale = await call(handlers, 'mailsettings:save', { version: 1, settings });
    expect(stale).toMatchObject({ ok: false, error: { code: 'RECORD_CHANGED' } });
    expect(stale.ok ? [] : stale.error.details).toContainEqual(
      expect.stringMatching(/^Adresse d’envoi : association → user \(Claire Martin/),
    );
    const log = context.db
      .connection()
      .prepare(
        "SELECT version, user_name FROM audit_log WHERE entity = 'mail_settings' ORDER BY id",
      )
      .all();
    expect(log).toEqual([
      { version: 1, user_name: 'Claire Martin' },
      { version: 2, user_name: 'Claire Martin' },
    ]);
    expect(await call(handlers, 'mailsettings:get', {})).toMatchObject({
      ok: true,
      value: { version: 2, settings: { maxMessageBytes: 15 * MEGABYTE } },
    });
  });

  it('refuse an association mode without its address, a name on two lines, a bad limit', async () => {
    const { handlers, signIn } = setup();
    signIn(1, 'admin', 'Claire Martin');
    for (const bad of [
      { ...settings, associationAddress: '' },
      { ...settings, associationName: 'Association\r\nBcc: x@evil.example' },
      { ...settings, replyTo: 'siege@coeur-de-loire.example\nBcc: x@evil.example' },
      { ...settings, maxMessageBytes: 100 * MEGABYTE },
      { ...settings, warnFileBytes: 11 * MEGABYTE },
      { ...settings, allowedTypes: [] },
    ]) {
      const result = await call(handlers, 'mailsettings:save', { version: null, settings: bad });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('sender fields of facilities and users', () => {
  it('save a facility’s sender name and reply-to, and a user’s copy preference', async () => {
    const { handlers, signIn } = setup();
    signIn(1, 'admin', 'Claire Martin');
    const facilities = await call(handlers, 'facilities:details', {});
    if (!facilities.ok) throw new Error('facilities');
    const { id, version, ...facility } = facilities.value.find((f) => f.id === 1)!;
    expect(facility).toMatchObject({ senderName: '', replyTo: '' });
    const saved = await call(handlers, 'facilities:save', {
      id,
      version,
      facility: {
        ...facility,
        senderName: 'Les Tilleuls – Facturation',
        replyTo: 'accueil@tilleuls.example',
      },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { senderName: 'Les Tilleuls – Facturation', replyTo: 'accueil@tilleuls.example' },
    });
    const twoLines = await call(handlers, 'facilities:save', {
      id,
      version: version + 1,
      facility: { ...facility, senderName: 'Les Tilleuls\nBcc: x@evil.example' },
    });
    expect(twoLines).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const users = await call(handlers, 'users:list', {});
    if (!users.ok) throw new Error('users');
    const user = users.value.find((u) => u.id === 2)!;
    expect(user.bccSelf).toBe(false);
    const { id: _id, version: userVersion, ...fields } = user;
    const updated = await call(handlers, 'users:save', {
      id: 2,
      version: userVersion,
      user: { ...fields, bccSelf: true, password: '' },
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { bccSelf: true, version: user.version + 1 },
    });
  });
});
