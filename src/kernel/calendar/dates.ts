/**
 * A calendar date written 'YYYY-MM-DD', with no time and no time zone: the form PostgreSQL returns for a
 * `date` column. Every function in this folder checks the dates it is given and throws a RangeError for a
 * string that is not a real date, so a bad value fails where it enters rather than producing a wrong deadline.
 * Strings in this form sort in date order, so `<` and `>` compare them correctly.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a value is a real calendar date written 'YYYY-MM-DD' (so '2023-02-29' is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Checks a date that came from outside (a form, a row, a file) and returns it, or throws a RangeError. */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value))
    throw new RangeError(`Expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** Builds a date from its parts (month 1–12), for fixed statutory dates such as 1 February of a year. */
export function calendarDate(year: number, month: number, day: number): IsoDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (![year, month, day].every(Number.isInteger) || !isIsoDate(text)) {
    throw new RangeError(`No such date: year ${year}, month ${month}, day ${day}`);
  }
  return text;
}

/**
 * Plain calendar arithmetic: the date n days after (or, for negative n, before) the given date. "Within
 * N days" periods are built on this, so it must never drift across clock changes — it works on whole
 * days, not on instants.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'days');
  return fromDayNumber(dayNumber(date) + days);
}

/** How many days from one date to another: positive when `to` is later, so addDays(from, result) is `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week as in ISO 8601: 1 is Monday, 7 is Sunday. */
export function dayOfWeek(date: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Saturday and Sunday are never working days, whatever the holiday list says. */
export function isWeekend(date: IsoDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** Days since 1970-01-01 (negative before it). Checks the date first. */
export function dayNumber(date: IsoDate): number {
  const [year, month, day] = partsOf(date);
  const moment = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  moment.setUTCFullYear(year, month - 1, day);
  return Math.round(moment.getTime() / MS_PER_DAY);
}

/** The date a given number of days after 1970-01-01; the inverse of dayNumber. */
export function fromDayNumber(days: number): IsoDate {
  requireInteger(days, 'day number');
  const moment = new Date(days * MS_PER_DAY);
  const year = moment.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) {
    throw new RangeError(`Date out of range (years 0001–9999): day number ${days}`);
  }
  return `${pad(year, 4)}-${pad(moment.getUTCMonth() + 1, 2)}-${pad(moment.getUTCDate(), 2)}`;
}

/** The year, month (1–12) and day of a date, after checking it. */
export function partsOf(date: IsoDate): [year: number, month: number, day: number] {
  const checked = parseIsoDate(date);
  return [Number(checked.slice(0, 4)), Number(checked.slice(5, 7)), Number(checked.slice(8, 10))];
}

export function requireInteger(value: number, name: string, minimum = Number.MIN_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    const bound = minimum === Number.MIN_SAFE_INTEGER ? '' : ` of at least ${minimum}`;
    throw new RangeError(`Expected ${name} to be a whole number${bound}, got ${value}`);
  }
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The months' names in English, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
