import type { CsvRecord } from './police-uk.csv.ts';
import type { PoliceUkReject } from './police-uk.errors.ts';
import {
  describeKind,
  OUTCOMES_COLUMNS,
  POLICE_UK_COLUMNS,
  type PoliceUkKind,
  STOP_AND_SEARCH_COLUMNS,
  STREET_COLUMNS,
} from './police-uk.layouts.ts';
import {
  ANTI_SOCIAL_BEHAVIOUR,
  FORMER_POLICE_UK_CRIME_TYPES,
  POLICE_UK_CRIME_TYPES,
  POLICE_UK_OUTCOME_CATEGORIES,
  POLICE_UK_OUTCOME_TYPES,
} from './police-uk.vocabulary.ts';

/**
 * Checking and normalising police.uk rows, one kind at a time.
 *
 * Every field is checked by hand rather than through a zod schema: the rules are few and fixed, each
 * failure must name its column, value and reason, and the import must keep pace with COPY over millions
 * of rows. An equivalent zod 4 schema measured about nine times slower (13 µs a row against 1.4 µs on
 * the real street files). Normalisation:
 * - Month `YYYY-MM` becomes the first day of the month, `YYYY-MM-01`;
 * - optional text that is empty becomes null; required text may not be blank;
 * - `No Location` / `No location` (the letter case differs between files) becomes a null location;
 * - longitude and latitude become numbers inside England and Wales, or are both empty (null);
 * - LSOA codes are E01 or W01 and six digits (2011 and 2021 codes share the form), or empty;
 * - a blank Crime ID in a street file marks anti-social behaviour; the crime type is kept as given;
 * - crime types, last outcome categories and outcome types must be police.uk's own (police-uk.vocabulary.ts),
 *   so that a misspelt or invented category is a reject rather than a new series in the public counts.
 */

export interface StreetCrimeRow {
  kind: 'street';
  /** The physical line in the file. */
  line: number;
  /** Null for anti-social behaviour. Not unique: a month can repeat an ID. */
  crimeId: string | null;
  /** True when the Crime ID is blank, which is how police.uk marks anti-social behaviour incidents. */
  antiSocialBehaviour: boolean;
  /** `YYYY-MM-01`. */
  month: string;
  reportedBy: string;
  fallsWithin: string;
  longitude: number | null;
  latitude: number | null;
  /** Null when police.uk gives no location. */
  location: string | null;
  lsoaCode: string | null;
  lsoaName: string | null;
  crimeType: string;
  lastOutcomeCategory: string | null;
  context: string | null;
}

export interface OutcomeRow {
  kind: 'outcomes';
  line: number;
  /** Joins to street rows, usually of earlier months. One crime can have several outcomes. */
  crimeId: string;
  /** `YYYY-MM-01`: the month the outcome was recorded, not the month of the crime. */
  month: string;
  reportedBy: string;
  fallsWithin: string;
  longitude: number | null;
  latitude: number | null;
  location: string | null;
  lsoaCode: string | null;
  lsoaName: string | null;
  outcomeType: string;
}

export interface StopAndSearchRow {
  kind: 'stop-and-search';
  line: number;
  /** `YYYY-MM-01`, the month of the file (the file has no Month column). */
  month: string;
  type: string;
  /** ISO 8601 date-time as published, e.g. `2024-03-01T09:58:14+00:00`. */
  date: string;
  partOfPolicingOperation: boolean | null;
  policingOperation: string | null;
  latitude: number | null;
  longitude: number | null;
  gender: string | null;
  ageRange: string | null;
  selfDefinedEthnicity: string | null;
  officerDefinedEthnicity: string | null;
  legislation: string | null;
  objectOfSearch: string | null;
  outcome: string | null;
  outcomeLinkedToObjectOfSearch: boolean | null;
  removalOfMoreThanJustOuterClothing: boolean | null;
}

export type PoliceUkRow = StreetCrimeRow | OutcomeRow | StopAndSearchRow;
export type PoliceUkRowOf<K extends PoliceUkKind> = Extract<PoliceUkRow, { kind: K }>;

export interface CoordinateBounds {
  /** Names the area in messages, e.g. "England and Wales". */
  area: string;
  minLongitude: number;
  maxLongitude: number;
  minLatitude: number;
  maxLatitude: number;
}

/**
 * England and Wales with a small margin: the Isles of Scilly (6.45° W, 49.86° N), Lowestoft (1.76° E)
 * and the Scottish border (55.81° N). British Transport Police rows in Scotland fall outside.
 */
export const ENGLAND_AND_WALES_BOUNDS: CoordinateBounds = {
  area: 'England and Wales',
  minLongitude: -6.5,
  maxLongitude: 1.9,
  minLatitude: 49.8,
  maxLatitude: 55.9,
};

export interface RowCounts {
  /** Rows whose Crime ID is blank (street files). */
  antiSocialBehaviour: number;
  /** Rows with no coordinates. */
  withoutLocation: number;
  /**
   * Rows repeating a Crime ID seen earlier in the same file. Counted on the first 52 bits of the ID,
   * so the count could (very rarely) be one too high.
   */
  repeatedCrimeIds: number;
}

export interface RowCheckerOptions {
  file: string;
  kind: PoliceUkKind;
  /** `YYYY-MM`: every row must belong to this month. */
  month: string;
  bounds?: CoordinateBounds;
  reject: (reject: PoliceUkReject) => void;
}

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const NOT_HEX = /[^0-9a-fA-F]/;
const LSOA_CODE = /^[EW]01\d{6}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const MAX_VALUE_LENGTH = 200;

interface Vocabulary {
  set: ReadonlySet<string>;
  /** For messages. */
  list: string;
}

function vocabulary(words: readonly string[]): Vocabulary {
  return { set: new Set(words), list: [...words].sort().join(', ') };
}

const CRIME_TYPES = vocabulary([
  ANTI_SOCIAL_BEHAVIOUR,
  ...POLICE_UK_CRIME_TYPES,
  ...FORMER_POLICE_UK_CRIME_TYPES,
]);
const OUTCOME_CATEGORIES = vocabulary(POLICE_UK_OUTCOME_CATEGORIES);
const OUTCOME_TYPES = vocabulary(POLICE_UK_OUTCOME_TYPES);

/** Turns CSV records of one file into checked rows, reporting each problem through `reject`. */
export class RowChecker {
  readonly counts: RowCounts = { antiSocialBehaviour: 0, withoutLocation: 0, repeatedCrimeIds: 0 };
  /**
   * Whether to look for U+FFFD, which the decoder puts where bytes are not UTF-8. The reader turns
   * this on once a decoded chunk holds one, which spares clean files a search of every field.
   */
  checkEncoding = true;
  /**
   * Whether to look for NUL, the one character PostgreSQL text cannot hold (COPY refuses the whole load). Like
   * `checkEncoding`, the reader turns it on once a decoded chunk holds one.
   */
  checkNul = true;
  private readonly file: string;
  private readonly kind: PoliceUkKind;
  private readonly month: string;
  private readonly firstOfMonth: string;
  private readonly bounds: CoordinateBounds;
  private readonly columns: readonly string[];
  private readonly sink: (reject: PoliceUkReject) => void;
  private readonly seenIds = new Set<string>();
  /** Per row: whether any check failed, and the coordinates read. */
  private failed = false;
  private longitude: number | null = null;
  private latitude: number | null = null;

  constructor(options: RowCheckerOptions) {
    this.file = options.file;
    this.kind = options.kind;
    this.month = options.month;
    this.firstOfMonth = `${options.month}-01`;
    this.bounds = options.bounds ?? ENGLAND_AND_WALES_BOUNDS;
    this.columns = POLICE_UK_COLUMNS[options.kind];
    this.sink = options.reject;
  }

  /** The checked row, or null when the record was rejected. */
  check(record: CsvRecord): PoliceUkRow | null {
    const { fields, line } = record;
    this.failed = false;
    if (fields.length !== this.columns.length) {
      this.fail(
        line,
        null,
        fields.join(','),
        `has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'}; ${describeKind(this.kind)} has ${this.columns.length}`,
      );
      return null;
    }
    if (record.problem !== null) {
      this.fail(line, null, fields.join(','), record.problem);
      return null;
    }
    if (this.checkEncoding) {
      for (let index = 0; index < fields.length; index += 1) {
        const value = fields[index] as string;
        if (value.includes('\uFFFD'))
          this.fail(line, this.columns[index] ?? null, value, 'is not valid UTF-8 text');
      }
    }
    if (this.checkNul) {
      for (let index = 0; index < fields.length; index += 1) {
        const value = fields[index] as string;
        if (value.includes('\u0000'))
          this.fail(
            line,
            this.columns[index] ?? null,
            value,
            'holds a NUL character (byte 0), which the database cannot store',
          );
      }
    }
    if (this.kind === 'street') return this.street(fields, line);
    if (this.kind === 'outcomes') return this.outcome(fields, line);
    return this.stopAndSearch(fields, line);
  }

  private street(f: string[], line: number): StreetCrimeRow | null {
    const crimeId = this.crimeId(line, STREET_COLUMNS[0], f[0] as string, false);
    this.monthColumn(line, f[1] as string);
    const reportedBy = this.required(line, STREET_COLUMNS[2], f[2] as string);
    const fallsWithin = this.required(line, STREET_COLUMNS[3], f[3] as string);
    this.coordinates(line, f[4] as string, f[5] as string, STREET_COLUMNS[4], STREET_COLUMNS[5]);
    const lsoaCode = this.lsoaCode(line, STREET_COLUMNS[7], f[7] as string);
    const crimeType = this.known(line, STREET_COLUMNS[9], f[9] as string, CRIME_TYPES, 'crime type');
    const lastOutcomeCategory = optional(f[10] as string);
    if (lastOutcomeCategory !== null)
      this.known(line, STREET_COLUMNS[10], lastOutcomeCategory, OUTCOME_CATEGORIES, 'last outcome category');
    if (this.failed) return null;
    this.count(crimeId);
    return {
      kind: 'street',
      line,
      crimeId,
      antiSocialBehaviour: crimeId === null,
      month: this.firstOfMonth,
      reportedBy,
      fallsWithin,
      longitude: this.longitude,
      latitude: this.latitude,
      location: location(f[6] as string),
      lsoaCode,
      lsoaName: optional(f[8] as string),
      crimeType,
      lastOutcomeCategory,
      context: optional(f[11] as string),
    };
  }

  private outcome(f: string[], line: number): OutcomeRow | null {
    const crimeId = this.crimeId(line, OUTCOMES_COLUMNS[0], f[0] as string, true) ?? '';
    this.monthColumn(line, f[1] as string);
    const reportedBy = this.required(line, OUTCOMES_COLUMNS[2], f[2] as string);
    const fallsWithin = this.required(line, OUTCOMES_COLUMNS[3], f[3] as string);
    this.coordinates(line, f[4] as string, f[5] as string, OUTCOMES_COLUMNS[4], OUTCOMES_COLUMNS[5]);
    const lsoaCode = this.lsoaCode(line, OUTCOMES_COLUMNS[7], f[7] as string);
    const outcomeType = this.known(line, OUTCOMES_COLUMNS[9], f[9] as string, OUTCOME_TYPES, 'outcome type');
    if (this.failed) return null;
    this.count(crimeId);
    return {
      kind: 'outcomes',
      line,
      crimeId,
      month: this.firstOfMonth,
      reportedBy,
      fallsWithin,
      longitude: this.longitude,
      latitude: this.latitude,
      location: location(f[6] as string),
      lsoaCode,
      lsoaName: optional(f[8] as string),
      outcomeType,
    };
  }

  private stopAndSearch(f: string[], line: number): StopAndSearchRow | null {
    const c = STOP_AND_SEARCH_COLUMNS;
    const type = this.required(line, c[0], f[0] as string);
    const date = this.dateTime(line, c[1], f[1] as string);
    const partOfPolicingOperation = this.flag(line, c[2], f[2] as string);
    // Latitude comes before Longitude in this layout.
    this.coordinates(line, f[5] as string, f[4] as string, c[5], c[4]);
    const outcomeLinkedToObjectOfSearch = this.flag(line, c[13], f[13] as string);
    const removalOfMoreThanJustOuterClothing = this.flag(line, c[14], f[14] as string);
    if (this.failed) return null;
    this.count(null);
    return {
      kind: 'stop-and-search',
      line,
      month: this.firstOfMonth,
      type,
      date,
      partOfPolicingOperation,
      policingOperation: optional(f[3] as string),
      latitude: this.latitude,
      longitude: this.longitude,
      gender: optional(f[6] as string),
      ageRange: optional(f[7] as string),
      selfDefinedEthnicity: optional(f[8] as string),
      officerDefinedEthnicity: optional(f[9] as string),
      legislation: optional(f[10] as string),
      objectOfSearch: optional(f[11] as string),
      outcome: optional(f[12] as string),
      outcomeLinkedToObjectOfSearch,
      removalOfMoreThanJustOuterClothing,
    };
  }

  private crimeId(line: number, column: string, value: string, required: boolean): string | null {
    if (value === '') {
      if (required) this.fail(line, column, value, 'is blank; every outcome belongs to a crime');
      return null;
    }
    if (!isCrimeId(value)) {
      this.fail(line, column, value, 'must be 64 hexadecimal characters, or blank for anti-social behaviour');
      return null;
    }
    return value;
  }

  /** Counts an accepted row: anti-social behaviour, no location, a Crime ID seen before in the file. */
  private count(crimeId: string | null): void {
    if (this.longitude === null) this.counts.withoutLocation += 1;
    if (crimeId === null) {
      if (this.kind === 'street') this.counts.antiSocialBehaviour += 1;
      return;
    }
    // The first 12 digits (48 bits) stand for the ID: a string that short is a copy, not a view
    // into the chunk of file text, so the set does not keep the file in memory.
    const key = crimeId.slice(0, 12);
    if (this.seenIds.has(key)) this.counts.repeatedCrimeIds += 1;
    else this.seenIds.add(key);
  }

  private monthColumn(line: number, value: string): void {
    if (value === this.month) return;
    if (!MONTH.test(value)) this.fail(line, 'Month', value, 'must be a month written YYYY-MM');
    else this.fail(line, 'Month', value, `does not match the month of the file, ${this.month}`);
  }

  private required(line: number, column: string, value: string): string {
    if (isBlank(value)) this.fail(line, column, value, 'is blank');
    return value;
  }

  /** A required value that must be one of police.uk's own words. */
  private known(line: number, column: string, value: string, words: Vocabulary, what: string): string {
    if (isBlank(value)) this.fail(line, column, value, 'is blank');
    else if (!words.set.has(value))
      this.fail(line, column, value, `is not a police.uk ${what} (they are: ${words.list})`);
    return value;
  }

  private coordinates(
    line: number,
    longitudeText: string,
    latitudeText: string,
    longitudeColumn: string,
    latitudeColumn: string,
  ): void {
    this.longitude = null;
    this.latitude = null;
    if (longitudeText === '' && latitudeText === '') return;
    if (longitudeText === '' || latitudeText === '') {
      const [column, value] =
        longitudeText === '' ? [latitudeColumn, latitudeText] : [longitudeColumn, longitudeText];
      this.fail(line, column, value, 'is given without the other coordinate; give both or neither');
      return;
    }
    const { minLongitude, maxLongitude, minLatitude, maxLatitude } = this.bounds;
    this.longitude = this.degrees(line, longitudeColumn, longitudeText, minLongitude, maxLongitude);
    this.latitude = this.degrees(line, latitudeColumn, latitudeText, minLatitude, maxLatitude);
  }

  private degrees(line: number, column: string, text: string, min: number, max: number): number | null {
    const value = parseDegrees(text);
    if (Number.isNaN(value)) {
      this.fail(line, column, text, 'must be a decimal number of degrees, such as -1.2345');
      return null;
    }
    if (value < min || value > max) {
      this.fail(line, column, text, `is outside ${this.bounds.area} (${min} to ${max})`);
      return null;
    }
    return value;
  }

  private lsoaCode(line: number, column: string, value: string): string | null {
    if (value === '') return null;
    if (!LSOA_CODE.test(value))
      this.fail(line, column, value, 'must be an LSOA code: E01 or W01 and six digits');
    return value;
  }

  private dateTime(line: number, column: string, value: string): string {
    if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)) || !isCalendarDay(value)) {
      this.fail(line, column, value, 'must be an ISO 8601 date and time, such as 2024-03-01T09:58:14+00:00');
    } else if (value.slice(0, 7) !== this.month) {
      this.fail(line, column, value, `is not in the month of the file, ${this.month}`);
    }
    return value;
  }

  private flag(line: number, column: string, value: string): boolean | null {
    if (value === '') return null;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    this.fail(line, column, value, 'must be True, False or blank');
    return null;
  }

  private fail(line: number, column: string | null, value: string, reason: string): void {
    this.failed = true;
    // A NUL is shown as \0: the reject is stored in the database, which cannot hold the character itself.
    const shown = this.checkNul ? value.replaceAll('\u0000', '\\0') : value;
    const clipped = shown.length > MAX_VALUE_LENGTH ? `${shown.slice(0, MAX_VALUE_LENGTH)}…` : shown;
    this.sink({ file: this.file, line, column, value: detached(clipped), reason });
  }
}

/**
 * Whether a `YYYY-MM-DD…` text names a real day. `Date.parse` rolls 29 February 2025 over to 1 March, where
 * PostgreSQL refuses it and with it the whole COPY.
 */
function isCalendarDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 64 hexadecimal digits. Searching for a wrong character measured faster than matching the whole ID. */
function isCrimeId(value: string): boolean {
  return value.length === 64 && !NOT_HEX.test(value);
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A decimal such as `-1.234567` (optional minus, one to three whole digits, optional fraction) as a
 * number, or NaN for any other text. With at most 15 digits, dividing the exact integer of the digits
 * by an exact power of ten rounds correctly, so the result equals `Number(text)`, at half the cost.
 */
export function parseDegrees(text: string): number {
  const length = text.length;
  let index = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const negative = index === 1;
  let digits = 0;
  let whole = 0;
  let fraction = -1;
  let mantissa = 0;
  for (; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      mantissa = mantissa * 10 + (code - 0x30);
      digits += 1;
      if (fraction >= 0) fraction += 1;
      else whole += 1;
    } else if (code === 0x2e && fraction < 0 && whole > 0) {
      fraction = 0;
    } else {
      return Number.NaN;
    }
  }
  if (whole === 0 || whole > 3 || fraction === 0) return Number.NaN;
  const places = fraction < 0 ? 0 : fraction;
  if (digits > 15) return Number(text);
  const value = mantissa / (POWERS_OF_TEN[places] as number);
  return negative ? -value : value;
}

/**
 * A copy of `value` that does not share memory with the text it was cut from: a kept reject must not
 * keep a whole chunk of the file alive.
 */
function detached(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/** Empty or only spaces (tested cheaply: most values start with a letter or digit). */
function isBlank(value: string): boolean {
  return value.length === 0 || (value.charCodeAt(0) <= 0x20 && value.trim() === '');
}

function optional(value: string): string | null {
  return value === '' ? null : value;
}

/** police.uk writes `No Location` in street files and `No location` in outcomes files. */
function location(value: string): string | null {
  if (value === '' || (value.length === 11 && value.toLowerCase() === 'no location')) return null;
  return value;
}
