import { describe, expect, it } from 'vitest';
import { formatIban, isBic, isFiness, isIban, isSiret } from '../../src/shared/identifiers';

describe('French identifiers', () => {
  it('check SIRET keys (Luhn)', () => {
    expect(isSiret('732 829 320 00074')).toBe(true);
    expect(isSiret('73282932000075')).toBe(false);
    expect(isSiret('7328293200007')).toBe(false);
  });

  it('check IBAN keys (mod 97) and print them in groups of four', () => {
    expect(isIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isIban('fr7630006000011234567890189')).toBe(true);
    expect(isIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(formatIban('fr7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });

  it('check FINESS and BIC shapes', () => {
    expect(isFiness('440012345')).toBe(true);
    expect(isFiness('2A0001234')).toBe(true);
    expect(isFiness('44001234')).toBe(false);
    expect(isBic('CCBPFRPPNAN')).toBe(true);
    expect(isBic('AGRIFRPP')).toBe(true);
    expect(isBic('AGRIFRP')).toBe(false);
  });
});
