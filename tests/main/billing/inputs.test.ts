// Loading a facility's billing inputs from a real SQLite file: who is present in the period,
// GIR history or the record's GIR, tariffs, absences, débours not yet invoiced, rules with
// their defaults; one query per table whatever the number of residents.
import { describe, expect, it, vi } from 'vitest';
import { computeInvoice } from '../../../src/main/billing/compute';
import {
  DEFAULT_BILLING_RULES,
  loadBillingInputs,
  loadBillingRules,
} from '../../../src/main/billing/inputs';
import { seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const { db } = seededDatabase(tempDir());

const insertResident = db.prepare(
  `INSERT INTO residents (id, facility_id, civilite, nom, prenom, admission_date, discharge_date,
     gir, archived_at, search_key, created_at, updated_at)
   VALUES (?, ?, 'Mme', ?, 'Test', ?, ?, ?, ?, ?, '2024-01-01', '2024-01-01')`,
);
function resident(
  id: number,
  facility: number,
  nom: string,
  admission: string,
  discharge: string | null,
  gir: number | null,
  archivedAt: string | null = null,
) {
  insertResident.run(id, facility, nom, admission, discharge, gir, archivedAt, nom.toLowerCase());
}

// Facility 1 (Les Tilleuls), September 2026.
resident(1, 1, 'Lefèvre', '2024-03-01', null, 3); // all month, no GIR history
resident(2, 1, 'Moreau', '2023-05-10', null, 4); // GIR history 2 → 4 on the 16th
resident(3, 1, 'Petit', '2026-09-17', null, 5); // admitted on the 17th
resident(4, 1, 'Garnier', '2025-01-01', '2026-09-01', 3); // left on the 1st: not present
resident(5, 1, 'Roux', '2026-10-01', null, 2); // admitted next month
resident(6, 1, 'Fournier', '2022-01-01', '2026-09-20', 6, '2026-09-25'); // left and archived
resident(7, 2, 'Blanc', '2024-01-01', null, 3); // other facility

db.exec(`
  INSERT INTO resident_gir_history (resident_id, valid_from, gir) VALUES
    (2, '2023-05-10', 2), (2, '2026-09-16', 4), (2, '2026-10-05', 5), (4, '2025-01-01', 3);
  INSERT INTO tariffs (facility_id, valid_from, valid_to, hebergement_cents, dependance_gir12_cents,
      dependance_gir34_cents, dependance_gir56_cents) VALUES
    (1, '2025-01-01', '2025-12-31', 6700, 2200, 1400, 600),
    (1, '2026-01-01', '2026-09-14', 6850, 2280, 1447, 614),
    (1, '2026-09-15', NULL, 7020, 2340, 1490, 630),
    (2, '2026-01-01', NULL, 5900, 2000, 1300, 550);
  INSERT INTO absences (resident_id, kind, start_date, end_date, created_at) VALUES
    (1, 'hospitalisation', '2026-08-30', '2026-09-04', '2026-08-30'),
    (1, 'convenances_personnelles', '2026-07-01', '2026-07-10', '2026-07-01'),
    (1, 'convenances_personnelles', '2026-10-02', NULL, '2026-09-28'),
    (3, 'hospitalisation', '2026-09-25', NULL, '2026-09-25'),
    (7, 'hospitalisation', '2026-09-10', '2026-09-14', '2026-09-10');
  INSERT INTO invoices (id, facility_id, resident_id, period, created_at) VALUES
    (1, 1, 1, '2026-08', '2026-09-01');
  INSERT INTO debours (id, resident_id, date, label, amount_cents, invoice_id) VALUES
    (1, 1, '2026-09-08', 'Coiffeur', 3200, NULL),
    (2, 1, '2026-08-28', 'Pharmacie', 1235, NULL),
    (3, 1, '2026-08-12', 'Pédicure', 2850, 1),
    (4, 1, '2026-10-02', 'Coiffeur', 3200, NULL),
    (5, 7, '2026-09-08', 'Coiffeur', 3000, NULL);
`);

const TARIFFS_SEPTEMBER = [
  {
    validFrom: '2026-01-01',
    validTo: '2026-09-14',
    hebergementCents: 6850,
    dependanceGir12Cents: 2280,
    dependanceGir34Cents: 1447,
    dependanceGir56Cents: 614,
  },
  {
    validFrom: '2026-09-15',
    validTo: null,
    hebergementCents: 7020,
    dependanceGir12Cents: 2340,
    dependanceGir34Cents: 1490,
    dependanceGir56Cents: 630,
  },
];

describe('loadBillingInputs', () => {
  it('reads each present resident of the facility with their own rows', () => {
    const { dueDays: _, ...rules } = DEFAULT_BILLING_RULES;
    const loaded = loadBillingInputs(db, 1, '2026-09');
    expect(loaded.map((r) => r.residentId)).toEqual([1, 2, 3, 6]);
    const [lefevre, moreau, petit, fournier] = loaded;

    expect(lefevre).toEqual({
      residentId: 1,
      deboursIds: [2, 1],
      input: {
        period: '2026-09',
        admissionDate: '2024-03-01',
        dischargeDate: null,
        girHistory: [{ validFrom: '2024-03-01', gir: 3 }], // the record's GIR since admission
        tariffs: TARIFFS_SEPTEMBER,
        absences: [{ kind: 'hospitalisation', startDate: '2026-08-30', endDate: '2026-09-04' }],
        debours: [
          { date: '2026-08-28', label: 'Pharmacie', amountCents: 1235 },
          { date: '2026-09-08', label: 'Coiffeur', amountCents: 3200 },
        ],
        rules,
      },
    });
    expect(moreau?.input.girHistory).toEqual([
      { validFrom: '2023-05-10', gir: 2 },
      { validFrom: '2026-09-16', gir: 4 },
    ]);
    expect(petit?.input.absences).toEqual([
      { kind: 'hospitalisation', startDate: '2026-09-25', endDate: null },
    ]);
    expect(fournier?.input.dischargeDate).toBe('2026-09-20');
    expect(fournier?.deboursIds).toEqual([]);
  });

  it('gives computeInvoice what it needs', () => {
    const [lefevre] = loadBillingInputs(db, 1, '2026-09');
    // Hospitalised 30 Aug…4 Sep: 2, 3, 4 Sep reduced (3 × −2000 = −6000), no dépendance then.
    // Hébergement 1…14: 14 × 6850 = 95 900; 15…30: 16 × 7020 = 112 320.
    // Dépendance GIR 3-4: 1 Sep 1 × 1447 = 1447; 5…14: 10 × 1447 = 14 470;
    // 15…30: 16 × 1490 = 23 840. Débours 1235 + 3200 = 4435.
    // Total 95 900 + 112 320 + 1 447 + 14 470 + 23 840 − 6 000 + 4 435 = 246 412.
    const result = computeInvoice(lefevre!.input);
    expect(result?.lines.map((l) => l.amountCents)).toEqual([
      95_900, 112_320, 1447, 14_470, 23_840, -6000, 4435,
    ]);
    expect(result?.totalCents).toBe(246_412);
  });

  it('runs one query per table, however many residents', () => {
    const prepare = vi.spyOn(db, 'prepare');
    try {
      loadBillingInputs(db, 1, '2026-09');
      // rules, tariffs, residents, GIR history, absences, débours
      expect(prepare).toHaveBeenCalledTimes(6);
    } finally {
      prepare.mockRestore();
    }
  });

  it('finds nobody in a month before any admission', () => {
    expect(loadBillingInputs(db, 1, '2020-01')).toEqual([]);
    expect(() => loadBillingInputs(db, 1, '2026-13')).toThrow(RangeError);
  });
});

describe('loadBillingRules', () => {
  it('uses the defaults without a row, and the row when there is one', () => {
    expect(loadBillingRules(db, 1)).toEqual(DEFAULT_BILLING_RULES);
    // The defaults in code are the column defaults of migration 3.
    db.prepare('INSERT INTO billing_rules (facility_id) VALUES (2)').run();
    expect(loadBillingRules(db, 2)).toEqual(DEFAULT_BILLING_RULES);
    db.prepare(
      `UPDATE billing_rules SET hospitalisation_threshold_hours = 48, hospitalisation_reduction_cents = 2300,
         personal_leave_reduction_cents = 500, bill_dependance_during_absence = 1, due_days = 30
       WHERE facility_id = 2`,
    ).run();
    expect(loadBillingRules(db, 2)).toEqual({
      hospitalisationThresholdHours: 48,
      hospitalisationReductionCents: 2300,
      personalLeaveThresholdHours: 72,
      personalLeaveReductionCents: 500,
      billDependanceDuringAbsence: true,
      dueDays: 30,
    });
    expect(loadBillingInputs(db, 2, '2026-09')[0]?.input.rules.billDependanceDuringAbsence).toBe(
      true,
    );
  });
});
