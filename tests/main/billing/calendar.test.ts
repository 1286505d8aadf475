// Billing dates: strict parsing, month lengths (leap years included), half-open ranges, French
// wording of days and ranges, and the same answers whatever the machine's time zone.
import { afterEach, describe, expect, it } from 'vitest';
import {
  contains,
  daysInMonth,
  frenchDay,
  frenchRange,
  inclusiveRange,
  intersect,
  isIsoDate,
  isoOfDay,
  monthRange,
  parseDay,
  periodLabel,
  rangeLength,
} from '../../../src/main/billing/calendar';

const day = parseDay;

describe('parseDay / isoOfDay', () => {
  it('number days from 1970-01-01 and round-trip', () => {
    expect(day('1970-01-01')).toBe(0);
    expect(day('1970-01-02')).toBe(1);
    // 2026-09-01: 56 years of 365 days + 14 leap days (1972…2024) + 243 days (Jan–Aug).
    expect(day('2026-09-01')).toBe(56 * 365 + 14 + 243);
    for (const iso of ['2024-02-29', '2026-03-29', '2026-10-25', '2099-12-31', '1936-04-12']) {
      expect(isoOfDay(day(iso))).toBe(iso);
    }
  });

  it('refuse what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-9-1', '']) {
      expect(() => day(bad), bad).toThrow(RangeError);
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('months', () => {
  it('have their real length', () => {
    expect(daysInMonth('2026-09')).toBe(30);
    expect(daysInMonth('2026-12')).toBe(31);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28); // divisible by 100, not by 400
    expect(daysInMonth('2000-02')).toBe(29);
  });

  it('run from the 1st to the 1st of the next month, across a new year', () => {
    expect(monthRange('2026-12')).toEqual({ start: day('2026-12-01'), end: day('2027-01-01') });
    expect(periodLabel('2026-08')).toBe('août 2026');
  });

  it('refuse a malformed period', () => {
    for (const bad of ['2026-13', '2026-00', '2026-9', '2026-09-01', 'septembre']) {
      expect(() => monthRange(bad), bad).toThrow(RangeError);
    }
  });
});

describe('ranges', () => {
  const september = monthRange('2026-09');

  it('intersect as half-open ranges: touching ranges share no day', () => {
    const stay = { start: day('2026-09-17'), end: Infinity };
    expect(intersect(september, stay)).toEqual({
      start: day('2026-09-17'),
      end: day('2026-10-01'),
    });
    expect(rangeLength(intersect(september, stay)!)).toBe(14);
    // Left on 1 September: the departure day is not billed, so nothing in September.
    expect(intersect(september, { start: day('2026-03-01'), end: day('2026-09-01') })).toBeNull();
    expect(intersect(september, { start: day('2026-10-01'), end: Infinity })).toBeNull();
  });

  it('turn stored inclusive dates into half-open ranges', () => {
    const absence = inclusiveRange('2026-09-10', '2026-09-14');
    expect(rangeLength(absence)).toBe(5);
    expect(contains(absence, day('2026-09-14'))).toBe(true);
    expect(contains(absence, day('2026-09-15'))).toBe(false);
    expect(inclusiveRange('2026-09-25', null).end).toBe(Infinity);
  });
});

describe('French wording', () => {
  it('writes the first of the month as 1er', () => {
    expect(frenchDay(day('2026-09-01'))).toBe('1er septembre 2026');
    expect(frenchDay(day('2026-09-21'), false)).toBe('21 septembre');
  });

  it('says a range the way an invoice line does', () => {
    expect(frenchRange(day('2026-09-01'), day('2026-09-30'))).toBe('du 1er au 30 septembre 2026');
    expect(frenchRange(day('2026-09-17'), day('2026-09-17'))).toBe('le 17 septembre 2026');
    expect(frenchRange(day('2026-08-30'), day('2026-09-04'))).toBe(
      'du 30 août au 4 septembre 2026',
    );
    expect(frenchRange(day('2026-09-10'), day('2026-09-14'), false)).toBe('du 10 au 14 septembre');
    // Across a new year both years stay, with or without the year asked for.
    expect(frenchRange(day('2025-12-28'), day('2026-01-03'), false)).toBe(
      'du 28 décembre 2025 au 3 janvier 2026',
    );
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('do not move a day, even at the ends of the earth or across a DST change', () => {
    const answers = (): unknown[] => [
      day('2026-03-29'),
      isoOfDay(day('2026-10-25')),
      monthRange('2026-10'),
      frenchRange(day('2026-10-01'), day('2026-10-31')),
    ];
    process.env.TZ = 'UTC';
    const utc = answers();
    for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Europe/Paris']) {
      process.env.TZ = zone;
      expect(answers(), zone).toEqual(utc);
    }
  });
});
