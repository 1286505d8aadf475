// Dates as whole day numbers (days since 1970-01-01, UTC) so that the billing loop adds and
// compares integers, and turns them into ISO strings only when writing a row.
const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

// A few thousand distinct days cover a whole demo; Date#toISOString is slow in hot loops.
const isoCache = new Map<number, string>();

export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The local calendar date: a demo made on the evening of the 31st is still of that month. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isoOf(dayOf(text)) === text;
}

export interface Month {
  year: number;
  /** 1–12 */
  month: number;
  /** 'YYYY-MM' */
  period: string;
  /** First day of the month. */
  start: number;
  /** First day of the next month: the issue date of the month's invoices. */
  end: number;
}

export function monthOf(year: number, month: number): Month {
  return {
    year,
    month,
    period: `${year}-${String(month).padStart(2, '0')}`,
    start: Date.UTC(year, month - 1, 1) / DAY_MS,
    end: Date.UTC(year, month, 1) / DAY_MS,
  };
}

/** The `count` months before the one `today` falls in, oldest first. */
export function monthsBefore(today: string, count: number): Month[] {
  const [y = 1970, m = 1] = today.split('-').map(Number);
  const months: Month[] = [];
  for (let i = count; i >= 1; i--) {
    const index = y * 12 + (m - 1) - i;
    months.push(monthOf(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
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
