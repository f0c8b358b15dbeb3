import { z } from 'zod';

/**
 * Form fields people type that need more than a string check: dates from the GOV.UK date input (three boxes,
 * day, month and year, named `<field>-day`, `<field>-month`, `<field>-year`) and times written as people write
 * them. Messages follow the GOV.UK Design System: they name the part that is missing or wrong.
 */

/** A record's id in a URL or a form: a whole number that fits PostgreSQL's integer. */
export const recordId = z.coerce.number().int().positive().max(2_147_483_647);

/** Text the form must have, trimmed: `missing` when it is left blank, and a message naming `label` when too long. */
export const requiredText = (max: number, missing: string, label: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`);

/** Text the form may leave blank, trimmed: blank is null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .default('')
    .transform((value) => value || null);

const PARTS = ['day', 'month', 'year'] as const;
type Part = (typeof PARTS)[number];
type DateParts = Record<Part, string>;

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Gathers each named date's three boxes into one value, `{ day, month, year }`, before the schema runs, so the
 * schema names one field per date. A body that already holds the field (an ISO date from JSON) is left alone.
 */
export function withDateParts<Schema extends z.ZodType>(fields: readonly string[], schema: Schema) {
  return z.preprocess((input) => {
    const body = { ...((input ?? {}) as Record<string, unknown>) };
    for (const field of fields) {
      if (PARTS.every((part) => body[`${field}-${part}`] === undefined)) continue;
      body[field] = Object.fromEntries(
        PARTS.map((part) => [part, String(body[`${field}-${part}`] ?? '').trim()]),
      );
    }
    return body;
  }, schema);
}

function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function joinParts(parts: Part[]) {
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const name = text.toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => name.length >= 3 && month.startsWith(name));
  return index === -1 ? null : index + 1;
}

/** The ISO date the parts make, or the GOV.UK message saying what is wrong with them. */
export function readDateParts(parts: DateParts, label: string): { date: string } | { problem: string } {
  const missing = PARTS.filter((part) => parts[part] === '');
  if (missing.length === PARTS.length) return { problem: `Enter ${lowerFirst(label)}` };
  if (missing.length > 0) return { problem: `${label} must include a ${joinParts(missing)}` };
  if (!/^\d{4}$/.test(parts.year)) return { problem: 'Year must include 4 numbers' };
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : null;
  const month = monthNumber(parts.month);
  const year = Number(parts.year);
  const real =
    day !== null &&
    month !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!real) return { problem: `${label} must be a real date` };
  return { date: `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * A date typed in the GOV.UK date input (use with `withDateParts`), as `YYYY-MM-DD`; an ISO date string is
 * accepted too, for JSON bodies. `label` names the date in messages: "The date it happened".
 */
export function dateField(label: string): z.ZodType<string, unknown> {
  return dateSchema(label, false) as z.ZodType<string, unknown>;
}

/** As `dateField`, but three empty boxes (or no field at all) give null. */
export function optionalDateField(label: string) {
  return dateSchema(label, true);
}

function dateSchema(label: string, optional: boolean) {
  const Parts = z.object({ day: z.string(), month: z.string(), year: z.string() });
  return z
    .union([z.string(), Parts])
    .default('')
    .transform((value, context): string | null => {
      if (value === '') {
        if (optional) return null;
        context.issues.push({ code: 'custom', message: `Enter ${lowerFirst(label)}`, input: value });
        return z.NEVER;
      }
      if (typeof value === 'string' && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(value)) {
        // Only JSON bodies send one string; forms send the three boxes.
        context.issues.push({
          code: 'custom',
          message: `${label} must be a date as YYYY-MM-DD`,
          input: value,
        });
        return z.NEVER;
      }
      const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
      const parts: DateParts = typeof value === 'string' ? { day, month, year } : value;
      if (optional && PARTS.every((part) => parts[part] === '')) return null;
      const result = readDateParts(parts, label);
      if ('date' in result) return result.date;
      context.issues.push({ code: 'custom', message: result.problem, input: value });
      return z.NEVER;
    });
}

/** `11:00`, `9:05`, `1430`, `11am`, `2:30pm`, `2.30 PM`, `noon`, `midnight` → `HH:MM` (24-hour), or null. */
export function parseTime(text: string): string | null {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (compact === 'noon' || compact === 'midday') return '12:00';
  if (compact === 'midnight') return '00:00';
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(compact);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3]?.replaceAll('.', '');
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A time of day as people write it (see `parseTime`), as 24-hour `HH:MM`. */
export function timeField(label: string) {
  return z.string().transform((value, context) => {
    if (value.trim() === '') {
      context.issues.push({ code: 'custom', message: `Enter ${lowerFirst(label)}`, input: value });
      return z.NEVER;
    }
    const time = parseTime(value);
    if (time) return time;
    context.issues.push({
      code: 'custom',
      message: `${label} must be a time, like 14:30 or 2:30pm`,
      input: value,
    });
    return z.NEVER;
  });
}

/** The items of a select of offices (bodies, by slug): a prompt first, then each office, the chosen one selected. */
export function officeItems(offices: readonly { slug: string; name: string }[], chosen: unknown) {
  return [
    { value: '', text: 'Select the office' },
    ...offices.map((office) => ({ value: office.slug, text: office.name, selected: chosen === office.slug })),
  ];
}
