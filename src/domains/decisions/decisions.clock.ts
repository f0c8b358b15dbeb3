import {
  addDays,
  addWorkingDays,
  countWorkingDays,
  type IsoDate,
  workingDayOnOrAfter,
} from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';

/**
 * The publication clock. The offices undertake to publish Part 1 of a decision within one working day of it
 * (England and Wales bank holidays), unless publication is deferred, with a reason, to a later date (only where
 * publishing sooner would compromise carrying the decision out).
 */

/** The last day to publish a decision taken on `decidedOn`: the next working day. */
export function publicationDueOn(decidedOn: IsoDate): IsoDate {
  return addWorkingDays(decidedOn, 1);
}

/** The day publication is due, deferral counted: the deferred date (or the next working day after it) if later. */
export function effectiveDueOn(dueOn: IsoDate, deferredUntil: IsoDate | null): IsoDate {
  if (!deferredUntil) return dueOn;
  const deferred = workingDayOnOrAfter(deferredUntil);
  return deferred > dueOn ? deferred : dueOn;
}

/**
 * How late a publication was, in working days after the day it was due (0 when on time). A publication on a
 * weekend or bank holiday after the due day counts as one working day late: it missed the day.
 */
export function workingDaysLate(dueOn: IsoDate, publishedOn: IsoDate): number {
  if (publishedOn <= dueOn) return 0;
  return Math.max(1, countWorkingDays(addDays(dueOn, 1), publishedOn));
}

/** The lateness said in words, as the register shows it publicly. */
export function describeLateness(late: number, publishedOn: IsoDate): string {
  const on = formatDate(publishedOn);
  if (late === 0) return `Published on time, ${on}`;
  return `Published ${late} working day${late === 1 ? '' : 's'} late, ${on}`;
}
