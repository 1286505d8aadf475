// Worked examples, computed by hand in the comments before the code checked them. September
// 2026 has 30 days. Tariff of EHPAD Les Tilleuls for 2026 (cents): prix de journée 68,50 € =
// 6850; dépendance GIR 1-2 22,80 € = 2280, GIR 3-4 14,47 € = 1447, GIR 5-6 6,14 € = 614.
// Rules: 72 h = 3 days free, hospitalisation reduced by the forfait journalier 20,00 € = 2000,
// personal leave reduced by 0, dépendance not billed past the threshold.
import { describe, expect, it } from 'vitest';
import {
  BillingDataError,
  computeCreditNote,
  computeInvoice,
  DEBOURS_LINE_LABEL,
} from '../../../src/main/billing/compute';
import type { BillingInput, ComputedLine } from '../../../src/main/billing/compute';

const TARIFF_2026 = {
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  hebergementCents: 6850,
  dependanceGir12Cents: 2280,
  dependanceGir34Cents: 1447,
  dependanceGir56Cents: 614,
};

const RULES = {
  hospitalisationThresholdHours: 72,
  hospitalisationReductionCents: 2000,
  personalLeaveThresholdHours: 72,
  personalLeaveReductionCents: 0,
  billDependanceDuringAbsence: false,
};

/** Mme Lefèvre, GIR 3 since her admission in 2024, billed for September 2026. */
function input(overrides: Partial<BillingInput> = {}): BillingInput {
  return {
    period: '2026-09',
    admissionDate: '2024-03-01',
    dischargeDate: null,
    girHistory: [{ validFrom: '2024-03-01', gir: 3 }],
    tariffs: [TARIFF_2026],
    absences: [],
    debours: [],
    rules: RULES,
    ...overrides,
  };
}

/** Each line as "label | quantity × unit = amount", to read against the comments. */
function rows(lines: ComputedLine[]): string[] {
  return lines.map((l) => `${l.label} | ${l.quantity} × ${l.unitCents} = ${l.amountCents}`);
}

function invoice(overrides: Partial<BillingInput> = {}) {
  const result = computeInvoice(input(overrides));
  if (!result) throw new Error('expected an invoice');
  return result;
}

const FULL_MONTH = [
  'Hébergement du 1er au 30 septembre 2026 | 30 × 6850 = 205500',
  'Dépendance GIR 3-4 du 1er au 30 septembre 2026 | 30 × 1447 = 43410',
];

describe('computeInvoice', () => {
  it('bills a full 30-day month', () => {
    // Hébergement 30 × 6850 = 205 500; dépendance GIR 3-4 30 × 1447 = 43 410.
    // Total 205 500 + 43 410 = 248 910 (2 489,10 €).
    const result = invoice();
    expect(rows(result.lines)).toEqual(FULL_MONTH);
    expect(result.totalCents).toBe(248_910);
    expect(result.presentDays).toBe(30);
    expect(result.lines.map((l) => l.kind)).toEqual(['hebergement', 'dependance']);
  });

  it('bills from the day of admission, the 17th', () => {
    // Days 17…30 = 30 − 17 + 1 = 14. Hébergement 14 × 6850 = 95 900; dépendance 14 × 1447 =
    // 20 258. Total 95 900 + 20 258 = 116 158.
    const result = invoice({
      admissionDate: '2026-09-17',
      girHistory: [{ validFrom: '2026-09-17', gir: 3 }],
    });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 17 au 30 septembre 2026 | 14 × 6850 = 95900',
      'Dépendance GIR 3-4 du 17 au 30 septembre 2026 | 14 × 1447 = 20258',
    ]);
    expect(result.totalCents).toBe(116_158);
    expect(result.presentDays).toBe(14);
  });

  it('does not bill the day of departure, the 20th', () => {
    // Days 1…19 = 19. Hébergement 19 × 6850 = 130 150; dépendance 19 × 1447 = 27 493.
    // Total 130 150 + 27 493 = 157 643.
    const result = invoice({ dischargeDate: '2026-09-20' });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 1er au 19 septembre 2026 | 19 × 6850 = 130150',
      'Dépendance GIR 3-4 du 1er au 19 septembre 2026 | 19 × 1447 = 27493',
    ]);
    expect(result.totalCents).toBe(157_643);
  });

  it('reduces a 5-day hospitalisation from its 4th day', () => {
    // Away 10…14 September = 5 days. Days 1–3 of the absence (10, 11, 12) are billed as if
    // present; days 4–5 (13, 14) are reduced by 2000 each and carry no dépendance.
    // Hébergement 30 × 6850 = 205 500 (whole stay, the reduction is its own line).
    // Dépendance 1er…12: 12 × 1447 = 17 364; 15…30: 16 × 1447 = 23 152 (12 + 16 = 30 − 2).
    // Reduction 2 × −2000 = −4000.
    // Total 205 500 + 17 364 + 23 152 − 4 000 = 242 016.
    const result = invoice({
      absences: [{ kind: 'hospitalisation', startDate: '2026-09-10', endDate: '2026-09-14' }],
    });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 1er au 30 septembre 2026 | 30 × 6850 = 205500',
      'Dépendance GIR 3-4 du 1er au 12 septembre 2026 | 12 × 1447 = 17364',
      'Dépendance GIR 3-4 du 15 au 30 septembre 2026 | 16 × 1447 = 23152',
      'Absence pour hospitalisation du 10 au 14 septembre : réduction forfait journalier (2 jours) | 2 × -2000 = -4000',
    ]);
    expect(result.totalCents).toBe(242_016);
    expect(result.lines.at(-1)?.kind).toBe('absence');
  });

  it('keeps dépendance during absence when the facility bills it', () => {
    // As above, dépendance back to 30 × 1447 = 43 410: 205 500 + 43 410 − 4 000 = 244 910.
    const result = invoice({
      absences: [{ kind: 'hospitalisation', startDate: '2026-09-10', endDate: '2026-09-14' }],
      rules: { ...RULES, billDependanceDuringAbsence: true },
    });
    expect(result.totalCents).toBe(244_910);
    expect(result.lines).toHaveLength(3);
  });

  it('bills a 3-day hospitalisation (72 h exactly) normally', () => {
    // 10, 11, 12 are days 1–3: nothing past the threshold, the full month as usual.
    const result = invoice({
      absences: [{ kind: 'hospitalisation', startDate: '2026-09-10', endDate: '2026-09-12' }],
    });
    expect(rows(result.lines)).toEqual(FULL_MONTH);
  });

  it('takes the threshold in whole days: 48 h frees 2 days, 60 h frees 3', () => {
    // 48 h: 10, 11 free; 12, 13, 14 reduced = 3 × −2000 = −6000.
    // 60 h: day 3 (the 12th) starts at hour 48, before the 60 h are over: still free, so 2 days.
    const away = [
      { kind: 'hospitalisation' as const, startDate: '2026-09-10', endDate: '2026-09-14' },
    ];
    const at = (hours: number) =>
      invoice({
        absences: away,
        rules: { ...RULES, hospitalisationThresholdHours: hours },
      }).lines.find((l) => l.kind === 'absence')?.amountCents;
    expect(at(48)).toBe(-6000);
    expect(at(60)).toBe(-4000);
    expect(at(0)).toBe(-10_000); // no threshold: all 5 days
  });

  it('counts an absence begun the month before from its own start', () => {
    // Away 30 August…4 September: 30 Aug = day 1, 31 Aug = 2, 1 Sep = 3 (free), 2–4 Sep =
    // days 4–6, reduced: 3 × −2000 = −6000. Dépendance: 1 Sep alone 1 × 1447 = 1447, then
    // 5…30: 26 × 1447 = 37 622. Total 205 500 + 1 447 + 37 622 − 6 000 = 238 569.
    const result = invoice({
      absences: [{ kind: 'hospitalisation', startDate: '2026-08-30', endDate: '2026-09-04' }],
    });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 1er au 30 septembre 2026 | 30 × 6850 = 205500',
      'Dépendance GIR 3-4 le 1er septembre 2026 | 1 × 1447 = 1447',
      'Dépendance GIR 3-4 du 5 au 30 septembre 2026 | 26 × 1447 = 37622',
      'Absence pour hospitalisation du 30 août au 4 septembre : réduction forfait journalier (3 jours) | 3 × -2000 = -6000',
    ]);
    expect(result.totalCents).toBe(238_569);
  });

  it('reduces an ongoing hospitalisation up to the end of the month', () => {
    // Away since 25 September, no return yet: 25, 26, 27 free; 28, 29, 30 reduced = −6000.
    // Dépendance 1er…27: 27 × 1447 = 39 069. Total 205 500 + 39 069 − 6 000 = 238 569.
    const result = invoice({
      absences: [{ kind: 'hospitalisation', startDate: '2026-09-25', endDate: null }],
    });
    expect(rows(result.lines).slice(1)).toEqual([
      'Dépendance GIR 3-4 du 1er au 27 septembre 2026 | 27 × 1447 = 39069',
      'Absence pour hospitalisation depuis le 25 septembre : réduction forfait journalier (3 jours) | 3 × -2000 = -6000',
    ]);
    expect(result.totalCents).toBe(238_569);
  });

  it('stops dépendance during a personal leave, with no reduction by default', () => {
    // Away 5…11 September = 7 days: 5, 6, 7 free; 8, 9, 10, 11 past 72 h. Reduction 0 (no
    // line). Dépendance 1er…7: 7 × 1447 = 10 129; 12…30: 19 × 1447 = 27 493 (7 + 19 = 30 − 4).
    // Total 205 500 + 10 129 + 27 493 = 243 122.
    const leave = [
      { kind: 'convenances_personnelles' as const, startDate: '2026-09-05', endDate: '2026-09-11' },
    ];
    const result = invoice({ absences: leave });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 1er au 30 septembre 2026 | 30 × 6850 = 205500',
      'Dépendance GIR 3-4 du 1er au 7 septembre 2026 | 7 × 1447 = 10129',
      'Dépendance GIR 3-4 du 12 au 30 septembre 2026 | 19 × 1447 = 27493',
    ]);
    expect(result.totalCents).toBe(243_122);

    // A facility that reduces personal leave by 10,00 €: 4 × −1000 = −4000, total 239 122.
    const reduced = invoice({
      absences: leave,
      rules: { ...RULES, personalLeaveReductionCents: 1000 },
    });
    expect(rows(reduced.lines).at(-1)).toEqual(
      'Absence pour convenances personnelles du 5 au 11 septembre : réduction (4 jours) | 4 × -1000 = -4000',
    );
    expect(reduced.totalCents).toBe(239_122);
  });

  it('never reduces a day below zero', () => {
    // A reduction of 80,00 € against a 68,50 € day: capped at 6850. Days 13, 14: −13 700.
    const result = invoice({
      absences: [{ kind: 'hospitalisation', startDate: '2026-09-10', endDate: '2026-09-14' }],
      rules: { ...RULES, hospitalisationReductionCents: 8000 },
    });
    expect(result.lines.at(-1)).toMatchObject({
      quantity: 2,
      unitCents: -6850,
      amountCents: -13_700,
    });
  });

  it('splits dépendance when the GIR changes mid-month (GIR 2 → GIR 4 on the 16th)', () => {
    // GIR 2 (group 1-2) 1…15: 15 × 2280 = 34 200; GIR 4 (group 3-4) 16…30: 15 × 1447 = 21 705.
    // Total 205 500 + 34 200 + 21 705 = 261 405.
    const result = invoice({
      girHistory: [
        { validFrom: '2026-09-16', gir: 4 },
        { validFrom: '2024-03-01', gir: 2 },
      ],
    });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 1er au 30 septembre 2026 | 30 × 6850 = 205500',
      'Dépendance GIR 1-2 du 1er au 15 septembre 2026 | 15 × 2280 = 34200',
      'Dépendance GIR 3-4 du 16 au 30 septembre 2026 | 15 × 1447 = 21705',
    ]);
    expect(result.totalCents).toBe(261_405);
  });

  it('keeps one line when the GIR changes within the same group (3 → 4)', () => {
    const result = invoice({
      girHistory: [
        { validFrom: '2024-03-01', gir: 3 },
        { validFrom: '2026-09-16', gir: 4 },
      ],
    });
    expect(rows(result.lines)).toEqual(FULL_MONTH);
  });

  it('bills no dépendance without a GIR, and the first known GIR before its date', () => {
    expect(invoice({ girHistory: [] }).lines.map((l) => l.kind)).toEqual(['hebergement']);
    expect(invoice({ girHistory: [{ validFrom: '2024-03-01', gir: null }] }).totalCents).toBe(
      205_500,
    );
    // Only an evaluation dated the 10th is known: it covers the 1st to the 9th as well.
    expect(rows(invoice({ girHistory: [{ validFrom: '2026-09-10', gir: 3 }] }).lines)).toEqual(
      FULL_MONTH,
    );
  });

  it('splits lines when the tariff changes mid-month (new prices from the 15th)', () => {
    // 1…14 old tariff, 15…30 new one (68,50 → 70,20; GIR 3-4 14,47 → 14,90).
    // Hébergement 14 × 6850 = 95 900 and 16 × 7020 = 112 320.
    // Dépendance 14 × 1447 = 20 258 and 16 × 1490 = 23 840.
    // Total 95 900 + 112 320 + 20 258 + 23 840 = 252 318.
    const result = invoice({
      tariffs: [
        {
          ...TARIFF_2026,
          validFrom: '2026-09-15',
          validTo: null,
          hebergementCents: 7020,
          dependanceGir34Cents: 1490,
        },
        { ...TARIFF_2026, validTo: '2026-09-14' },
      ],
    });
    expect(rows(result.lines)).toEqual([
      'Hébergement du 1er au 14 septembre 2026 | 14 × 6850 = 95900',
      'Hébergement du 15 au 30 septembre 2026 | 16 × 7020 = 112320',
      'Dépendance GIR 3-4 du 1er au 14 septembre 2026 | 14 × 1447 = 20258',
      'Dépendance GIR 3-4 du 15 au 30 septembre 2026 | 16 × 1490 = 23840',
    ]);
    expect(result.totalCents).toBe(252_318);
  });

  it('refuses a day without tariff, naming it', () => {
    const gap = { ...TARIFF_2026, validTo: '2026-09-19' };
    expect(() => invoice({ tariffs: [gap] })).toThrow(BillingDataError);
    expect(() => invoice({ tariffs: [gap] })).toThrow('aucun tarif en vigueur le 2026-09-20');
  });

  it('totals the débours on one line', () => {
    // Coiffeur 32,00 + pédicure 28,50 + pharmacie of 28 August entered late 12,35:
    // 3200 + 2850 + 1235 = 7285. Total 248 910 + 7 285 = 256 195.
    const result = invoice({
      debours: [
        { date: '2026-09-08', label: 'Coiffeur', amountCents: 3200 },
        { date: '2026-09-21', label: 'Pédicure', amountCents: 2850 },
        { date: '2026-08-28', label: 'Pharmacie (non remboursé)', amountCents: 1235 },
      ],
    });
    expect(rows(result.lines)).toEqual([
      ...FULL_MONTH,
      'Débours du mois (voir relevé) | 1 × 7285 = 7285',
    ]);
    expect(result.totalCents).toBe(256_195);
  });

  it('returns null for a resident not present in the month', () => {
    expect(computeInvoice(input({ admissionDate: '2026-10-03' }))).toBeNull();
    // Left on 1 September: that day is the departure, not billed.
    expect(computeInvoice(input({ dischargeDate: '2026-09-01' }))).toBeNull();
    // Left on the 2nd: one day, the 1st.
    expect(rows(invoice({ dischargeDate: '2026-09-02' }).lines)[0]).toEqual(
      'Hébergement le 1er septembre 2026 | 1 × 6850 = 6850',
    );
  });

  it('keeps every amount an integer number of cents, equal to quantity × unit', () => {
    // Pseudo-random months (fixed seed): whatever the mix, no float ever appears.
    let seed = 42;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const iso = (d: number) => `2026-09-${String(d).padStart(2, '0')}`;
    for (let i = 0; i < 200; i++) {
      const start = 1 + next(30);
      const result = computeInvoice(
        input({
          admissionDate: next(3) === 0 ? iso(1 + next(30)) : '2024-03-01',
          girHistory: [
            { validFrom: '2024-03-01', gir: 1 + next(6) },
            { validFrom: iso(1 + next(30)), gir: 1 + next(6) },
          ],
          absences: [
            {
              kind: next(2) ? 'hospitalisation' : 'convenances_personnelles',
              startDate: iso(start),
              endDate: next(4) ? iso(Math.min(30, start + next(20))) : null,
            },
          ],
          debours: [{ date: iso(1 + next(30)), label: 'Coiffeur', amountCents: next(10_000) }],
          rules: {
            ...RULES,
            hospitalisationReductionCents: next(9000),
            personalLeaveReductionCents: next(3000),
          },
        }),
      );
      if (!result) continue;
      for (const l of result.lines) {
        expect(Number.isSafeInteger(l.amountCents) && Number.isInteger(l.quantity)).toBe(true);
        expect(l.amountCents).toBe(l.quantity * l.unitCents);
      }
      expect(result.totalCents).toBe(result.lines.reduce((s, l) => s + l.amountCents, 0));
    }
  });

  it('refuses money that is not whole cents', () => {
    expect(() => invoice({ tariffs: [{ ...TARIFF_2026, hebergementCents: 68.5 }] })).toThrow(
      RangeError,
    );
    expect(() =>
      invoice({ debours: [{ date: '2026-09-08', label: 'Coiffeur', amountCents: 32.1 }] }),
    ).toThrow(RangeError);
  });
});

describe('computeCreditNote', () => {
  const hospitalised = invoice({
    absences: [{ kind: 'hospitalisation', startDate: '2026-09-10', endDate: '2026-09-14' }],
    debours: [{ date: '2026-09-08', label: 'Coiffeur', amountCents: 3200 }],
  });
  const original = { number: 'TIL-2026-000042', lines: hospitalised.lines };

  it('credits a whole invoice, giving back its reduction too', () => {
    // The invoice: 205 500 + 17 364 + 23 152 − 4 000 + 3 200 = 245 216. The avoir reverses
    // each line, so the −4 000 reduction comes back as +4 000: total −245 216.
    expect(hospitalised.totalCents).toBe(245_216);
    const note = computeCreditNote(original, 'all');
    expect(rows(note.lines)).toEqual([
      'Avoir sur facture TIL-2026-000042 : Hébergement du 1er au 30 septembre 2026 | 30 × -6850 = -205500',
      'Avoir sur facture TIL-2026-000042 : Dépendance GIR 3-4 du 1er au 12 septembre 2026 | 12 × -1447 = -17364',
      'Avoir sur facture TIL-2026-000042 : Dépendance GIR 3-4 du 15 au 30 septembre 2026 | 16 × -1447 = -23152',
      'Avoir sur facture TIL-2026-000042 : Absence pour hospitalisation du 10 au 14 septembre : réduction forfait journalier (2 jours) | 2 × 2000 = 4000',
      `Avoir sur facture TIL-2026-000042 : ${DEBOURS_LINE_LABEL} | 1 × -3200 = -3200`,
    ]);
    expect(note.totalCents).toBe(-245_216);
    expect(note.lines.map((l) => l.kind)).toEqual(hospitalised.lines.map((l) => l.kind));
  });

  it('credits some days of a line and a whole other line', () => {
    // 3 days of hébergement wrongly billed: 3 × −6850 = −20 550; the coiffeur débours −3 200.
    // Total −20 550 − 3 200 = −23 750.
    const note = computeCreditNote(original, [{ line: 0, quantity: 3 }, { line: 4 }]);
    expect(rows(note.lines)).toEqual([
      'Avoir sur facture TIL-2026-000042 : Hébergement du 1er au 30 septembre 2026 (3 jours sur 30) | 3 × -6850 = -20550',
      `Avoir sur facture TIL-2026-000042 : ${DEBOURS_LINE_LABEL} | 1 × -3200 = -3200`,
    ]);
    expect(note.totalCents).toBe(-23_750);
  });

  it('refuses to credit more than was billed, a line twice, or nothing', () => {
    expect(() => computeCreditNote(original, [{ line: 0, quantity: 31 }])).toThrow(RangeError);
    expect(() => computeCreditNote(original, [{ line: 0, quantity: 0 }])).toThrow(RangeError);
    expect(() => computeCreditNote(original, [{ line: 0, quantity: 1.5 }])).toThrow(RangeError);
    expect(() => computeCreditNote(original, [{ line: 9 }])).toThrow(RangeError);
    expect(() => computeCreditNote(original, [{ line: 1 }, { line: 1 }])).toThrow(RangeError);
    expect(() => computeCreditNote(original, [])).toThrow(RangeError);
  });
});
