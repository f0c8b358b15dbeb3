import type { PoliceUkKind } from './police-uk.layouts.ts';
import type { OutcomeRow, PoliceUkRow, StreetCrimeRow } from './police-uk.rows.ts';

/**
 * Rows as PostgreSQL COPY text format (the default format of `COPY … FROM STDIN`): one line per row,
 * fields separated by tabs, null written `\N`, and backslash, tab, line feed and carriage return
 * escaped with a backslash. Because every backslash is escaped, no value can read as `\N` or as the
 * `\.` end-of-data marker.
 */

export type CopyValue = string | number | boolean | null;

/** One value in COPY text form. */
export function toCopyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written to COPY as a number`);
  return String(value);
}

/** One row in COPY text form, ending in a line feed. */
export function toCopyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let index = 0; index < values.length; index += 1) {
    if (index > 0) line += '\t';
    line += toCopyValue(values[index] as CopyValue);
  }
  return `${line}\n`;
}

/** The columns street and outcomes rows share: the month, the force, and where (`reportedAtValues`). */
const REPORTED_AT_COLUMNS = [
  'month',
  'reported_by',
  'falls_within',
  'longitude',
  'latitude',
  'location',
  'lsoa_code',
  'lsoa_name',
];

/** The column names `copyValues` fills, in order, for each kind. */
export const COPY_COLUMNS: Readonly<Record<PoliceUkKind, readonly string[]>> = {
  street: [
    'source_line',
    'crime_id',
    'anti_social_behaviour',
    ...REPORTED_AT_COLUMNS,
    'crime_type',
    'last_outcome_category',
    'context',
  ],
  outcomes: ['source_line', 'crime_id', ...REPORTED_AT_COLUMNS, 'outcome_type'],
  'stop-and-search': [
    'source_line',
    'month',
    'type',
    'date',
    'part_of_policing_operation',
    'policing_operation',
    'latitude',
    'longitude',
    'gender',
    'age_range',
    'self_defined_ethnicity',
    'officer_defined_ethnicity',
    'legislation',
    'object_of_search',
    'outcome',
    'outcome_linked_to_object_of_search',
    'removal_of_more_than_just_outer_clothing',
  ],
};

function reportedAtValues(row: StreetCrimeRow | OutcomeRow): CopyValue[] {
  return [
    row.month,
    row.reportedBy,
    row.fallsWithin,
    row.longitude,
    row.latitude,
    row.location,
    row.lsoaCode,
    row.lsoaName,
  ];
}

/** A row's values in the order of `COPY_COLUMNS[row.kind]`. */
export function copyValues(row: PoliceUkRow): CopyValue[] {
  switch (row.kind) {
    case 'street':
      return [
        row.line,
        row.crimeId,
        row.antiSocialBehaviour,
        ...reportedAtValues(row),
        row.crimeType,
        row.lastOutcomeCategory,
        row.context,
      ];
    case 'outcomes':
      return [row.line, row.crimeId, ...reportedAtValues(row), row.outcomeType];
    case 'stop-and-search':
      return [
        row.line,
        row.month,
        row.type,
        row.date,
        row.partOfPolicingOperation,
        row.policingOperation,
        row.latitude,
        row.longitude,
        row.gender,
        row.ageRange,
        row.selfDefinedEthnicity,
        row.officerDefinedEthnicity,
        row.legislation,
        row.objectOfSearch,
        row.outcome,
        row.outcomeLinkedToObjectOfSearch,
        row.removalOfMoreThanJustOuterClothing,
      ];
  }
}

/**
 * One row as a COPY line, the same as `toCopyLine(copyValues(row))` but built directly: this runs once
 * per imported row, and skipping the array and the type tests halves its cost. Only free text is
 * checked for characters to escape; IDs, months, codes and numbers were validated as plain.
 */
export function toCopyRow(row: PoliceUkRow): string {
  switch (row.kind) {
    case 'street':
      return `${row.line}\t${row.crimeId ?? NULL}\t${row.antiSocialBehaviour ? 't' : 'f'}\t${row.month}\t${text(row.reportedBy)}\t${text(row.fallsWithin)}\t${num(row.longitude)}\t${num(row.latitude)}\t${nullable(row.location)}\t${row.lsoaCode ?? NULL}\t${nullable(row.lsoaName)}\t${text(row.crimeType)}\t${nullable(row.lastOutcomeCategory)}\t${nullable(row.context)}\n`;
    case 'outcomes':
      return `${row.line}\t${row.crimeId}\t${row.month}\t${text(row.reportedBy)}\t${text(row.fallsWithin)}\t${num(row.longitude)}\t${num(row.latitude)}\t${nullable(row.location)}\t${row.lsoaCode ?? NULL}\t${nullable(row.lsoaName)}\t${text(row.outcomeType)}\n`;
    case 'stop-and-search':
      return `${row.line}\t${row.month}\t${text(row.type)}\t${text(row.date)}\t${flag(row.partOfPolicingOperation)}\t${nullable(row.policingOperation)}\t${num(row.latitude)}\t${num(row.longitude)}\t${nullable(row.gender)}\t${nullable(row.ageRange)}\t${nullable(row.selfDefinedEthnicity)}\t${nullable(row.officerDefinedEthnicity)}\t${nullable(row.legislation)}\t${nullable(row.objectOfSearch)}\t${nullable(row.outcome)}\t${flag(row.outcomeLinkedToObjectOfSearch)}\t${flag(row.removalOfMoreThanJustOuterClothing)}\n`;
  }
}

/**
 * A batch of rows as one block of COPY text. `prefix`, if given, is put before each row's values
 * (already in COPY form and ending in a tab), e.g. the import run's id and the force.
 */
export function toCopyText(rows: readonly PoliceUkRow[], prefix = ''): string {
  const lines: string[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1)
    lines[index] = prefix + toCopyRow(rows[index] as PoliceUkRow);
  return lines.join('');
}

const NULL = '\\N';

function text(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, escapeChar) : value;
}

function nullable(value: string | null): string {
  return value === null ? NULL : text(value);
}

function num(value: number | null): string {
  return value === null ? NULL : String(value);
}

function flag(value: boolean | null): string {
  return value === null ? NULL : value ? 't' : 'f';
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(char: string): string {
  return ESCAPES[char] ?? char;
}
