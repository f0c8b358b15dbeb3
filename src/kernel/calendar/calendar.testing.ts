import fc from 'fast-check';
import { dayNumber, fromDayNumber } from './dates.ts';

/** Any date from `first` to `last` (YYYY-MM-DD, both included), for property tests. */
export function anyDateBetween(first: string, last: string) {
  return fc.integer({ min: dayNumber(first), max: dayNumber(last) }).map((days) => fromDayNumber(days));
}
