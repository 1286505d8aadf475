// prefs:get and prefs:save through dispatch on a real app context whose preferences are a real
// `conf` file in a temp folder: signed-in users only, input validated, the change kept in this
// workstation's preferences.json (a fresh store reads it back) and never in the shared file,
// and the new name is the one the audit records from then on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../src/main/api';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import type { WorkstationPrefs } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const dataDir = tempDir('pli-prefs-');
let context: AppContext;
let handlers: Handlers;

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok)
    throw new Error(`${result.error.code}: ${(result.error.details ?? []).join(' ')}`);
  return result.value as T;
}

beforeAll(async () => {
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  handlers = createHandlers(context);
  await context.db.create('demo');
}, 120_000);
afterAll(() => closeAppContext(context));

describe('prefs:get / prefs:save', () => {
  it('refuses a caller who is not signed in', async () => {
    const result = await dispatch(handlers, 'prefs:get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('AUTH_REQUIRED');
  });

  it('lets any signed-in user, accueil too, name the workstation and choose its mail method', async () => {
    const accueil = context.db
      .connection()
      .prepare("SELECT id FROM users WHERE login = 'accueil'")
      .get() as { id: number };
    await ok('auth:signIn', { userId: accueil.id, password: 'demo' });

    const before = await ok<WorkstationPrefs>('prefs:get', {});
    expect(before.mailMethod).toBe('smtp');

    const saved = await ok<WorkstationPrefs>('prefs:save', {
      workstationName: '  Accueil Les Tilleuls  ',
      mailMethod: 'thunderbird',
    });
    expect(saved).toMatchObject({
      workstationName: 'Accueil Les Tilleuls',
      mailMethod: 'thunderbird',
      clientPaths: { outlook: null, thunderbird: null },
    });
    expect(await ok('prefs:get', {})).toEqual(saved);

    // On this workstation's disk, read back by a fresh store; not in the shared file.
    const reread = createConfPrefs(dataDir);
    expect(reread.get('workstationName')).toBe('Accueil Les Tilleuls');
    expect(reread.get('mailMethod')).toBe('thunderbird');
    expect(fs.readFileSync(path.join(dataDir, 'preferences.json'), 'utf8')).toContain(
      'Accueil Les Tilleuls',
    );
    expect(fs.readFileSync(context.db.path).includes('Accueil Les Tilleuls')).toBe(false);

    // The session names the workstation as it is called now.
    expect(context.session.actor().workstation).toBe('Accueil Les Tilleuls');
  });

  it('refuses an empty or multi-line name and an unknown method, and keeps what was saved', async () => {
    for (const input of [
      { workstationName: '   ', mailMethod: 'smtp' },
      { workstationName: 'Poste\nbis', mailMethod: 'smtp' },
      { workstationName: 'x'.repeat(81), mailMethod: 'smtp' },
      { workstationName: 'Poste', mailMethod: 'pigeon' },
      { workstationName: 'Poste', mailMethod: 'smtp', databasePath: '/tmp/autre.sqlite' },
    ]) {
      const result = await dispatch(handlers, 'prefs:save', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect(await ok('prefs:get', {})).toMatchObject({
      workstationName: 'Accueil Les Tilleuls',
      mailMethod: 'thunderbird',
    });
  });
});

describe('prefs:chooseProgram', () => {
  it('opens the shell’s file dialog where there is one, and says to type the path otherwise', async () => {
    expect(await ok<WorkstationPrefs>('prefs:get', {})).toMatchObject({ canBrowse: false });
    const typed = await dispatch(handlers, 'prefs:chooseProgram', { program: 'thunderbird' });
    expect(typed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const titles: string[] = [];
    context.chooseProgram = async (title) => {
      titles.push(title);
      return '/opt/thunderbird/thunderbird';
    };
    expect(await ok<WorkstationPrefs>('prefs:get', {})).toMatchObject({ canBrowse: true });
    expect(await ok('prefs:chooseProgram', { program: 'outlook' })).toEqual({
      path: '/opt/thunderbird/thunderbird',
    });
    expect(titles).toEqual(['Choisir le programme Outlook']);
    const bad = await dispatch(handlers, 'prefs:chooseProgram', { program: 'pigeon' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
