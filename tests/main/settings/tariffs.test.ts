// Tariffs and billing rules on a real SQLite file: a new tariff closes the one in force, no
// two tariffs a day, a tariff used by an issued invoice is locked, rules are version-checked,
// and the monthly billing reads what was saved.
import { describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../../src/main/api';
import { toSessionUser } from '../../../src/main/auth/session';
import { computeInvoice } from '../../../src/main/billing/compute';
import { loadBillingInputs } from '../../../src/main/billing/inputs';
import { createAppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { getBillingRules, saveBillingRules } from '../../../src/main/settings/billing-rules';
import { deleteTariff, listTariffs, saveTariff } from '../../../src/main/settings/tariffs';
import type { BillingRulesFields, TariffFields } from '../../../src/shared/contract';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const TODAY = '2026-05-20';

function database(dir = tempDir()) {
  const { db } = seededDatabase(dir);
  db.exec(`
    INSERT INTO tariffs (id, facility_id, valid_from, valid_to, hebergement_cents,
        dependance_gir12_cents, dependance_gir34_cents, dependance_gir56_cents) VALUES
      (1, 1, '2025-01-01', '2025-12-31', 6700, 2200, 1400, 600),
      (2, 1, '2026-01-01', NULL, 6850, 2280, 1447, 614),
      (3, 2, '2026-01-01', NULL, 5900, 2000, 1300, 550);
    INSERT INTO residents (id, facility_id, civilite, nom, prenom, admission_date, gir, search_key,
        created_at, updated_at)
      VALUES (1, 1, 'Mme', 'Lefèvre', 'Éléonore', '2024-03-01', 3, 'lefevre', '2024-01-01', '2024-01-01');
    INSERT INTO invoices (facility_id, resident_id, status, seq, number, period, created_at)
      VALUES (1, 1, 'issued', 1, 'TIL-1', '2026-04', '2026-05-01');
  `);
  return db;
}

const tariff = (overrides: Partial<TariffFields> = {}): TariffFields => ({
  validFrom: '2026-07-01',
  validTo: null,
  hebergementCents: 7020,
  dependanceGir12Cents: 2340,
  dependanceGir34Cents: 1490,
  dependanceGir56Cents: 630,
  ...overrides,
});

const dates = (rows: { validFrom: string; validTo: string | null }[]) =>
  rows.map((t) => [t.validFrom, t.validTo]);

describe('tariffs', () => {
  it('close the tariff in force the day before a new one starts, and reopen it on delete', () => {
    const db = database();
    saveTariff(db, actor(), { facilityId: 1, id: null, version: null, tariff: tariff() });
    const list = listTariffs(db, 1, TODAY);
    expect(dates(list)).toEqual([
      ['2026-07-01', null],
      ['2026-01-01', '2026-06-30'],
      ['2025-01-01', '2025-12-31'],
    ]);
    expect(list.map((t) => [t.locked, t.deletable])).toEqual([
      [false, true],
      [true, false],
      [false, false],
    ]);
    const audit = db
      .prepare(`SELECT action, version FROM audit_log WHERE entity = 'tariff' ORDER BY id`)
      .all();
    expect(audit).toEqual([
      { action: 'update', version: 2 },
      { action: 'create', version: 1 },
    ]);
    // Facility 2 is untouched.
    expect(dates(listTariffs(db, 2, TODAY))).toEqual([['2026-01-01', null]]);

    // A tariff between two known ones runs until the next one starts.
    saveTariff(db, actor(), {
      facilityId: 1,
      id: null,
      version: null,
      tariff: tariff({ validFrom: '2026-06-01', hebergementCents: 6900 }),
    });
    expect(dates(listTariffs(db, 1, TODAY)).slice(0, 3)).toEqual([
      ['2026-07-01', null],
      ['2026-06-01', '2026-06-30'],
      ['2026-01-01', '2026-05-31'],
    ]);

    const [july] = listTariffs(db, 1, TODAY);
    deleteTariff(db, actor(), { id: july?.id ?? 0, version: july?.version ?? 0 }, TODAY);
    expect(dates(listTariffs(db, 1, TODAY)).slice(0, 2)).toEqual([
      ['2026-06-01', null],
      ['2026-01-01', '2026-05-31'],
    ]);
  });

  it('refuse two tariffs on one day, with the tariff in the way', () => {
    const db = database();
    saveTariff(db, actor(), { facilityId: 1, id: null, version: null, tariff: tariff() });
    const again = () =>
      saveTariff(db, actor(), {
        facilityId: 1,
        id: null,
        version: null,
        tariff: tariff({ validFrom: '2026-06-01', validTo: '2026-07-15' }),
      });
    expect(again).toThrow(expect.objectContaining({ code: 'TARIFF_OVERLAP' }));
    try {
      again();
    } catch (error) {
      expect(error).toMatchObject({ details: ['Tarif du 01/07/2026 sans date de fin'] });
    }
    const [july] = listTariffs(db, 1, TODAY);
    const edit = () =>
      saveTariff(db, actor(), {
        facilityId: 1,
        id: july?.id ?? 0,
        version: july?.version ?? 0,
        tariff: tariff({ validFrom: '2026-06-15' }),
      });
    expect(edit).toThrow(expect.objectContaining({ code: 'TARIFF_OVERLAP' }));
    // Nothing of the refused saves remains: the 2026 tariff still ends on 30 June.
    expect(dates(listTariffs(db, 1, TODAY))[1]).toEqual(['2026-01-01', '2026-06-30']);
  });

  it('lock a tariff used by an issued invoice, and a new one starting in an issued month', () => {
    const db = database();
    const used = listTariffs(db, 1, TODAY).find((t) => t.validFrom === '2026-01-01');
    expect(used?.locked).toBe(true);
    const edit = () =>
      saveTariff(db, actor(), {
        facilityId: 1,
        id: 2,
        version: used?.version ?? 0,
        tariff: tariff({ validFrom: '2026-01-01', hebergementCents: 9900 }),
      });
    expect(edit).toThrow(expect.objectContaining({ code: 'TARIFF_IN_USE' }));
    const inApril = () =>
      saveTariff(db, actor(), {
        facilityId: 1,
        id: null,
        version: null,
        tariff: tariff({ validFrom: '2026-04-15' }),
      });
    expect(inApril).toThrow(
      expect.objectContaining({
        code: 'TARIFF_IN_USE',
        details: ['Factures déjà émises pour avril 2026.'],
      }),
    );
    // Already in force: modified, never deleted.
    expect(() => deleteTariff(db, actor(), { id: 3, version: 1 }, TODAY)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('check the version of an edited tariff', () => {
    const db = database();
    saveTariff(db, actor(), { facilityId: 1, id: null, version: null, tariff: tariff() });
    const [july] = listTariffs(db, 1, TODAY);
    const change = (hebergementCents: number) =>
      saveTariff(db, actor('FACTURATION-2'), {
        facilityId: 1,
        id: july?.id ?? 0,
        version: 1,
        tariff: tariff({ hebergementCents }),
      });
    change(7100);
    expect(listTariffs(db, 1, TODAY)[0]).toMatchObject({ hebergementCents: 7100, version: 2 });
    expect(() => change(7200)).toThrow(
      expect.objectContaining({
        code: 'RECORD_CHANGED',
        details: [expect.stringMatching(/^Prix de journée \(centimes\) : 7020 → 7100 \(Hélène/)],
      }),
    );
  });
});

const rules = (overrides: Partial<BillingRulesFields> = {}): BillingRulesFields => ({
  hospitalisationThresholdHours: 72,
  hospitalisationReductionCents: 2000,
  personalLeaveThresholdHours: 72,
  personalLeaveReductionCents: 0,
  billDependanceDuringAbsence: false,
  dueDays: 15,
  ...overrides,
});

describe('billing rules', () => {
  it('show the defaults until saved, then refuse a save made from an older version', () => {
    const db = database();
    expect(getBillingRules(db, 1)).toEqual({ facilityId: 1, version: null, ...rules() });
    const saved = saveBillingRules(db, actor(), {
      facilityId: 1,
      version: null,
      rules: rules({ hospitalisationThresholdHours: 48, dueDays: 30 }),
    });
    expect(saved).toMatchObject({ version: 1, hospitalisationThresholdHours: 48, dueDays: 30 });
    // The other workstation still shows the defaults it loaded.
    const stale = () =>
      saveBillingRules(db, actor('ACCUEIL-2'), { facilityId: 1, version: null, rules: rules() });
    expect(stale).toThrow(expect.objectContaining({ code: 'RECORD_CHANGED' }));
    const details = (() => {
      try {
        stale();
      } catch (error) {
        return (error as { details?: string[] }).details ?? [];
      }
      return [];
    })();
    expect(details).toContainEqual(
      expect.stringMatching(/^Seuil d’hospitalisation \(heures\) : 72 → 48 \(/),
    );
    const again = saveBillingRules(db, actor(), {
      facilityId: 1,
      version: 1,
      rules: rules({ hospitalisationThresholdHours: 48, billDependanceDuringAbsence: true }),
    });
    expect(again).toMatchObject({ version: 2, billDependanceDuringAbsence: true, dueDays: 15 });
    expect(getBillingRules(db, 2).version).toBeNull();
  });

  it('change what the monthly billing computes: a 48 h threshold reduces one more day', () => {
    const db = database();
    db.exec(`INSERT INTO absences (resident_id, kind, start_date, end_date, created_at)
             VALUES (1, 'hospitalisation', '2026-06-10', '2026-06-14', '2026-06-10')`);
    const reduction = () => {
      const [billing] = loadBillingInputs(db, 1, '2026-06');
      const invoice = billing ? computeInvoice(billing.input) : null;
      return invoice?.lines.find((line) => line.kind === 'absence');
    };
    // Five days away, 72 h billed in full: days 4 and 5 reduced by the forfait of 20 €.
    expect(reduction()).toMatchObject({ quantity: 2, unitCents: -2000, amountCents: -4000 });
    saveBillingRules(db, actor(), {
      facilityId: 1,
      version: null,
      rules: rules({ hospitalisationThresholdHours: 48, hospitalisationReductionCents: 2050 }),
    });
    expect(reduction()).toMatchObject({ quantity: 3, unitCents: -2050, amountCents: -6150 });
  });

  it('through the handlers: accueil reads, facturation saves', async () => {
    const dataDir = tempDir();
    database(dataDir).close();
    const context = createAppContext({
      runtime: 'browser',
      dataDir,
      prefs: createConfPrefs(dataDir),
    });
    const handlers = createHandlers(context);
    const user = (id: number, role: 'accueil' | 'facturation') =>
      toSessionUser({ id, name: role, initials: 'X', login: role, role, email: null });
    context.session.signIn(user(3, 'accueil'));
    expect(await call(handlers, 'tariffs:list', { facilityId: 1 })).toMatchObject({ ok: true });
    expect(await call(handlers, 'tariffs:rules', { facilityId: 1 })).toMatchObject({
      ok: true,
      value: { version: null, dueDays: 15 },
    });
    const input = { facilityId: 1, id: null, version: null, tariff: tariff() };
    expect(await call(handlers, 'tariffs:save', input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    context.session.signIn(user(2, 'facturation'));
    const saved = await call(handlers, 'tariffs:save', input);
    expect(saved.ok && saved.value.map((t) => t.validFrom)).toEqual([
      '2026-07-01',
      '2026-01-01',
      '2025-01-01',
    ]);
    const bad = await call(handlers, 'tariffs:saveRules', {
      facilityId: 1,
      version: null,
      rules: rules({ hospitalisationThresholdHours: -1 }),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    context.db.close();
  });
});
