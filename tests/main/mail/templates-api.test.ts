// The templates:* channels through dispatch on a real app context and file: accueil reads and
// previews, only admin and facturation save; a preview with a misspelt field returns the
// problems in French instead of a message; a save with one is refused with the same list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../src/main/api';
import { hashPassword } from '../../../src/main/auth/password';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const dataDir = tempDir();
let context: AppContext;
let handlers: Handlers;
let invoice: { id: number; number: string };
const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
const signIn = (userId: number) => call('auth:signIn', { userId, password: 'motdepasse' });

beforeAll(async () => {
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  handlers = createHandlers(context);
  await context.db.create('empty');
  const db = context.db.connection();
  const hash = await hashPassword('motdepasse');
  db.prepare(
    "INSERT INTO facilities (id, code, name) VALUES (1, 'TIL', 'EHPAD Les Tilleuls')",
  ).run();
  db.prepare(
    `INSERT INTO users (id, name, initials, login, role, password_hash, created_at) VALUES
       (2, 'Hélène Dubois', 'HD', 'facturation', 'facturation', ?, '2026-01-01'),
       (3, 'Karim Benali', 'KB', 'accueil', 'accueil', ?, '2026-01-01')`,
  ).run(hash, hash);
  seedBillingMonth(db);
  issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
  invoice = db.prepare('SELECT id, number FROM invoices WHERE seq = 1').get() as typeof invoice;
});
afterAll(() => closeAppContext(context));

const key = { facilityId: 1, docType: 'relance1', language: 'fr' };

describe('templates channels', () => {
  it('let accueil read and preview, not save', async () => {
    expect(await call('templates:list', { facilityId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect((await signIn(3)).ok).toBe(true);
    const got = await call('templates:get', key);
    expect(got).toMatchObject({ ok: true, value: { customised: false, version: null } });
    const samples = await call('templates:invoices', { facilityId: 1 });
    expect(samples.ok && (samples.value as { id: number }[]).map((s) => s.id)).toContain(
      invoice.id,
    );
    const preview = await call('templates:preview', {
      ...key,
      subject: 'Rappel {{numero}}',
      body: 'Signé {{expediteur}}',
      invoiceId: invoice.id,
    });
    expect(preview).toEqual({
      ok: true,
      value: { ok: true, subject: `Rappel ${invoice.number}`, text: 'Signé Karim Benali' },
    });
    expect(
      await call('templates:save', { ...key, version: null, subject: 'x', body: 'y' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('show a misspelt field in a preview and refuse to save it; facturation saves and resets', async () => {
    expect((await signIn(2)).ok).toBe(true);
    const draft = { ...key, subject: 'Rappel {{numro}}', body: 'Bonjour' };
    const preview = await call('templates:preview', { ...draft, invoiceId: invoice.id });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        ok: false,
        issues: [
          {
            part: 'subject',
            raw: '{{numro}}',
            index: 7,
            suggestion: 'numero',
            message: 'Objet : Champ inconnu {{numro}} : vouliez-vous dire {{numero}} ?',
          },
        ],
      },
    });
    expect(await call('templates:save', { ...draft, version: null })).toMatchObject({
      ok: false,
      error: {
        code: 'TEMPLATE_UNKNOWN_FIELD',
        details: ['Objet : Champ inconnu {{numro}} : vouliez-vous dire {{numero}} ?'],
      },
    });
    expect(
      await call('templates:save', {
        ...key,
        version: null,
        subject: 'Ligne 1\nBcc: x',
        body: 'y',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const saved = await call('templates:save', {
      ...key,
      version: null,
      subject: 'Rappel {{numero}}',
      body: 'Bonjour',
    });
    expect(saved).toMatchObject({ ok: true, value: { customised: true, version: 1 } });
    const list = await call('templates:list', { facilityId: 1 });
    const rows = list.ok ? (list.value as { customised: boolean }[]) : [];
    expect(rows.filter((t) => t.customised)).toHaveLength(1);
    const reset = await call('templates:reset', { ...key, version: 1 });
    expect(reset).toMatchObject({ ok: true, value: { customised: false, version: null } });
  });
});
