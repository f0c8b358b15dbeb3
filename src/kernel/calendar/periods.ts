import { addDays, calendarDate, type IsoDate, partsOf, requireInteger } from './dates.ts';

/**
 * The last day of "the period of n weeks beginning with the day" X, as in the Police Reform and Social
 * Responsibility Act 2011 Sch 8 (a panel's 3 weeks to report on a proposed chief constable). "Beginning
 * with" puts day X inside the period, so it ends on X + 7n − 1: notice received on a Monday gives until
 * the Sunday three weeks later, not the Monday. Exclusions such as a post-election period are the
 * caller's to add.
 */
export function weeksBeginningWith(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'weeks', 1);
  return addDays(date, 7 * n - 1);
}

/** The last day of "the period of n days beginning with the day" X: day X is day 1, so X + n − 1. */
export function daysBeginningWith(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'days', 1);
  return addDays(date, n - 1);
}

/**
 * The last day for something to be done "within n days of" X, such as the 56 days a commissioner has to
 * publish a response to an HMICFRS report (Police Act 1996 s55). Where a statute does not say "beginning
 * with", the day of the event itself is not counted, so the period ends on X + n.
 */
export function withinDaysOf(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'days', 0);
  return addDays(date, n);
}

/** A UK financial year, 1 April to 31 March, labelled as public bodies write it: '2024-25'. */
export interface FinancialYear {
  label: string;
  /** The calendar year in which it begins. */
  startYear: number;
  start: IsoDate;
  end: IsoDate;
}

/**
 * The financial year a date falls in. Budgets, precepts, annual reports and the plan's timetable all run
 * by financial year, so January to March belong to the year that began the April before.
 */
export function financialYearOf(date: IsoDate): FinancialYear {
  const [year, month] = partsOf(date);
  return financialYearStarting(month >= 4 ? year : year - 1);
}

/** The financial year that begins on 1 April of a calendar year. */
export function financialYearStarting(startYear: number): FinancialYear {
  requireInteger(startYear, 'year', 1);
  if (startYear > 9998) throw new RangeError(`Financial year out of range: ${startYear}`);
  return {
    label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    startYear,
    start: calendarDate(startYear, 4, 1),
    end: calendarDate(startYear + 1, 3, 31),
  };
}

/** Reads a label such as '2024-25' back into a financial year; throws a RangeError for anything else. */
export function parseFinancialYear(label: string): FinancialYear {
  const match = /^(\d{4})-\d{2}$/.exec(label);
  const year = match && Number(match[1]) >= 1 ? financialYearStarting(Number(match[1])) : undefined;
  if (!year || year.label !== label) {
    throw new RangeError(`Not a financial year label like 2024-25: ${JSON.stringify(label)}`);
  }
  return year;
}

/**
 * 31 March ending the financial year a date falls in: "within the financial year in which the election
 * is held" gives a plan after a May 2024 poll until 31 March 2025.
 */
export function endOfFinancialYear(date: IsoDate): IsoDate {
  return financialYearOf(date).end;
}
