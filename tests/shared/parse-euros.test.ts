// Amounts typed by billing staff, parsed into integer cents.
import { describe, expect, it } from 'vitest';
import { formatEuros, parseEuros } from '../../src/shared/money';

describe('parseEuros', () => {
  it('reads amounts typed the French way, and the keypad’s point', () => {
    expect(parseEuros('68,50')).toBe(6850);
    expect(parseEuros('68,5')).toBe(6850);
    expect(parseEuros('68')).toBe(6800);
    expect(parseEuros(' 20,00 € ')).toBe(2000);
    expect(parseEuros('68.50')).toBe(6850);
    expect(parseEuros('1 234,56')).toBe(123456);
    expect(parseEuros('1.234,56')).toBe(123456);
    expect(parseEuros('0,29')).toBe(29);
    expect(parseEuros('0')).toBe(0);
    expect(parseEuros('-12,30')).toBe(-1230);
  });

  it('reads back what formatEuros prints, with its no-break spaces', () => {
    for (const cents of [0, 5, 29, 6850, 123456, 987654321]) {
      expect(parseEuros(formatEuros(cents))).toBe(cents);
    }
  });

  it('refuses what is not an amount to the cent', () => {
    for (const text of ['', ' ', 'abc', '68,505', '68,', ',50', '1,2,3', '12.345.6', '6 8x', '€']) {
      expect(parseEuros(text)).toBeNull();
    }
    expect(parseEuros('99999999999999999999')).toBeNull();
  });
});
