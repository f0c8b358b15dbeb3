import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyDateBetween } from './calendar.testing.ts';
import { addDays } from './dates.ts';
import {
  addWorkingDays,
  clearWorkingDaysBefore,
  countWorkingDays,
  hasClearWorkingDays,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBefore,
} from './working-days.ts';

// Dates where the bank holiday list is checked against the published one (see bank-holidays.test.ts).
const anyDate = anyDateBetween('2013-02-01', '2030-11-30');
const anyCount = fc.integer({ min: 0, max: 40 });
const anyStep = fc.integer({ min: -40, max: 40 });

describe('isWorkingDay', () => {
  it('excludes weekends and bank holidays only', () => {
    expect(isWorkingDay('2024-06-07')).toBe(true); // Friday
    expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
    expect(isWorkingDay('2024-03-29')).toBe(false); // Good Friday
    expect(isWorkingDay('2022-09-19')).toBe(false); // the state funeral
    expect(isWorkingDay('2024-12-24')).toBe(true); // Christmas Eve is a working day
  });
});

describe('addWorkingDays', () => {
  it('steps over a weekend', () => {
    expect(addWorkingDays('2024-06-07', 1)).toBe('2024-06-10');
    expect(addWorkingDays('2024-06-10', -1)).toBe('2024-06-07');
  });

  it('steps over Easter', () => {
    expect(addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
    expect(addWorkingDays('2024-04-02', -1)).toBe('2024-03-28');
  });

  it('steps over Christmas, its substitute days and New Year', () => {
    expect(addWorkingDays('2024-12-24', 1)).toBe('2024-12-27');
    expect(addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
  });

  it('counts from a non-working day without counting that day', () => {
    expect(addWorkingDays('2024-06-08', 1)).toBe('2024-06-10');
    expect(addWorkingDays('2024-06-08', -1)).toBe('2024-06-07');
  });

  it('leaves the date alone for 0, even on a weekend', () => {
    expect(addWorkingDays('2024-06-08', 0)).toBe('2024-06-08');
  });

  it('counts a month of working days', () => {
    // April 2024 after Easter Monday: 21 working days, the last on 30 April.
    expect(addWorkingDays('2024-03-31', 21)).toBe('2024-04-30');
  });

  it('rejects a fractional count and a bad date', () => {
    expect(() => addWorkingDays('2024-06-07', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-06-31', 1)).toThrow(RangeError);
  });
});

describe('workingDayOnOrBefore and workingDayOnOrAfter', () => {
  it('keep a working day and move off a weekend or holiday', () => {
    expect(workingDayOnOrBefore('2024-06-07')).toBe('2024-06-07');
    expect(workingDayOnOrAfter('2024-06-07')).toBe('2024-06-07');
    expect(workingDayOnOrBefore('2024-12-29')).toBe('2024-12-27');
    expect(workingDayOnOrAfter('2024-12-25')).toBe('2024-12-27');
    expect(workingDayOnOrAfter('2024-03-29')).toBe('2024-04-02');
  });
});

describe('countWorkingDays', () => {
  it('counts both ends of the period', () => {
    expect(countWorkingDays('2024-06-10', '2024-06-14')).toBe(5);
    expect(countWorkingDays('2024-06-10', '2024-06-10')).toBe(1);
    expect(countWorkingDays('2024-06-08', '2024-06-09')).toBe(0);
    expect(countWorkingDays('2024-06-14', '2024-06-10')).toBe(0);
  });

  it('counts the working days of a month and a leap year', () => {
    expect(countWorkingDays('2024-04-01', '2024-04-30')).toBe(21);
    // 2024: 262 weekdays less 8 bank holidays.
    expect(countWorkingDays('2024-01-01', '2024-12-31')).toBe(254);
    // 2022: 260 weekdays less 10 bank holidays (the jubilee and the state funeral among them).
    expect(countWorkingDays('2022-01-01', '2022-12-31')).toBe(250);
  });

  it('rejects a bad end date rather than counting on', () => {
    expect(() => countWorkingDays('2024-01-01', 'later')).toThrow(RangeError);
  });
});

describe('workingDaysBefore', () => {
  it('counts the notice day but not the event day', () => {
    // A Thursday meeting: Monday, Tuesday and Wednesday are the 3 working days.
    expect(workingDaysBefore('2024-06-13', 3)).toBe('2024-06-10');
  });

  it('skips the Easter weekend', () => {
    expect(workingDaysBefore('2024-04-02', 2)).toBe('2024-03-27');
  });

  it('counts back from an event on a weekend', () => {
    expect(workingDaysBefore('2024-06-08', 1)).toBe('2024-06-07');
  });

  it('gives the event day itself for 0 and rejects a negative count', () => {
    expect(workingDaysBefore('2024-06-13', 0)).toBe('2024-06-13');
    expect(() => workingDaysBefore('2024-06-13', -1)).toThrow(RangeError);
  });
});

describe('clearWorkingDaysBefore', () => {
  it('leaves n whole working days between notice and meeting (Lancashire: 5 clear working days)', () => {
    // Meeting Thursday 13 June 2024: 6, 7, 10, 11 and 12 June are clear, so notice by Wednesday 5 June.
    expect(clearWorkingDaysBefore('2024-06-13', 5)).toBe('2024-06-05');
  });

  it('can land on a weekend, which workingDayOnOrBefore moves back to a working day', () => {
    // Meeting Thursday 9 January 2025, 7 clear working days: 30 and 31 December, 2, 3, 6, 7 and 8 January.
    expect(clearWorkingDaysBefore('2025-01-09', 7)).toBe('2024-12-29');
    expect(workingDayOnOrBefore(clearWorkingDaysBefore('2025-01-09', 7))).toBe('2024-12-27');
  });

  it('reaches across Christmas for a 15-day rule (Hampshire)', () => {
    // Meeting Friday 17 January 2025: the 15 clear days run back to 24 December 2024.
    expect(clearWorkingDaysBefore('2025-01-17', 15)).toBe('2024-12-23');
  });

  it('needs the notice at least the day before for 0 and rejects a negative count', () => {
    expect(clearWorkingDaysBefore('2024-06-13', 0)).toBe('2024-06-12');
    expect(() => clearWorkingDaysBefore('2024-06-13', -2)).toThrow(RangeError);
  });
});

describe('hasClearWorkingDays', () => {
  it('checks notice that has already been given', () => {
    expect(hasClearWorkingDays('2024-06-05', '2024-06-13', 5)).toBe(true);
    expect(hasClearWorkingDays('2024-06-06', '2024-06-13', 5)).toBe(false);
    expect(hasClearWorkingDays('2024-06-13', '2024-06-13', 0)).toBe(false);
    expect(hasClearWorkingDays('2024-06-14', '2024-06-13', 0)).toBe(false);
  });
});

describe('working-day properties', () => {
  it('addWorkingDays lands on a working day whenever it moves', () => {
    fc.assert(
      fc.property(anyDate, anyStep, (date, n) => {
        fc.pre(n !== 0);
        expect(isWorkingDay(addWorkingDays(date, n))).toBe(true);
      }),
    );
  });

  it('addWorkingDays moves past exactly n working days', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        expect(countWorkingDays(addDays(date, 1), addWorkingDays(date, n))).toBe(n);
        expect(countWorkingDays(addWorkingDays(date, -n), addDays(date, -1))).toBe(n);
      }),
    );
  });

  it('going forward and back returns to the date, or to the nearest working day on the side left from', () => {
    fc.assert(
      fc.property(anyDate, anyStep, (date, n) => {
        const back = addWorkingDays(addWorkingDays(date, n), -n);
        const expected = n > 0 ? workingDayOnOrBefore(date) : n < 0 ? workingDayOnOrAfter(date) : date;
        expect(back).toBe(expected);
      }),
    );
  });

  it('steps in the same direction add up', () => {
    fc.assert(
      fc.property(anyDate, anyCount, anyCount, fc.boolean(), (date, a, b, backwards) => {
        const sign = backwards ? -1 : 1;
        expect(addWorkingDays(addWorkingDays(date, sign * a), sign * b)).toBe(
          addWorkingDays(date, sign * (a + b)),
        );
      }),
    );
  });

  it('never reorders dates', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 20 }), anyStep, (date, gap, n) => {
        expect(addWorkingDays(date, n) <= addWorkingDays(addDays(date, gap), n)).toBe(true);
      }),
    );
  });

  it('clear notice comes before plain notice, which comes no later than the event', () => {
    fc.assert(
      fc.property(anyDate, anyCount, (date, n) => {
        const clear = clearWorkingDaysBefore(date, n);
        const plain = workingDaysBefore(date, n);
        expect(clear < plain).toBe(true);
        expect(plain <= date).toBe(true);
      }),
    );
  });

  it('workingDaysBefore is the latest day leaving n working days up to the event', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const notice = workingDaysBefore(date, n);
        expect(countWorkingDays(notice, addDays(date, -1))).toBe(n);
        expect(countWorkingDays(addDays(notice, 1), addDays(date, -1))).toBe(n - 1);
      }),
    );
  });

  it('clearWorkingDaysBefore is the latest day that leaves n clear working days', () => {
    fc.assert(
      fc.property(anyDate, anyCount, (date, n) => {
        const notice = clearWorkingDaysBefore(date, n);
        expect(hasClearWorkingDays(notice, date, n)).toBe(true);
        expect(hasClearWorkingDays(addDays(notice, 1), date, n)).toBe(false);
      }),
    );
  });

  it('any notice day on or before the clear deadline is in time, and any later one is not', () => {
    fc.assert(
      fc.property(anyDate, anyCount, fc.integer({ min: -60, max: 0 }), (date, n, offset) => {
        const notice = addDays(date, offset);
        expect(hasClearWorkingDays(notice, date, n)).toBe(notice <= clearWorkingDaysBefore(date, n));
      }),
    );
  });
});
