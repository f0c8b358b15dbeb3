import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PoliceUkReject } from './police-uk.errors.ts';
import type { PoliceUkKind } from './police-uk.layouts.ts';
import { parseDegrees, RowChecker } from './police-uk.rows.ts';

const ID = '0f2b581555cf7a9701911c010f7e1f23fd18f5b7a845302931bb388698a33169';
const STREET = [ID, '2025-01', 'Thames Valley Police', 'Thames Valley Police', '-0.666796', '51.451514'];

function checker(kind: PoliceUkKind) {
  const rejects: PoliceUkReject[] = [];
  const rows = new RowChecker({
    file: 'f.csv',
    kind,
    month: '2025-01',
    reject: (reject) => rejects.push(reject),
  });
  return { rows, rejects };
}

function streetFields(changes: Record<number, string>): string[] {
  const fields = [...STREET, 'On or near Drift Road', 'E01016252', 'Bracknell Forest 001C', 'Drugs', '', ''];
  for (const [index, value] of Object.entries(changes)) fields[Number(index)] = value;
  return fields;
}

describe('parseDegrees', () => {
  it('reads what Number reads for any decimal a coordinate can be', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 17 }),
        (value, places) => {
          const text = value.toFixed(places);
          expect(parseDegrees(text)).toBe(Number(text));
        },
      ),
    );
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      '-',
      '.5',
      '1.',
      '1e5',
      '1234.5',
      ' 1',
      '1 ',
      '+1',
      '--1',
      '1.2.3',
      '0x1',
      'abc',
    ]) {
      expect(parseDegrees(text), text).toBeNaN();
    }
  });
});

describe('RowChecker', () => {
  it('treats letter case of "No Location" alike, and keeps other locations as given', () => {
    const { rows } = checker('street');
    for (const text of ['No Location', 'No location', 'NO LOCATION', '']) {
      expect(
        rows.check({ fields: streetFields({ 4: '', 5: '', 6: text }), line: 2, problem: null }),
      ).toMatchObject({
        location: null,
        longitude: null,
      });
    }
    expect(
      rows.check({ fields: streetFields({ 6: 'On or near No Location Road' }), line: 3, problem: null }),
    ).toMatchObject({
      location: 'On or near No Location Road',
    });
  });

  it('accepts upper-case hexadecimal IDs and refuses required text that is only spaces', () => {
    const { rows, rejects } = checker('street');
    expect(
      rows.check({ fields: streetFields({ 0: ID.toUpperCase() }), line: 2, problem: null }),
    ).not.toBeNull();
    expect(rows.check({ fields: streetFields({ 2: '   ' }), line: 3, problem: null })).toBeNull();
    expect(rejects).toEqual([
      { file: 'f.csv', line: 3, column: 'Reported by', value: '   ', reason: 'is blank' },
    ]);
  });

  it('names the layout when a row has the wrong number of fields', () => {
    const { rows, rejects } = checker('outcomes');
    expect(rows.check({ fields: STREET.slice(0, 5), line: 9, problem: null })).toBeNull();
    expect(rejects).toEqual([
      {
        file: 'f.csv',
        line: 9,
        column: null,
        value: STREET.slice(0, 5).join(','),
        reason: 'has 5 fields; an outcomes file has 10',
      },
    ]);
  });

  it('counts only accepted rows', () => {
    const { rows } = checker('street');
    rows.check({ fields: streetFields({ 0: '', 4: '', 5: '' }), line: 2, problem: null });
    rows.check({ fields: streetFields({ 0: '', 1: '2025-02' }), line: 3, problem: null });
    rows.check({ fields: streetFields({}), line: 4, problem: null });
    rows.check({ fields: streetFields({}), line: 5, problem: null });
    rows.check({ fields: streetFields({ 9: '' }), line: 6, problem: null });
    expect(rows.counts).toEqual({ antiSocialBehaviour: 1, withoutLocation: 1, repeatedCrimeIds: 1 });
  });

  it('reads stop-and-search flags in any letter case and date-times with or without seconds and offset', () => {
    const { rows, rejects } = checker('stop-and-search');
    const fields = (date: string, flag: string) => [
      'Person search',
      date,
      flag,
      '',
      '51.75',
      '-1.25',
      ...Array<string>(8).fill(''),
      flag,
    ];
    expect(rows.check({ fields: fields('2025-01-05T10:00Z', 'TRUE'), line: 2, problem: null })).toMatchObject(
      {
        date: '2025-01-05T10:00Z',
        partOfPolicingOperation: true,
        removalOfMoreThanJustOuterClothing: true,
      },
    );
    expect(
      rows.check({ fields: fields('2025-01-05T10:00:00.000', 'false'), line: 3, problem: null }),
    ).toMatchObject({
      partOfPolicingOperation: false,
    });
    expect(rows.check({ fields: fields('2025-01-32T10:00:00Z', ''), line: 4, problem: null })).toBeNull();
    expect(rejects.map((reject) => [reject.line, reject.column])).toEqual([[4, 'Date']]);
  });

  it('rejects, by line and column, any character the database load would refuse: NUL', () => {
    const { rows, rejects } = checker('street');
    expect(
      rows.check({ fields: streetFields({ 6: 'On or near\u0000Drift Road' }), line: 7, problem: null }),
    ).toBeNull();
    expect(rows.check({ fields: streetFields({ 11: '\u0000' }), line: 8, problem: null })).toBeNull();
    expect(rejects.map((reject) => [reject.line, reject.column, reject.reason])).toEqual([
      [7, 'Location', 'holds a NUL character (byte 0), which the database cannot store'],
      [8, 'Context', 'holds a NUL character (byte 0), which the database cannot store'],
    ]);
  });

  it('rejects a stop-and-search date that is not on the calendar (PostgreSQL refuses 29 February 2025)', () => {
    const rejects: PoliceUkReject[] = [];
    const rows = new RowChecker({
      file: 'f.csv',
      kind: 'stop-and-search',
      month: '2025-02',
      reject: (reject) => rejects.push(reject),
    });
    const fields = (date: string) => [
      'Person search',
      date,
      '',
      '',
      '51.75',
      '-1.25',
      ...Array<string>(9).fill(''),
    ];
    expect(
      rows.check({ fields: fields('2025-02-28T23:59:59+00:00'), line: 2, problem: null }),
    ).not.toBeNull();
    expect(rows.check({ fields: fields('2025-02-29T10:00:00+00:00'), line: 3, problem: null })).toBeNull();
    expect(rows.check({ fields: fields('2025-02-31T10:00:00Z'), line: 4, problem: null })).toBeNull();
    expect(rejects.map((reject) => [reject.line, reject.column])).toEqual([
      [3, 'Date'],
      [4, 'Date'],
    ]);
  });

  it('rejects a crime type, last outcome category or outcome type that police.uk does not use, by line and column', () => {
    const { rows, rejects } = checker('street');
    expect(rows.check({ fields: streetFields({ 9: 'Littering' }), line: 4, problem: null })).toBeNull();
    expect(rows.check({ fields: streetFields({ 10: 'Told off' }), line: 5, problem: null })).toBeNull();
    expect(
      rows.check({ fields: streetFields({ 0: '', 9: 'Anti-social behaviour' }), line: 6, problem: null }),
    ).not.toBeNull();
    expect(
      rows.check({
        fields: streetFields({ 10: 'Investigation complete; no suspect identified' }),
        line: 7,
        problem: null,
      }),
    ).not.toBeNull();
    expect(rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([
      [4, 'Crime type', 'Littering'],
      [5, 'Last outcome category', 'Told off'],
    ]);
    expect(rejects[0]?.reason).toMatch(
      /^is not a police\.uk crime type \(they are: Anti-social behaviour, Bicycle theft, /,
    );

    const outcomes = checker('outcomes');
    const outcome = (type: string) => [
      ...STREET,
      'On or near Drift Road',
      'E01016252',
      'Bracknell Forest 001C',
      type,
    ];
    expect(
      outcomes.rows.check({ fields: outcome('Suspect charged'), line: 2, problem: null }),
    ).not.toBeNull();
    expect(outcomes.rows.check({ fields: outcome('Let off'), line: 3, problem: null })).toBeNull();
    expect(outcomes.rejects.map((reject) => [reject.line, reject.column])).toEqual([[3, 'Outcome type']]);
  });
});
