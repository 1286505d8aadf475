// Amounts and whole numbers as the settings forms show and read them: "68,50", never cents.
import { parseEuros } from '../../../shared/money';

/** `6850` → `68,50`: what the user edits (no euro sign, no thousands spaces). */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A non-negative amount in cents, or null with the field's label in `problems`. */
export function readAmount(
  text: string,
  label: string,
  problems: string[],
  say: (l: string) => string,
) {
  const cents = parseEuros(text);
  if (cents === null || cents < 0) problems.push(say(label));
  return cents ?? 0;
}

/** A non-negative whole number, or null with the field's label in `problems`. */
export function readWhole(
  text: string,
  label: string,
  problems: string[],
  say: (l: string) => string,
) {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) problems.push(say(label));
  return Number(trimmed);
}
