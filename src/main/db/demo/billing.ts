// The demo's billing history: for each month and each resident present, one issued invoice
// (hébergement, dépendance, débours) numbered continuously per facility, its débours rows, a
// payment for most, and a few credit notes. One transaction per month, statements reused.
import type Database from 'better-sqlite3';
import { isoOf, MONTH_NAMES } from './calendar';
import type { Month } from './calendar';
import type { TariffBase } from './identity';
import type { PaymentMethod, ResidentPlan } from './people';
import { DEBOURS } from './places';
import type { Random, Weighted } from './random';

export interface BilledResident {
  id: number;
  facility: number;
  plan: ResidentPlan;
  /** Which dependance tariff applies. */
  gir: 'gir12' | 'gir34' | 'gir56';
  /** Bank statement label of the family's transfers. */
  virement: string;
}

export interface BillingInput {
  rng: Random;
  months: readonly Month[];
  todayDay: number;
  facilityIds: readonly number[];
  codes: readonly string[];
  /** Keyed `${facility index}:${year}`. */
  tariffs: ReadonlyMap<string, TariffBase>;
  residents: readonly BilledResident[];
  billingUser: number;
}

export interface BillingFigures {
  debours: number;
  invoices: number;
  creditNotes: number;
  invoiceLines: number;
  payments: number;
}

interface Credit {
  facility: number;
  residentId: number;
  invoiceId: number;
  days: number;
  unit: number;
  date: number;
}

const DEBOURS_PER_MONTH: Weighted<number> = [
  [0, 35],
  [1, 30],
  [2, 22],
  [3, 13],
];
/** Days between issue and payment: direct debits on a fixed run, cheques last. */
const PAYMENT_DELAY: Record<PaymentMethod, [number, number]> = {
  prelevement: [5, 10],
  virement: [3, 28],
  cheque: [8, 45],
};
const GIR_LABEL = { gir12: 'GIR 1-2', gir34: 'GIR 3-4', gir56: 'GIR 5-6' } as const;

/** "mai 2025" for a whole month, "du 12 au 31 mai 2025" for part of one. */
function stayLabel(month: Month, from: number, to: number): string {
  const name = `${MONTH_NAMES[month.month - 1] ?? ''} ${month.year}`;
  if (from === month.start && to === month.end) return name;
  const first = from - month.start + 1;
  return `du ${first === 1 ? '1er' : first} au ${to - month.start} ${name}`;
}

/** Multi-row INSERTs for 1…max rows: one statement call per invoice instead of per row. */
function batch(db: Database.Database, table: string, columns: string, max: number) {
  const row = `(${columns
    .split(',')
    .map(() => '?')
    .join(', ')})`;
  return Array.from({ length: max }, (_, i) =>
    db.prepare(
      `INSERT INTO ${table} (${columns}) VALUES ${Array(i + 1)
        .fill(row)
        .join(', ')}`,
    ),
  );
}

export function billMonths(db: Database.Database, input: BillingInput): BillingFigures {
  const { rng, todayDay } = input;
  const sql = {
    invoice: db.prepare(
      `INSERT INTO invoices (facility_id, resident_id, kind, status, seq, number, period,
         issue_date, due_date, total_cents, credited_invoice_id, created_at, created_by)
       VALUES (?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lines: batch(
      db,
      'invoice_lines',
      'invoice_id, position, kind, label, quantity, unit_cents, amount_cents',
      3,
    ),
    debours: batch(db, 'debours', 'resident_id, date, label, amount_cents, invoice_id', 3),
    payment: db.prepare(
      'INSERT INTO payments (invoice_id, date, amount_cents, method, reference) VALUES (?, ?, ?, ?, ?)',
    ),
    sequence: db.prepare('INSERT INTO invoice_sequences (facility_id, next_seq) VALUES (?, ?)'),
  };
  const figures: BillingFigures = {
    debours: 0,
    invoices: 0,
    creditNotes: 0,
    invoiceLines: 0,
    payments: 0,
  };
  const seqs = input.facilityIds.map(() => 0);

  function issue(
    f: number,
    residentId: number,
    kind: 'facture' | 'avoir',
    period: string,
    day: number,
    due: string | null,
    total: number,
    credited: number | null,
  ) {
    const seq = (seqs[f] ?? 0) + 1;
    seqs[f] = seq;
    const date = isoOf(day);
    const number = `${input.codes[f] ?? ''}-${date.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
    const created = `${date}T07:30:00.000Z`;
    const facilityId = input.facilityIds[f];
    const id = Number(
      sql.invoice.run(
        facilityId,
        residentId,
        kind,
        seq,
        number,
        period,
        date,
        due,
        total,
        credited,
        created,
        input.billingUser,
      ).lastInsertRowid,
    );
    figures.invoices++;
    return { id, number };
  }

  /** Rows: kind, label, quantity, unit price. */
  function lines(invoice: number, rows: [string, string, number, number][]) {
    const values: (string | number)[] = [];
    rows.forEach(([kind, label, qty, unit], i) => {
      values.push(invoice, i + 1, kind, label, qty, unit, qty * unit);
    });
    sql.lines[rows.length - 1]?.run(values);
    figures.invoiceLines += rows.length;
  }

  function pay(
    r: BilledResident,
    invoice: { id: number; number: string },
    amount: number,
    day: number,
  ) {
    const method = r.plan.method;
    const reference =
      method === 'prelevement'
        ? `PRLV SEPA ${invoice.number}`
        : method === 'virement'
          ? r.virement
          : `Chèque n° ${rng.int(1_000_000, 9_999_999)}`;
    sql.payment.run(invoice.id, isoOf(day), amount, method, reference);
    figures.payments++;
  }

  input.months.forEach((month, index) => {
    const recent = index >= input.months.length - 3;
    const due = isoOf(month.end + 15);
    const dates = Array.from({ length: month.end - month.start }, (_, d) => isoOf(month.start + d));
    const credits: Credit[] = [];
    const items: [number, number, string][] = []; // the month's débours: day, cents, label
    db.transaction(() => {
      for (const r of input.residents) {
        const from = Math.max(r.plan.admission, month.start);
        const to = Math.min(r.plan.discharge ?? month.end, month.end);
        const days = to - from;
        if (days <= 0) continue;
        const t = input.tariffs.get(`${r.facility}:${month.year}`) as TariffBase;
        items.length = 0;
        let deboursTotal = 0;
        for (let n = rng.weighted(DEBOURS_PER_MONTH); n > 0; n--) {
          const kind = rng.weighted(DEBOURS);
          const cents = rng.int(kind.min / 10, kind.max / 10) * 10;
          items.push([from + rng.int(0, days - 1), cents, kind.label]);
          deboursTotal += cents;
        }
        const total = days * (t.hebergement + t[r.gir]) + deboursTotal;
        const invoice = issue(
          r.facility,
          r.id,
          'facture',
          month.period,
          month.end,
          due,
          total,
          null,
        );
        const stay = stayLabel(month, from, to);
        const rows: [string, string, number, number][] = [
          ['hebergement', `Hébergement – ${stay}`, days, t.hebergement],
          ['dependance', `Dépendance ${GIR_LABEL[r.gir]} – ${stay}`, days, t[r.gir]],
        ];
        if (deboursTotal > 0) {
          rows.push(['debours', 'Débours (voir relevé joint)', 1, deboursTotal]);
          items.sort((a, b) => a[0] - b[0]);
          const values: (string | number)[] = [];
          for (const [day, cents, label] of items) {
            values.push(r.id, dates[day - month.start] ?? '', label, cents, invoice.id);
          }
          sql.debours[items.length - 1]?.run(values);
          figures.debours += items.length;
        }
        lines(invoice.id, rows);
        // Recent months keep unpaid and partly paid invoices for the reminders; a payment
        // that would fall after today has simply not arrived yet.
        const roll = rng.next();
        const paid =
          roll < (recent ? 0.08 : 0.004)
            ? 0
            : roll < (recent ? 0.1 : 0.007)
              ? Math.round((total * rng.int(30, 80)) / 100)
              : total;
        const [soonest, latest] = PAYMENT_DELAY[r.plan.method];
        const paidOn = month.end + rng.int(soonest, latest);
        if (paid > 0 && paidOn <= todayDay) pay(r, invoice, paid, paidOn);
        if (days >= 3 && rng.chance(0.004)) {
          const date = month.end + rng.int(4, 20);
          const creditDays = rng.int(2, Math.min(6, days));
          if (date <= todayDay) {
            credits.push({
              facility: r.facility,
              residentId: r.id,
              invoiceId: invoice.id,
              days: creditDays,
              unit: t.hebergement,
              date,
            });
          }
        }
      }
      // Credit notes follow the month's invoices in date order, before the next month's
      // invoices (issued on the 1st): numbers follow time.
      credits.sort((a, b) => a.date - b.date);
      for (const c of credits) {
        const note = issue(
          c.facility,
          c.residentId,
          'avoir',
          month.period,
          c.date,
          null,
          -c.days * c.unit,
          c.invoiceId,
        );
        const label = `Absence pour hospitalisation – ${c.days} jours déduits`;
        lines(note.id, [['absence', label, c.days, -c.unit]]);
        figures.creditNotes++;
      }
    }).immediate();
  });

  db.transaction(() => {
    input.facilityIds.forEach((id, f) => sql.sequence.run(id, (seqs[f] ?? 0) + 1));
  }).immediate();
  return figures;
}
