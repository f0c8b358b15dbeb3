import { addDays, dayNumber, fromDayNumber, type IsoDate, parseIsoDate } from './dates.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// One formatter, reused: building Intl formatters is slow. 'h23' keeps midnight as 00, not 24.
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  calendar: 'gregory',
  numberingSystem: 'latn',
  era: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/**
 * The date in England and Wales at an instant. A deadline is met or missed by the London date, not the
 * server's or UTC's: a question emailed at 00:30 BST on 1 June was sent on 1 June even though it is
 * still 31 May in UTC.
 */
export function londonDateOf(instant: Date): IsoDate {
  return londonDateTimeOf(instant).date;
}

/** The London date and wall-clock time ('HH:MM', seconds dropped) at an instant. */
export function londonDateTimeOf(instant: Date): { date: IsoDate; time: string } {
  const clock = wallClock(instant);
  const days = Math.floor(clock / MS_PER_DAY);
  const minutes = Math.floor((clock - days * MS_PER_DAY) / MS_PER_MINUTE);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { date: fromDayNumber(days), time };
}

/**
 * The instant at which London clocks show a given date and time ('HH:MM'), so "by 12 noon on the
 * closing date" can be stored as a timestamp. On the spring change day 01:00–01:59 never happens; such
 * a time is read as if the clocks had not yet gone forward (01:30 becomes 02:30 BST). On the autumn change
 * day 01:00–01:59 happens twice; the earlier (BST) one is chosen, which never makes a deadline later.
 */
export function londonDateTimeToInstant(date: IsoDate, time: string): Date {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`Expected a time as HH:MM (00:00–23:59), got ${JSON.stringify(time)}`);
  const local = dayNumber(date) * MS_PER_DAY + (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
  // London's offset never changes more than once in a day, so the offsets a day either side are the only
  // two candidates.
  const offsetBefore = offsetAt(local - MS_PER_DAY);
  const offsetAfter = offsetAt(local + MS_PER_DAY);
  const fits = [offsetBefore, offsetAfter]
    .map((offset) => local - offset)
    .filter((instant) => offsetAt(instant) === local - instant)
    .sort((a, b) => a - b);
  return new Date(fits[0] ?? local - offsetBefore);
}

/** The instant a London day begins (midnight, which the clock changes never skip or repeat). */
export function startOfLondonDay(date: IsoDate): Date {
  return londonDateTimeToInstant(date, '00:00');
}

/**
 * The instant a London day ends: midnight at the start of the next day. A deadline "by" a date is met by
 * anything done strictly before this instant; the day is 23 or 25 hours long on the clock-change days,
 * which adding 24 hours would get wrong.
 */
export function endOfLondonDay(date: IsoDate): Date {
  return startOfLondonDay(addDays(parseIsoDate(date), 1));
}

/**
 * Whether something done at an instant was done on or before the last day allowed, judged by the London
 * date. Whether "by 1 February" itself includes 1 February is for the caller's rule to settle (some
 * panels read it as "before"); pass the last day on which the act still counts.
 */
export function isOnOrBeforeLondonDay(instant: Date, lastDay: IsoDate): boolean {
  return londonDateOf(instant) <= parseIsoDate(lastDay);
}

/** London wall-clock time at an instant, as milliseconds since 1970-01-01 00:00 on that clock. */
function wallClock(instant: Date): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  return time + offsetAt(time);
}

/** How far London clocks are ahead of UTC at an instant, in milliseconds (0 in GMT, an hour in BST). */
function offsetAt(time: number): number {
  const wholeSeconds = time - (((time % 1000) + 1000) % 1000);
  const parts: Record<string, string> = {};
  for (const part of londonClock.formatToParts(new Date(wholeSeconds))) parts[part.type] = part.value;
  if (parts.era !== 'AD') throw new RangeError('Dates before year 1 are not supported');
  const moment = new Date(0);
  moment.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  moment.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
  return moment.getTime() - wholeSeconds;
}
