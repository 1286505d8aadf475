// The local calendar as the office sees it: today's date and month, and month arithmetic.
const pad = (n: number) => String(n).padStart(2, '0');

/** Today in local time, `YYYY-MM-DD` (not UTC: late evening must not be tomorrow). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The current month, `YYYY-MM`. */
export function currentPeriod(now = new Date()): string {
  return todayIso(now).slice(0, 7);
}

/** `2026-01`, -1 → `2025-12`. */
export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export const isPeriod = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
