import { describe, expect, it } from 'vitest';
import {
  COPY_COLUMNS,
  copyValues,
  toCopyLine,
  toCopyRow,
  toCopyText,
  toCopyValue,
} from './police-uk.copy.ts';
import type { OutcomeRow, StopAndSearchRow, StreetCrimeRow } from './police-uk.rows.ts';
import { THAMES_VALLEY_UNPLACED } from './police-uk.testing.ts';

const street: StreetCrimeRow = {
  kind: 'street',
  line: 7,
  crimeId: null,
  antiSocialBehaviour: true,
  month: '2025-01-01',
  reportedBy: 'Thames Valley Police',
  fallsWithin: 'Thames Valley Police',
  longitude: -0.666796,
  latitude: 51.451514,
  location: 'On or near Drift\tRoad\\Lane',
  lsoaCode: 'E01016252',
  lsoaName: 'Bracknell Forest 001C',
  crimeType: 'Anti-social behaviour',
  lastOutcomeCategory: null,
  context: 'two\r\nlines',
};

const outcome: OutcomeRow = {
  kind: 'outcomes',
  line: 2,
  crimeId: 'ace3c99bf8c5216e7996e3d0f524cc504d392bb6c184cdbd1811ce2e6a5402ea',
  month: '2021-12-01',
  ...THAMES_VALLEY_UNPLACED,
  outcomeType: 'Suspect charged',
};

const search: StopAndSearchRow = {
  kind: 'stop-and-search',
  line: 3,
  month: '2024-03-01',
  type: 'Person search',
  date: '2024-03-01T09:58:14+00:00',
  partOfPolicingOperation: false,
  policingOperation: null,
  latitude: 51.752021,
  longitude: -1.257726,
  gender: 'Male',
  ageRange: '18-24',
  selfDefinedEthnicity: null,
  officerDefinedEthnicity: 'White',
  legislation: 'Misuse of Drugs Act 1971 (section 23)',
  objectOfSearch: 'Controlled drugs',
  outcome: 'Arrest',
  outcomeLinkedToObjectOfSearch: true,
  removalOfMoreThanJustOuterClothing: null,
};

describe('COPY text format', () => {
  it('escapes backslash, tab, line feed and carriage return, and writes null as \\N', () => {
    expect(toCopyValue('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(toCopyValue(null)).toBe('\\N');
    expect(toCopyValue('\\N')).toBe('\\\\N');
    expect(toCopyValue('\\.')).toBe('\\\\.');
    expect(toCopyValue('')).toBe('');
    expect(toCopyValue('No escapes, commas "quotes" é')).toBe('No escapes, commas "quotes" é');
  });

  it('writes numbers and booleans as PostgreSQL reads them', () => {
    expect(toCopyValue(-0.755845)).toBe('-0.755845');
    expect(toCopyValue(51.38983)).toBe('51.38983');
    expect(toCopyValue(17)).toBe('17');
    expect(toCopyValue(true)).toBe('t');
    expect(toCopyValue(false)).toBe('f');
    expect(() => toCopyValue(Number.NaN)).toThrow(RangeError);
  });

  it('joins a row with tabs and ends it with a line feed', () => {
    expect(toCopyLine(['a', null, 1, true, 'x\ty'])).toBe('a\t\\N\t1\tt\tx\\ty\n');
    expect(toCopyLine([])).toBe('\n');
  });

  it('writes a street row with its escapes and nulls', () => {
    expect(toCopyRow(street)).toBe(
      '7\t\\N\tt\t2025-01-01\tThames Valley Police\tThames Valley Police\t-0.666796\t51.451514\t' +
        'On or near Drift\\tRoad\\\\Lane\tE01016252\tBracknell Forest 001C\tAnti-social behaviour\t\\N\ttwo\\r\\nlines\n',
    );
  });

  it('builds each kind directly exactly as the generic path would, one value per column', () => {
    for (const row of [street, outcome, search]) {
      expect(toCopyRow(row)).toBe(toCopyLine(copyValues(row)));
      expect(copyValues(row)).toHaveLength(COPY_COLUMNS[row.kind].length);
      expect(toCopyRow(row).split('\t')).toHaveLength(COPY_COLUMNS[row.kind].length);
    }
  });

  it('puts a prefix before every row of a block', () => {
    expect(toCopyText([outcome, outcome], '42\tthames-valley\t')).toBe(
      `42\tthames-valley\t${toCopyRow(outcome)}42\tthames-valley\t${toCopyRow(outcome)}`,
    );
    expect(toCopyText([])).toBe('');
  });
});
