import { describe, expect, it } from 'vitest';
import { bankHolidayOn, bankHolidaysInYear, isBankHoliday } from './bank-holidays.ts';
import { dayOfWeek } from './dates.ts';

// The reference: England and Wales bank holidays as gov.uk/bank-holidays lists them, with its titles.
// 2013–2027 are the published lists (2013–2015 added because police and crime commissioners date from
// November 2012). 2028–2030 had not been published when this was written: they follow the regular rules
// (Banking and Financial Dealings Act 1971 Sch 1, with a weekend holiday replaced by the next free
// weekday) and must be checked, and this table corrected, when gov.uk publishes them or a one-off day is
// proclaimed.
const PUBLISHED: Record<number, [date: string, title: string][]> = {
  2013: [
    ['2013-01-01', "New Year's Day"],
    ['2013-03-29', 'Good Friday'],
    ['2013-04-01', 'Easter Monday'],
    ['2013-05-06', 'Early May bank holiday'],
    ['2013-05-27', 'Spring bank holiday'],
    ['2013-08-26', 'Summer bank holiday'],
    ['2013-12-25', 'Christmas Day'],
    ['2013-12-26', 'Boxing Day'],
  ],
  2014: [
    ['2014-01-01', "New Year's Day"],
    ['2014-04-18', 'Good Friday'],
    ['2014-04-21', 'Easter Monday'],
    ['2014-05-05', 'Early May bank holiday'],
    ['2014-05-26', 'Spring bank holiday'],
    ['2014-08-25', 'Summer bank holiday'],
    ['2014-12-25', 'Christmas Day'],
    ['2014-12-26', 'Boxing Day'],
  ],
  2015: [
    ['2015-01-01', "New Year's Day"],
    ['2015-04-03', 'Good Friday'],
    ['2015-04-06', 'Easter Monday'],
    ['2015-05-04', 'Early May bank holiday'],
    ['2015-05-25', 'Spring bank holiday'],
    ['2015-08-31', 'Summer bank holiday'],
    ['2015-12-25', 'Christmas Day'],
    ['2015-12-28', 'Boxing Day (substitute day)'],
  ],
  2016: [
    ['2016-01-01', "New Year's Day"],
    ['2016-03-25', 'Good Friday'],
    ['2016-03-28', 'Easter Monday'],
    ['2016-05-02', 'Early May bank holiday'],
    ['2016-05-30', 'Spring bank holiday'],
    ['2016-08-29', 'Summer bank holiday'],
    ['2016-12-26', 'Boxing Day'],
    ['2016-12-27', 'Christmas Day (substitute day)'],
  ],
  2017: [
    ['2017-01-02', "New Year's Day (substitute day)"],
    ['2017-04-14', 'Good Friday'],
    ['2017-04-17', 'Easter Monday'],
    ['2017-05-01', 'Early May bank holiday'],
    ['2017-05-29', 'Spring bank holiday'],
    ['2017-08-28', 'Summer bank holiday'],
    ['2017-12-25', 'Christmas Day'],
    ['2017-12-26', 'Boxing Day'],
  ],
  2018: [
    ['2018-01-01', "New Year's Day"],
    ['2018-03-30', 'Good Friday'],
    ['2018-04-02', 'Easter Monday'],
    ['2018-05-07', 'Early May bank holiday'],
    ['2018-05-28', 'Spring bank holiday'],
    ['2018-08-27', 'Summer bank holiday'],
    ['2018-12-25', 'Christmas Day'],
    ['2018-12-26', 'Boxing Day'],
  ],
  2019: [
    ['2019-01-01', "New Year's Day"],
    ['2019-04-19', 'Good Friday'],
    ['2019-04-22', 'Easter Monday'],
    ['2019-05-06', 'Early May bank holiday'],
    ['2019-05-27', 'Spring bank holiday'],
    ['2019-08-26', 'Summer bank holiday'],
    ['2019-12-25', 'Christmas Day'],
    ['2019-12-26', 'Boxing Day'],
  ],
  2020: [
    ['2020-01-01', "New Year's Day"],
    ['2020-04-10', 'Good Friday'],
    ['2020-04-13', 'Easter Monday'],
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2020-05-25', 'Spring bank holiday'],
    ['2020-08-31', 'Summer bank holiday'],
    ['2020-12-25', 'Christmas Day'],
    ['2020-12-28', 'Boxing Day (substitute day)'],
  ],
  2021: [
    ['2021-01-01', "New Year's Day"],
    ['2021-04-02', 'Good Friday'],
    ['2021-04-05', 'Easter Monday'],
    ['2021-05-03', 'Early May bank holiday'],
    ['2021-05-31', 'Spring bank holiday'],
    ['2021-08-30', 'Summer bank holiday'],
    ['2021-12-27', 'Christmas Day (substitute day)'],
    ['2021-12-28', 'Boxing Day (substitute day)'],
  ],
  2022: [
    ['2022-01-03', "New Year's Day (substitute day)"],
    ['2022-04-15', 'Good Friday'],
    ['2022-04-18', 'Easter Monday'],
    ['2022-05-02', 'Early May bank holiday'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-08-29', 'Summer bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day (substitute day)'],
  ],
  2023: [
    ['2023-01-02', "New Year's Day (substitute day)"],
    ['2023-04-07', 'Good Friday'],
    ['2023-04-10', 'Easter Monday'],
    ['2023-05-01', 'Early May bank holiday'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ['2023-05-29', 'Spring bank holiday'],
    ['2023-08-28', 'Summer bank holiday'],
    ['2023-12-25', 'Christmas Day'],
    ['2023-12-26', 'Boxing Day'],
  ],
  2024: [
    ['2024-01-01', "New Year's Day"],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2024-05-06', 'Early May bank holiday'],
    ['2024-05-27', 'Spring bank holiday'],
    ['2024-08-26', 'Summer bank holiday'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
  ],
  2025: [
    ['2025-01-01', "New Year's Day"],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
  ],
  2026: [
    ['2026-01-01', "New Year's Day"],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
  ],
  2027: [
    ['2027-01-01', "New Year's Day"],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-08-30', 'Summer bank holiday'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
  ],
  // Not yet published: the regular rules.
  2028: [
    ['2028-01-03', "New Year's Day (substitute day)"],
    ['2028-04-14', 'Good Friday'],
    ['2028-04-17', 'Easter Monday'],
    ['2028-05-01', 'Early May bank holiday'],
    ['2028-05-29', 'Spring bank holiday'],
    ['2028-08-28', 'Summer bank holiday'],
    ['2028-12-25', 'Christmas Day'],
    ['2028-12-26', 'Boxing Day'],
  ],
  2029: [
    ['2029-01-01', "New Year's Day"],
    ['2029-03-30', 'Good Friday'],
    ['2029-04-02', 'Easter Monday'],
    ['2029-05-07', 'Early May bank holiday'],
    ['2029-05-28', 'Spring bank holiday'],
    ['2029-08-27', 'Summer bank holiday'],
    ['2029-12-25', 'Christmas Day'],
    ['2029-12-26', 'Boxing Day'],
  ],
  2030: [
    ['2030-01-01', "New Year's Day"],
    ['2030-04-19', 'Good Friday'],
    ['2030-04-22', 'Easter Monday'],
    ['2030-05-06', 'Early May bank holiday'],
    ['2030-05-27', 'Spring bank holiday'],
    ['2030-08-26', 'Summer bank holiday'],
    ['2030-12-25', 'Christmas Day'],
    ['2030-12-26', 'Boxing Day'],
  ],
};

const years = Object.keys(PUBLISHED).map(Number);

describe('bankHolidaysInYear', () => {
  it('has a reference list for every year from 2013 to 2030', () => {
    expect(years).toEqual(Array.from({ length: 18 }, (_, i) => 2013 + i));
  });

  it.each(years)('gives the dates gov.uk lists for %i', (year) => {
    expect(bankHolidaysInYear(year).map((holiday) => holiday.date)).toEqual(
      PUBLISHED[year]?.map(([date]) => date),
    );
  });

  it.each(years)('marks the substitute days of %i as gov.uk does', (year) => {
    const substitutes = (PUBLISHED[year] ?? [])
      .filter(([, title]) => title.endsWith('(substitute day)'))
      .map(([date]) => date);
    expect(
      bankHolidaysInYear(year)
        .filter((holiday) => holiday.substitute)
        .map((h) => h.date),
    ).toEqual(substitutes);
  });

  it('lists only weekdays, in date order', () => {
    for (const year of years) {
      const dates = bankHolidaysInYear(year).map((holiday) => holiday.date);
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) expect(dayOfWeek(date)).toBeLessThanOrEqual(5);
    }
  });

  it('rejects a year that is not a whole number', () => {
    expect(() => bankHolidaysInYear(2024.5)).toThrow(RangeError);
    expect(() => bankHolidaysInYear(0)).toThrow(RangeError);
  });
});

describe('one-off and moved bank holidays', () => {
  it.each([
    ['2020-05-08', /VE day/],
    ['2022-06-03', /Platinum Jubilee/],
    ['2022-09-19', /Funeral/],
    ['2023-05-08', /Coronation/i],
  ])('names %s', (date, name) => {
    expect(bankHolidayOn(date)).toMatchObject({ date, name: expect.stringMatching(name), substitute: false });
  });

  it('does not keep the Mondays those days replaced', () => {
    expect(isBankHoliday('2020-05-04')).toBe(false);
    expect(isBankHoliday('2022-05-30')).toBe(false);
    expect(bankHolidayOn('2022-06-02')?.name).toBe('Spring bank holiday');
  });
});

describe('isBankHoliday', () => {
  it('is true on a bank holiday and false on an ordinary weekday', () => {
    expect(isBankHoliday('2024-12-25')).toBe(true);
    expect(isBankHoliday('2024-12-24')).toBe(false);
  });

  it('is false on a holiday that fell on a weekend; the substitute day takes its place', () => {
    expect(isBankHoliday('2021-12-25')).toBe(false);
    expect(isBankHoliday('2022-01-01')).toBe(false);
    expect(bankHolidayOn('2022-01-03')).toMatchObject({ substitute: true });
  });

  it("ignores Scotland's and Northern Ireland's own bank holidays", () => {
    expect(isBankHoliday('2024-01-02')).toBe(false); // 2 January, Scotland
    expect(isBankHoliday('2024-08-05')).toBe(false); // first Monday in August, Scotland
    expect(isBankHoliday('2026-11-30')).toBe(false); // St Andrew's Day, a Monday
    expect(isBankHoliday('2025-03-17')).toBe(false); // St Patrick's Day, a Monday
    expect(isBankHoliday('2024-07-12')).toBe(false); // Battle of the Boyne, a Friday
  });

  it('ignores observances the library also knows', () => {
    expect(bankHolidayOn('2024-03-10')).toBeUndefined(); // Mother's Day (a Sunday anyway)
    expect(bankHolidayOn('2024-03-31')).toBeUndefined(); // Easter Sunday
  });

  it('rejects a malformed date', () => {
    expect(() => isBankHoliday('2024-02-30')).toThrow(RangeError);
    expect(() => isBankHoliday('25/12/2024')).toThrow(RangeError);
  });
});
