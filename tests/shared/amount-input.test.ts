// Amounts typed by hand in a form (débours) into integer cents, within 0,01 € … 10 000 €, with
// French reasons for what is refused.
import { describe, expect, it } from 'vitest';
import { centsToInput, parseAmountInput } from '../../src/shared/money';

const cents = (text: string) => {
  const parsed = parseAmountInput(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cents;
};
const error = (text: string) => {
  const parsed = parseAmountInput(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused`);
  return parsed.error;
};

describe('parseAmountInput', () => {
  it('reads the French and the dotted forms into the same cents', () => {
    expect(cents('18,45')).toBe(1845);
    expect(cents('18.45')).toBe(1845);
    expect(cents('18')).toBe(1800);
    expect(cents('18,5')).toBe(1850);
    expect(cents(' 0,01 ')).toBe(1);
    expect(cents('1 234,56 €')).toBe(123456);
    expect(cents('1\u202f234,56\u00a0€')).toBe(123456);
    expect(cents('10000')).toBe(1_000_000);
    expect(cents('007,10')).toBe(710);
  });

  it('never goes through a float: every cent from 0,01 to 100,00 comes back exact', () => {
    for (let n = 1; n <= 10_000; n++) {
      expect(cents(`${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`)).toBe(n);
    }
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(cents('0,29')).toBe(29);
    expect(cents('1.15')).toBe(115);
  });

  it('refuses what is not an amount, with a French reason', () => {
    expect(error('')).toMatch(/Saisissez un montant/);
    expect(error('abc')).toMatch(/Montant invalide/);
    expect(error('18,456')).toMatch(/deux décimales/);
    expect(error('-5')).toMatch(/Montant invalide/);
    expect(error('18,')).toMatch(/Montant invalide/);
    expect(error('1e3')).toMatch(/Montant invalide/);
  });

  it('keeps a typed amount between 0,01 € and 10 000 €', () => {
    expect(error('0')).toMatch(/au moins 0,01/);
    expect(error('0,00')).toMatch(/au moins/);
    expect(error('10000,01')).toMatch(/dépasser 10\s000,00/);
    expect(error('123456789')).toMatch(/dépasser/);
  });

  it('gives an amount back as the user types it', () => {
    expect(centsToInput(1845)).toBe('18,45');
    expect(centsToInput(5)).toBe('0,05');
    expect(centsToInput(100000)).toBe('1000,00');
    expect(parseAmountInput(centsToInput(98765))).toEqual({ ok: true, cents: 98765 });
  });
});
