// Calendar arithmetic for billing. Dates travel as 'YYYY-MM-DD' strings (as stored) and are
// turned into whole day numbers (days since 1970-01-01, UTC) for counting, so that no local
// time zone or daylight-saving change can shift a day. Ranges are half-open [start, end):
// `end` is the first day not included, which is how a stay is billed (departure day free).
const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export type Day = number;

/** Half-open: `start` included, `end` excluded; `end` may be Infinity (no end yet). */
export interface DayRange {
  start: Day;
  end: Day;
}

export const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

/** The day number of an ISO date; throws on anything that is not a real calendar date. */
export function parseDay(iso: string): Day {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const day = Date.UTC(y, m - 1, d) / DAY_MS;
    // Date.UTC rolls 2026-02-30 over to March 2nd: the round trip catches it.
    if (m >= 1 && m <= 12 && isoOfDay(day) === iso) return day;
  }
  throw new RangeError(`date invalide : ${iso}`);
}

export function isoOfDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  try {
    parseDay(text);
    return true;
  } catch {
    return false;
  }
}

/** Year and month (1–12) of a day. */
function partsOf(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** The days of a billing period 'YYYY-MM': from the 1st to the 1st of the next month. */
export function monthRange(period: string): DayRange {
  const match = PERIOD.exec(period);
  const [year, month] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || month < 1 || month > 12) throw new RangeError(`période invalide : ${period}`);
  return { start: Date.UTC(year, month - 1, 1) / DAY_MS, end: Date.UTC(year, month, 1) / DAY_MS };
}

export function daysInMonth(period: string): number {
  const { start, end } = monthRange(period);
  return end - start;
}

/** "septembre 2026". */
export function periodLabel(period: string): string {
  const { year, month } = partsOf(monthRange(period).start);
  return `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** From `first` to `last`, both included, as stored for tariffs and absences; null = open. */
export function inclusiveRange(first: string, last: string | null): DayRange {
  return { start: parseDay(first), end: last === null ? Infinity : parseDay(last) + 1 };
}

/** The days two ranges share, or null when they share none. */
export function intersect(a: DayRange, b: DayRange): DayRange | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : null;
}

export function rangeLength(range: DayRange): number {
  return range.end - range.start;
}

export function contains(range: DayRange, day: Day): boolean {
  return day >= range.start && day < range.end;
}

/** "1er", "2", … "31": French writes the first of the month as an ordinal. */
function dateNumber(date: number): string {
  return date === 1 ? '1er' : String(date);
}

/** "1er septembre 2026", or "1er septembre" without the year. */
export function frenchDay(day: Day, withYear = true): string {
  const { year, month, date } = partsOf(day);
  const text = `${dateNumber(date)} ${MONTH_NAMES[month - 1] ?? ''}`;
  return withYear ? `${text} ${year}` : text;
}

/**
 * A range of days from `first` to `last`, both included, as an invoice line says it:
 * "le 3 septembre 2026", "du 1er au 30 septembre 2026", "du 30 août au 4 septembre 2026",
 * "du 28 décembre 2025 au 3 janvier 2026". Without the year, a range within one year drops
 * it; a range across two years keeps both, or it would read backwards.
 */
export function frenchRange(first: Day, last: Day, withYear = true): string {
  const a = partsOf(first);
  const b = partsOf(last);
  const year = withYear ? ` ${b.year}` : '';
  if (first === last) return `le ${frenchDay(first, false)}${year}`;
  if (a.year !== b.year) return `du ${frenchDay(first)} au ${frenchDay(last)}`;
  if (a.month === b.month) {
    return `du ${dateNumber(a.date)} au ${frenchDay(last, false)}${year}`;
  }
  return `du ${frenchDay(first, false)} au ${frenchDay(last, false)}${year}`;
}
