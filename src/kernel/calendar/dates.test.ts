import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyDateBetween } from './calendar.testing.ts';
import {
  addDays,
  calendarDate,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  isWeekend,
  parseIsoDate,
} from './dates.ts';

/** Any date from 1900 to 2100, for property tests. */
const anyDate = anyDateBetween('1900-01-01', '2100-12-31');

describe('isIsoDate and parseIsoDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    for (const date of ['2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31']) {
      expect(isIsoDate(date)).toBe(true);
    }
  });

  it('rejects impossible dates and other shapes', () => {
    for (const value of [
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '0000-01-01',
    ]) {
      expect(isIsoDate(value)).toBe(false);
    }
    for (const value of ['2024-1-01', ' 2024-01-01', '2024-01-01T00:00', '01/02/2024', '', 20240101, null]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('parseIsoDate returns a good date and throws a RangeError naming a bad one', () => {
    expect(parseIsoDate('2024-06-01')).toBe('2024-06-01');
    expect(() => parseIsoDate('2024-06-31')).toThrow(/"2024-06-31"/);
  });
});

describe('calendarDate', () => {
  it('builds a date from year, month and day', () => {
    expect(calendarDate(2025, 2, 1)).toBe('2025-02-01');
    expect(calendarDate(987, 6, 5)).toBe('0987-06-05');
  });

  it('refuses a date that does not exist', () => {
    expect(() => calendarDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => calendarDate(2025, 1.5, 1)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('knows leap years, including the century rules', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('is not moved by the clock changes', () => {
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
    expect(daysBetween('2024-03-01', '2024-11-01')).toBe(245);
  });

  it('rejects fractional days and bad dates', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2024-1-1', 1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('undoes itself, and daysBetween measures it', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});

describe('dayOfWeek and isWeekend', () => {
  it('numbers the days Monday 1 to Sunday 7', () => {
    expect(dayOfWeek('2024-01-01')).toBe(1);
    expect(dayOfWeek('2024-03-31')).toBe(7);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });

  it('treats Saturday and Sunday as the weekend', () => {
    expect(['2024-06-07', '2024-06-08', '2024-06-09', '2024-06-10'].map(isWeekend)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('moves on by one each day', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(dayOfWeek(addDays(date, 1))).toBe((dayOfWeek(date) % 7) + 1);
        expect(dayOfWeek(addDays(date, 7))).toBe(dayOfWeek(date));
      }),
    );
  });
});
