import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { type IsoDate, isWeekend, partsOf, requireInteger } from './dates.ts';

/** A bank holiday in England and Wales, as gov.uk lists it: always a weekday. */
export interface BankHoliday {
  date: IsoDate;
  name: string;
  /** True for a day given in place of a holiday that fell on a weekend ("substitute day"). */
  substitute: boolean;
}

// England and Wales share one list of bank holidays; date-holidays keeps it under GB with state ENG (WLS
// gives the same days). Its rules cover the regular days, the substitute days (as separate rules marked
// `substitute`), moved days (a disabled date plus an enabled one) and one-off days (fixed-date rules).
// The rules are checked year by year against the published lists in bank-holidays.test.ts; before 2013
// they miss some one-off changes (2012's moved spring bank holiday, the 2011 royal wedding), which
// predates police and crime commissioners, so nothing here relies on those years.
// Loaded on first use: the library holds every country's rules and takes about half a second to load, which
// a server's start need not wait for.
let englandAndWales: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<IsoDate, BankHoliday>>();

/**
 * The bank holidays of England and Wales in a calendar year, in date order. Only days that close the
 * banks count: the library also lists observances (Mother's Day) and the weekend date a holiday was
 * moved from (Christmas Day on a Saturday), which gov.uk leaves out and which are not working days anyway.
 */
export function bankHolidaysInYear(year: number): readonly BankHoliday[] {
  requireInteger(year, 'year', 1);
  return [...holidaysOf(year).values()];
}

/** Whether a date is a bank holiday in England and Wales. A weekend date never is (see bankHolidaysInYear). */
export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayOn(date) !== undefined;
}

/** The bank holiday on a date, with its name, so a deadline can say why a day did not count. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const [year] = partsOf(date);
  return holidaysOf(year).get(date);
}

function holidaysOf(year: number): ReadonlyMap<IsoDate, BankHoliday> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const found = new Map<IsoDate, BankHoliday>();
  englandAndWales ??= new (createRequire(import.meta.url)('date-holidays') as typeof Holidays)('GB', 'ENG');
  for (const holiday of englandAndWales.getHolidays(year)) {
    if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
    // `date` is the local date and time ('2022-06-03 00:00:00'); `start` is an instant the library works
    // out itself and is not always right across the clock change, so only the date text is used.
    const date = holiday.date.slice(0, 10);
    if (!date.startsWith(prefix) || isWeekend(date) || found.has(date)) continue;
    found.set(date, Object.freeze({ date, name: holiday.name, substitute: holiday.substitute === true }));
  }
  const sorted = new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
  holidaysByYear.set(year, sorted);
  return sorted;
}
