// One resident's invoice for one month, computed from plain data: no database, no clock, so
// every rule below is shown by a worked example in tests/main/billing/compute.test.ts.
//
// Day counting (French practice, and how the family reads the invoice):
// - A stay covers the admission day up to, not including, the departure day: admitted on the
//   17th of a 30-day month = 14 days (17…30); leaving on the 20th = days 1…19 billed.
// - An absence covers `startDate` to `endDate`, both included (`endDate` is the last day away;
//   the return day is billed normally); no `endDate` = still away. Its days are numbered from
//   its own start, even when it began the month before.
// - A threshold of N hours leaves the first ceil(N / 24) days of each absence billed as if
//   present (72 h = days 1–3). From the next day on, the hébergement price is reduced by the
//   rule's amount (never below zero) and dépendance is not billed unless the facility says so.
//   The reduction is a separate negative line per absence, so the hébergement line keeps
//   showing the whole stay and the family sees what was deducted and why.
// - Tariffs (valid_from…valid_to, both included) and GIR (from each `validFrom`) may change
//   mid-month: consecutive days at one price (and GIR group) make one line. Before the first
//   recorded GIR the first one applies; a null GIR bills no dépendance.
// - The débours not yet invoiced are totalled on one line; the relevé lists them one by one.
// Money is integer cents and only ever multiplied by whole days, so nothing is rounded.
// computeCreditNote reverses chosen lines (or days of them) of an issued invoice: the avoir.
import {
  contains,
  frenchDay,
  frenchRange,
  inclusiveRange,
  intersect,
  isoOfDay,
  monthRange,
  parseDay,
  rangeLength,
  type Day,
  type DayRange,
} from './calendar';

export interface BillingRules {
  hospitalisationThresholdHours: number;
  hospitalisationReductionCents: number;
  personalLeaveThresholdHours: number;
  personalLeaveReductionCents: number;
  billDependanceDuringAbsence: boolean;
}

export interface TariffPeriod {
  validFrom: string;
  validTo: string | null;
  hebergementCents: number;
  dependanceGir12Cents: number;
  dependanceGir34Cents: number;
  dependanceGir56Cents: number;
}

export type AbsenceKind = 'hospitalisation' | 'convenances_personnelles';

export interface BillingInput {
  period: string /* YYYY-MM */;
  admissionDate: string;
  dischargeDate: string | null;
  girHistory: { validFrom: string; gir: number | null }[];
  tariffs: TariffPeriod[];
  absences: { kind: AbsenceKind; startDate: string; endDate: string | null }[];
  debours: { date: string; label: string; amountCents: number }[];
  rules: BillingRules;
}

export type LineKind = 'hebergement' | 'dependance' | 'absence' | 'debours';

export interface ComputedLine {
  kind: LineKind;
  label: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
}

export interface ComputedInvoice {
  lines: ComputedLine[];
  totalCents: number;
  /** Days of stay in the month, absences included. */
  presentDays: number;
}

/** The data cannot be billed as it stands (a day without tariff): the user must fix it. */
export class BillingDataError extends Error {
  constructor(
    readonly reason: 'NO_TARIFF',
    readonly date: string,
  ) {
    super(`aucun tarif en vigueur le ${date}`);
    this.name = 'BillingDataError';
  }
}

export const DEBOURS_LINE_LABEL = 'Débours du mois (voir relevé)';

const ABSENCE_LABELS: Record<AbsenceKind, { name: string; reduction: string }> = {
  hospitalisation: { name: 'hospitalisation', reduction: 'réduction forfait journalier' },
  convenances_personnelles: { name: 'convenances personnelles', reduction: 'réduction' },
};

type GirGroup = '1-2' | '3-4' | '5-6';

const GROUP_PRICE: Record<GirGroup, (t: TariffPeriod) => number> = {
  '1-2': (t) => t.dependanceGir12Cents,
  '3-4': (t) => t.dependanceGir34Cents,
  '5-6': (t) => t.dependanceGir56Cents,
};

interface DayState {
  day: Day;
  hebergementCents: number;
  dependance: { group: GirGroup; cents: number } | null;
  /** Index into the sorted absences when this day is past that absence's threshold. */
  reducedBy: number | null;
  reductionCents: number;
}

interface Absence {
  kind: AbsenceKind;
  range: DayRange;
  freeDays: number;
  reductionCents: number;
}

function cents(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} : montant non entier ${value}`);
  return value;
}

function girGroup(gir: number): GirGroup {
  if (!Number.isInteger(gir) || gir < 1 || gir > 6) throw new RangeError(`GIR invalide : ${gir}`);
  return gir <= 2 ? '1-2' : gir <= 4 ? '3-4' : '5-6';
}

function absencesOf({ absences, rules }: BillingInput): Absence[] {
  return absences
    .map((a) => {
      const [hours, reduction] =
        a.kind === 'hospitalisation'
          ? [rules.hospitalisationThresholdHours, rules.hospitalisationReductionCents]
          : [rules.personalLeaveThresholdHours, rules.personalLeaveReductionCents];
      return {
        kind: a.kind,
        range: inclusiveRange(a.startDate, a.endDate),
        // A day is past the threshold only when it lies wholly after it: 60 h frees 3 days.
        freeDays: Math.ceil(Math.max(0, hours) / 24),
        reductionCents: cents(reduction, 'réduction'),
      };
    })
    .sort((x, y) => x.range.start - y.range.start);
}

/** What each day of the stay costs, before grouping days into lines. */
function dayStates(input: BillingInput, stay: DayRange, absences: Absence[]): DayState[] {
  const tariffs = input.tariffs
    .map((t) => ({ ...t, range: inclusiveRange(t.validFrom, t.validTo) }))
    .sort((a, b) => b.range.start - a.range.start); // latest first: it wins an overlap
  const girs = input.girHistory
    .map((g) => ({ from: parseDay(g.validFrom), gir: g.gir }))
    .sort((a, b) => a.from - b.from);
  const states: DayState[] = [];
  for (let day = stay.start; day < stay.end; day++) {
    const tariff = tariffs.find((t) => contains(t.range, day));
    if (!tariff) throw new BillingDataError('NO_TARIFF', isoOfDay(day));
    const gir = (girs.findLast((g) => g.from <= day) ?? girs[0])?.gir ?? null;
    const group = gir === null ? null : girGroup(gir);
    const hebergementCents = cents(tariff.hebergementCents, 'prix de journée');
    // Overlapping absences (a data slip) must not reduce a day twice: the earliest governs.
    const index = absences.findIndex((a) => contains(a.range, day));
    const absence = absences[index];
    const reduced = absence !== undefined && day - absence.range.start >= absence.freeDays;
    const dependanceBilled = !reduced || input.rules.billDependanceDuringAbsence;
    states.push({
      day,
      hebergementCents,
      dependance:
        group === null || !dependanceBilled
          ? null
          : { group, cents: cents(GROUP_PRICE[group](tariff), 'tarif dépendance') },
      reducedBy: reduced ? index : null,
      reductionCents: reduced ? Math.min(absence.reductionCents, hebergementCents) : 0,
    });
  }
  return states;
}

/** Runs of consecutive days with the same key (null = day not on such a line). */
function runs(states: DayState[], keyOf: (s: DayState) => string | null) {
  const out: { first: DayState; last: Day; key: string }[] = [];
  for (const state of states) {
    const key = keyOf(state);
    const run = out.at(-1);
    if (key === null) continue;
    if (run && run.last === state.day - 1 && run.key === key) run.last = state.day;
    else out.push({ first: state, last: state.day, key });
  }
  return out.map((r) => ({ ...r, days: r.last - r.first.day + 1 }));
}

function line(kind: LineKind, label: string, quantity: number, unitCents: number): ComputedLine {
  return { kind, label, quantity, unitCents, amountCents: quantity * unitCents };
}

function absenceLines(absences: Absence[], states: DayState[]): ComputedLine[] {
  return absences.flatMap((absence, index) => {
    // A capped reduction can differ from day to day; one line per amount keeps qty × unit.
    const daysByAmount = new Map<number, number>();
    for (const s of states) {
      if (s.reducedBy !== index || s.reductionCents === 0) continue;
      daysByAmount.set(s.reductionCents, (daysByAmount.get(s.reductionCents) ?? 0) + 1);
    }
    const { name, reduction } = ABSENCE_LABELS[absence.kind];
    const when =
      absence.range.end === Infinity
        ? `depuis le ${frenchDay(absence.range.start, false)}`
        : frenchRange(absence.range.start, absence.range.end - 1, false);
    return [...daysByAmount].map(([amount, days]) => {
      const label = `Absence pour ${name} ${when} : ${reduction} (${days} jour${days > 1 ? 's' : ''})`;
      return line('absence', label, days, -amount);
    });
  });
}

export function computeInvoice(input: BillingInput): ComputedInvoice | null {
  const month = monthRange(input.period);
  const admission = parseDay(input.admissionDate);
  const departure = input.dischargeDate === null ? Infinity : parseDay(input.dischargeDate);
  const stay = intersect(month, { start: admission, end: departure });
  if (stay === null) return null;
  const absences = absencesOf(input);
  const states = dayStates(input, stay, absences);

  const lines: ComputedLine[] = [];
  for (const run of runs(states, (s) => String(s.hebergementCents))) {
    const label = `Hébergement ${frenchRange(run.first.day, run.last)}`;
    lines.push(line('hebergement', label, run.days, run.first.hebergementCents));
  }
  const dependanceKey = (s: DayState) =>
    s.dependance && `${s.dependance.group}:${s.dependance.cents}`;
  for (const run of runs(states, dependanceKey)) {
    const { group, cents: unit } = run.first.dependance ?? { group: '', cents: 0 };
    const label = `Dépendance GIR ${group} ${frenchRange(run.first.day, run.last)}`;
    lines.push(line('dependance', label, run.days, unit));
  }
  lines.push(...absenceLines(absences, states));
  if (input.debours.length > 0) {
    const total = input.debours.reduce((sum, d) => sum + cents(d.amountCents, d.label), 0);
    lines.push(line('debours', DEBOURS_LINE_LABEL, 1, total));
  }
  return {
    lines,
    totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
    presentDays: rangeLength(stay),
  };
}

/** A line of the original invoice (its index) to credit, and how many days of it (all). */
export interface CreditRequest {
  line: number;
  quantity?: number;
}

/**
 * An avoir (DESIGN rule 3: an issued invoice is corrected, never edited): the chosen lines of
 * the original with their sign reversed, each naming the invoice so the avoir reads on its
 * own. A partial credit gives back whole days at the original unit price.
 */
export function computeCreditNote(
  original: { number: string; lines: readonly ComputedLine[] },
  toCredit: readonly CreditRequest[] | 'all',
): { lines: ComputedLine[]; totalCents: number } {
  const requests: readonly CreditRequest[] =
    toCredit === 'all' ? original.lines.map((_, i) => ({ line: i })) : toCredit;
  if (requests.length === 0) throw new RangeError('aucune ligne à créditer');
  const seen = new Set<number>();
  const lines = requests.map(({ line: index, quantity }): ComputedLine => {
    const source = original.lines[index];
    if (!source || seen.has(index)) throw new RangeError(`ligne ${index} absente ou en double`);
    seen.add(index);
    const days = quantity ?? source.quantity;
    if (!Number.isInteger(days) || days < 1 || days > source.quantity) {
      throw new RangeError(`quantité ${days} hors de 1…${source.quantity} (ligne ${index})`);
    }
    const whole = days === source.quantity;
    const part = whole ? '' : ` (${days} jour${days > 1 ? 's' : ''} sur ${source.quantity})`;
    return {
      kind: source.kind,
      label: `Avoir sur facture ${original.number} : ${source.label}${part}`,
      quantity: days,
      // 0 - x, not -x: a zero stays 0 rather than -0.
      unitCents: 0 - source.unitCents,
      amountCents: whole ? 0 - source.amountCents : 0 - days * source.unitCents,
    };
  });
  return { lines, totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0) };
}
