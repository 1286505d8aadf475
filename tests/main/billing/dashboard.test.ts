// dashboard:month on a real demo file: per facility, last month's issued factures, with the
// sent, failed and unpaid ones counted from message rows and payments; a month with nothing
// billed reads zero; someone not signed in is refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../src/main/api';
import { previousPeriod } from '../../../src/main/billing/dashboard';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { Secrets } from '../../../src/main/secrets';
import type { Dashboard } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const dataDir = tempDir('pli-dashboard-');
let context: AppContext;
let handlers: Handlers;
const db = () => context.db.connection();
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const period = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;

beforeAll(async () => {
  context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
    secrets: new Secrets({ get: async () => null, set: async () => {}, delete: async () => false }),
  });
  handlers = createHandlers(context);
  await context.db.create('demo');
}, 120_000);
afterAll(() => closeAppContext(context));

it('knows the month before', () => {
  expect(previousPeriod('2026-01')).toBe('2025-12');
  expect(previousPeriod('2026-11')).toBe('2026-10');
});

it('refuses someone not signed in', async () => {
  const answer = await dispatch(handlers, 'dashboard:month', { period });
  expect(answer.ok).toBe(false);
});

it('counts issued, sent, failed and unpaid factures per facility', async () => {
  const user = db().prepare("SELECT id FROM users WHERE login = 'facturation'").get() as {
    id: number;
  };
  const signIn = await dispatch(handlers, 'auth:signIn', { userId: user.id, password: 'demo' });
  expect(signIn.ok).toBe(true);
  const answer = await dispatch(handlers, 'dashboard:month', { period });
  if (!answer.ok) throw new Error(answer.error.code);
  const dashboard = answer.value as Dashboard;
  const previous = previousPeriod(period);
  expect(dashboard.periods).toEqual([period, previous]);
  const facilities = db().prepare('SELECT count(*) AS n FROM facilities').get() as { n: number };
  expect(dashboard.facilities).toHaveLength(facilities.n);
  for (const facility of dashboard.facilities) {
    const [, last] = facility.months;
    const expected = db()
      .prepare(
        `SELECT count(*) AS n FROM invoices WHERE facility_id = ? AND period = ?
           AND kind = 'facture' AND status = 'issued'`,
      )
      .get(facility.facilityId, previous) as { n: number };
    expect(last.issued).toBe(expected.n);
    expect(last.sent + last.failed).toBeLessThanOrEqual(last.issued);
    expect(last.unpaid).toBeLessThanOrEqual(last.issued);
  }
  // The demo billed last month: something to show.
  expect(dashboard.facilities.some((f) => f.months[1].issued > 0)).toBe(true);
});
