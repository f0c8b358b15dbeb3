import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyDateBetween } from './calendar.testing.ts';
import { addDays, daysBetween } from './dates.ts';
import {
  daysBeginningWith,
  endOfFinancialYear,
  financialYearOf,
  financialYearStarting,
  parseFinancialYear,
  weeksBeginningWith,
  withinDaysOf,
} from './periods.ts';

const anyDate = anyDateBetween('1950-01-01', '2100-12-31');

describe('weeksBeginningWith', () => {
  it('counts the day of notification as the first day', () => {
    // Notified on Monday 3 June 2024: the 3 weeks end on Sunday 23 June.
    expect(weeksBeginningWith('2024-06-03', 3)).toBe('2024-06-23');
    expect(weeksBeginningWith('2024-06-03', 1)).toBe('2024-06-09');
  });

  it('crosses February in leap and common years', () => {
    expect(weeksBeginningWith('2024-02-26', 1)).toBe('2024-03-03');
    expect(weeksBeginningWith('2023-02-26', 1)).toBe('2023-03-04');
  });

  it('rejects a period of no weeks', () => {
    expect(() => weeksBeginningWith('2024-06-03', 0)).toThrow(RangeError);
  });

  it('always spans exactly 7n days including the first', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 52 }), (date, n) => {
        expect(daysBetween(date, weeksBeginningWith(date, n)) + 1).toBe(7 * n);
      }),
    );
  });
});

describe('daysBeginningWith and withinDaysOf', () => {
  it('includes the first day when the statute says "beginning with"', () => {
    expect(daysBeginningWith('2024-06-03', 1)).toBe('2024-06-03');
    expect(daysBeginningWith('2024-06-03', 28)).toBe('2024-06-30');
    expect(() => daysBeginningWith('2024-06-03', 0)).toThrow(RangeError);
  });

  it('excludes the day of the event otherwise (56 days to answer an HMICFRS report)', () => {
    expect(withinDaysOf('2024-01-10', 56)).toBe('2024-03-06');
    expect(withinDaysOf('2023-01-10', 56)).toBe('2023-03-07');
    expect(withinDaysOf('2024-01-10', 0)).toBe('2024-01-10');
  });

  it('"within n days of" ends one day after "n days beginning with"', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (date, n) => {
        expect(withinDaysOf(date, n)).toBe(addDays(daysBeginningWith(date, n), 1));
      }),
    );
  });
});

describe('financial years', () => {
  it('runs from 1 April to 31 March', () => {
    expect(financialYearOf('2024-05-02')).toEqual({
      label: '2024-25',
      startYear: 2024,
      start: '2024-04-01',
      end: '2025-03-31',
    });
    expect(financialYearOf('2025-03-31').label).toBe('2024-25');
    expect(financialYearOf('2025-04-01').label).toBe('2025-26');
    expect(financialYearOf('2024-01-01').label).toBe('2023-24');
  });

  it('labels the year across a century as the second year ends', () => {
    expect(financialYearStarting(1999).label).toBe('1999-00');
    expect(financialYearStarting(2009).label).toBe('2009-10');
  });

  it('gives the plan deadline after a May election', () => {
    expect(endOfFinancialYear('2024-05-02')).toBe('2025-03-31');
    expect(endOfFinancialYear('2021-05-06')).toBe('2022-03-31');
  });

  it('reads a label back and refuses a label that does not match a year', () => {
    expect(parseFinancialYear('2024-25')).toEqual(financialYearStarting(2024));
    expect(parseFinancialYear('1999-00').end).toBe('2000-03-31');
    for (const label of ['2024-26', '2024/25', '2024-2025', '24-25', '', '0000-01']) {
      expect(() => parseFinancialYear(label)).toThrow(RangeError);
    }
  });

  it('always contains the date it was asked about and lasts a year', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const year = financialYearOf(date);
        expect(year.start <= date && date <= year.end).toBe(true);
        expect(year.start.slice(4)).toBe('-04-01');
        expect([364, 365]).toContain(daysBetween(year.start, year.end));
        expect(parseFinancialYear(year.label)).toEqual(year);
      }),
    );
  });
});
