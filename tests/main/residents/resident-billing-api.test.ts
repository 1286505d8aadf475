// The Facturation tab's channels through dispatch, on a real app context and file: signed-in
// reception may record absences and débours; input is parsed by the contract (dates in order,
// amounts in whole cents within bounds) and refused with French details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../src/main/api';
import { hashPassword } from '../../../src/main/auth/password';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import type { ResidentBilling } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const dataDir = tempDir();
let context: AppContext;
let handlers: Handlers;
const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);

beforeAll(async () => {
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  handlers = createHandlers(context);
  await context.db.create('empty');
  const db = context.db.connection();
  db.prepare(
    "INSERT INTO facilities (id, code, name) VALUES (1, 'TIL', 'EHPAD Les Tilleuls')",
  ).run();
  db.prepare(
    `INSERT INTO users (id, name, initials, login, role, password_hash, created_at)
     VALUES (1, 'Karim Benali', 'KB', 'accueil', 'accueil', ?, '2026-01-01')`,
  ).run(await hashPassword('motdepasse'));
  db.prepare(
    `INSERT INTO residents (id, facility_id, civilite, nom, prenom, admission_date, gir, search_key,
       created_at, updated_at)
     VALUES (1, 1, 'Mme', 'Lefèvre', 'Anne', '2026-01-05', 3, 'lefevre anne', 'x', 'x')`,
  ).run();
});
afterAll(() => closeAppContext(context));

describe('resident billing channels', () => {
  it('need a signed-in user, then let reception record absences and débours', async () => {
    expect(await call('residents:billing', { residentId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect((await call('auth:signIn', { userId: 1, password: 'motdepasse' })).ok).toBe(true);

    const absence = {
      residentId: 1,
      id: null,
      version: null,
      kind: 'hospitalisation',
      startDate: '2026-09-10',
      endDate: '2026-09-14',
    };
    const saved = await call('absences:save', absence);
    expect(saved.ok).toBe(true);
    expect((saved as { value: ResidentBilling }).value.absences[0]).toMatchObject({
      startDate: '2026-09-10',
      days: 5,
    });
    const debours = await call('debours:save', {
      residentId: 1,
      id: null,
      expected: null,
      date: '2026-09-08',
      label: '  Coiffeur ',
      amountCents: 1845,
    });
    expect((debours as { value: ResidentBilling }).value.debours[0]).toMatchObject({
      label: 'Coiffeur',
      amountCents: 1845,
    });
    const audit = context.db
      .connection()
      .prepare("SELECT user_name FROM audit_log WHERE entity IN ('absence', 'debours')")
      .all();
    expect(audit).toEqual([{ user_name: 'Karim Benali' }, { user_name: 'Karim Benali' }]);
  });

  it('refuses inverted dates and amounts that are not whole cents within bounds', async () => {
    const inverted = await call('absences:save', {
      residentId: 1,
      id: null,
      version: null,
      kind: 'convenances_personnelles',
      startDate: '2026-10-10',
      endDate: '2026-10-09',
    });
    expect(inverted).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(inverted)).toContain('Le dernier jour d’absence précède le premier');
    const base = { residentId: 1, id: null, expected: null, date: '2026-09-08', label: 'X' };
    for (const amountCents of [18.45, 0, 1_000_001]) {
      expect(await call('debours:save', { ...base, amountCents })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});
