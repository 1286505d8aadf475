// GIR evaluations from a date, on a real SQLite file, and what the monthly billing makes of
// them: a change on the 16th bills two dépendance lines, and the months before the first
// recorded change keep the GIR the resident had since admission.
import { describe, expect, it } from 'vitest';
import { computeInvoice } from '../../../src/main/billing/compute';
import { loadBillingInputs } from '../../../src/main/billing/inputs';
import { getResidentBilling } from '../../../src/main/residents/billing-view';
import { addGirEvaluation } from '../../../src/main/residents/gir';
import { getResident, saveResident } from '../../../src/main/residents/repository';
import { residentInputSchema, type ResidentInput } from '../../../src/shared/contract';
import { actor, residentInput, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const { db } = seededDatabase(tempDir());
db.exec(`
  INSERT INTO tariffs (facility_id, valid_from, valid_to, hebergement_cents, dependance_gir12_cents,
      dependance_gir34_cents, dependance_gir56_cents)
  VALUES (1, '2026-01-01', NULL, 7000, 2300, 1500, 600);
`);

function create(overrides: Partial<ResidentInput> = {}) {
  return saveResident(db, actor(), {
    id: null,
    version: null,
    resident: residentInputSchema.parse(
      residentInput({ admissionDate: '2026-03-01', ...overrides }),
    ),
  });
}
function changeGir(id: number, gir: number, girValidFrom?: string) {
  const current = getResident(db, id);
  const { id: _id, version, archivedAt: _a, lastChange: _l, duplicates: _d, ...fields } = current;
  return saveResident(db, actor(), {
    id,
    version,
    resident: residentInputSchema.parse({ ...fields, gir }),
    girValidFrom,
  });
}
const invoiceOf = (residentId: number, period: string) => {
  const billing = loadBillingInputs(db, 1, period).find((r) => r.residentId === residentId);
  if (!billing) throw new Error(`resident ${residentId} not billed in ${period}`);
  return computeInvoice(billing.input);
};
const dependance = (residentId: number, period: string) =>
  invoiceOf(residentId, period)
    ?.lines.filter((line) => line.kind === 'dependance')
    .map(({ quantity, unitCents }) => ({ quantity, unitCents }));

describe('GIR from a date', () => {
  it('saving the form with a new GIR from the 16th records the old GIR since admission', () => {
    const { id } = create({ gir: 3 });
    expect(getResidentBilling(db, id, '2026-09-01').girHistory).toEqual([]);

    const saved = changeGir(id, 2, '2026-09-16');
    expect(saved.gir).toBe(2);
    expect(getResidentBilling(db, id, '2026-09-20').girHistory).toEqual([
      { validFrom: '2026-09-16', gir: 2 },
      { validFrom: '2026-03-01', gir: 3 },
    ]);
    // September: 15 days at GIR 3-4, 15 days at GIR 1-2; August stays all GIR 3-4.
    expect(dependance(id, '2026-09')).toEqual([
      { quantity: 15, unitCents: 1500 },
      { quantity: 15, unitCents: 2300 },
    ]);
    expect(dependance(id, '2026-08')).toEqual([{ quantity: 31, unitCents: 1500 }]);
    const audit = db
      .prepare("SELECT changes FROM audit_log WHERE entity = 'resident_gir' AND entity_id = ?")
      .get(id) as { changes: string };
    expect(JSON.parse(audit.changes)).toEqual({
      evaluations: ['GIR 3 à compter du 2026-03-01', 'GIR 2 à compter du 2026-09-16'],
    });
  });

  it('a save that keeps the GIR records nothing; an unknown GIR before needs no history row', () => {
    const { id } = create({ gir: null });
    changeGir(id, 5, '2026-04-10');
    expect(getResidentBilling(db, id, '2026-09-01').girHistory).toEqual([
      { validFrom: '2026-04-10', gir: 5 },
    ]);
    changeGir(id, 5, '2026-06-01');
    expect(getResidentBilling(db, id, '2026-09-01').girHistory).toHaveLength(1);
  });

  it('gir:save adds an evaluation, bringing the record to the latest one', () => {
    const { id, version } = create({ gir: 4 });
    addGirEvaluation(db, actor(), { residentId: id, validFrom: '2026-10-01', gir: 1 });
    const after = getResident(db, id);
    expect(after).toMatchObject({ gir: 1, version: version + 1 });
    // An evaluation dated before the latest one fills the history but leaves the record alone.
    addGirEvaluation(db, actor(), { residentId: id, validFrom: '2026-07-01', gir: 5 });
    expect(getResident(db, id)).toMatchObject({ gir: 1, version: version + 1 });
    // Re-evaluating the same day replaces that day's evaluation.
    addGirEvaluation(db, actor(), { residentId: id, validFrom: '2026-07-01', gir: 6 });
    expect(getResidentBilling(db, id, '2026-10-02').girHistory).toEqual([
      { validFrom: '2026-10-01', gir: 1 },
      { validFrom: '2026-07-01', gir: 6 },
      { validFrom: '2026-03-01', gir: 4 },
    ]);
    expect(dependance(id, '2026-06')).toEqual([{ quantity: 30, unitCents: 1500 }]);
    expect(dependance(id, '2026-07')).toEqual([{ quantity: 31, unitCents: 600 }]);
    expect(dependance(id, '2026-10')).toEqual([{ quantity: 31, unitCents: 2300 }]);
  });
});
