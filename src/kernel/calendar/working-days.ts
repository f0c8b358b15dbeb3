import { isBankHoliday } from './bank-holidays.ts';
import { addDays, daysBetween, type IsoDate, isWeekend, parseIsoDate, requireInteger } from './dates.ts';

/**
 * A working day is any day but a Saturday, a Sunday or an England and Wales bank holiday: the meaning
 * panels' procedure rules and most statutes give "working day", and the one notice periods are counted in.
 */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * Steps n working days forward (or back, for negative n), not counting the starting day: "within 10
 * working days of receipt" ends on addWorkingDays(receipt, 10). The result is always a working day unless
 * n is 0, when the date comes back unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'working days');
  const step = n < 0 ? -1 : 1;
  let current = parseIsoDate(date);
  for (let remaining = Math.abs(n); remaining > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** The date itself if it is a working day, otherwise the last working day before it. */
export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, -1);
}

/**
 * The date itself if it is a working day, otherwise the next working day: where a rule says a deadline
 * that falls on a non-working day moves to the next working day.
 */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

/**
 * How many working days fall in a period, counting both its first and last day (0 if last is before
 * first). To test notice, count the working days from the notice day to the day before the event.
 */
export function countWorkingDays(first: IsoDate, last: IsoDate): number {
  const end = parseIsoDate(last);
  let count = 0;
  for (let day = parseIsoDate(first); day <= end; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/**
 * "At least n working days before" an event: the latest day on which notice can be given. The notice day
 * counts as one of the n if it is a working day, the event day does not; so for a Thursday meeting, 3
 * working days before is the Monday. Always a working day when n > 0 (a notice on the weekend before
 * would also be in time, but is never the latest such day). Where a panel's rule says "clear" days, use
 * clearWorkingDaysBefore instead.
 */
export function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'working days', 0);
  return addWorkingDays(date, -n);
}

/**
 * "n clear working days" before an event: n whole working days must lie strictly between the notice and
 * the event, so neither the notice day nor the event day counts. Returns the latest day on which notice
 * can be given. That day may be a weekend or bank holiday (notice on a Sunday leaves Monday clear); where
 * a panel also requires notice to be given on a working day, pass the result to workingDayOnOrBefore.
 */
export function clearWorkingDaysBefore(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'working days', 0);
  return addDays(addWorkingDays(date, -n), -1);
}

/**
 * Whether notice given on one day satisfies "n clear working days" before an event on another — the check
 * for a question that has already arrived.
 */
export function hasClearWorkingDays(noticeDay: IsoDate, eventDay: IsoDate, n: number): boolean {
  requireInteger(n, 'working days', 0);
  if (daysBetween(noticeDay, eventDay) < 1) return false;
  return countWorkingDays(addDays(noticeDay, 1), addDays(eventDay, -1)) >= n;
}
