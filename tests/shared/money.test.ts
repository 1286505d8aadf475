import { describe, expect, it } from 'vitest';
import { formatDateFr, formatEuros, formatPeriodFr, formatQuantity } from '../../src/shared/money';

const NNBSP = '\u202f'; // narrow no-break space, between thousands
const NBSP = '\u00a0'; // no-break space, before the euro sign

describe('French money and dates', () => {
  it('formats integer cents as euros with the no-break spaces Intl gives', () => {
    expect(formatEuros(123456)).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatEuros(0)).toBe(`0,00${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuros(6850)).toBe(`68,50${NBSP}€`);
    expect(formatEuros(-6000)).toBe(`-60,00${NBSP}€`);
    expect(formatEuros(123456789012)).toBe(`1${NNBSP}234${NNBSP}567${NNBSP}890,12${NBSP}€`);
    // Every cent prints as itself: no binary floating-point drift on the way.
    for (let cents = 0; cents < 300_000; cents += 97) {
      const euros = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
      const expected = `${euros},${String(cents % 100).padStart(2, '0')} €`;
      expect(formatEuros(cents).replace(/[\u202f\u00a0]/g, ' ')).toBe(expected);
    }
  });

  it('refuses anything but a safe integer number of cents', () => {
    expect(() => formatEuros(12.5)).toThrow(/centimes entier/);
    expect(() => formatEuros(Number.NaN)).toThrow(RangeError);
    expect(() => formatEuros(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatEuros(2 ** 53)).toThrow(RangeError);
  });

  it('formats quantities the French way', () => {
    expect(formatQuantity(30)).toBe('30');
    expect(formatQuantity(1.5)).toBe('1,5');
    expect(formatQuantity(-3)).toBe('-3');
    expect(formatQuantity(1234)).toBe(`1${NNBSP}234`);
    expect(() => formatQuantity(Number.NaN)).toThrow(RangeError);
  });

  it('prints dates as DD/MM/YYYY and refuses impossible ones', () => {
    expect(formatDateFr('2026-09-01')).toBe('01/09/2026');
    expect(formatDateFr('2024-02-29')).toBe('29/02/2024');
    expect(formatDateFr('2026-12-31')).toBe('31/12/2026');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-9-1', '01/09/2026', '']) {
      expect(() => formatDateFr(bad)).toThrow(/AAAA-MM-JJ/);
    }
  });

  it('names periods by their French month', () => {
    expect(formatPeriodFr('2026-09')).toBe('septembre 2026');
    expect(formatPeriodFr('2027-02')).toBe('février 2027');
    expect(formatPeriodFr('2026-08')).toBe('août 2026');
    expect(formatPeriodFr('2026-12')).toBe('décembre 2026');
    for (const bad of ['2026-00', '2026-13', '202609', '2026-9', 'septembre 2026']) {
      expect(() => formatPeriodFr(bad)).toThrow(/AAAA-MM/);
    }
  });
});
