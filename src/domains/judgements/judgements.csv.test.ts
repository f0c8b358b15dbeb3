import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../kernel/errors.ts';
import { parsePopulationCsv, parseSeriesCsv } from './judgements.csv.ts';

function problems(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error('the file was accepted');
}

const population = (text: string) => problems(() => parsePopulationCsv(text, 'people.csv'));
const series = (text: string) => problems(() => parseSeriesCsv(text, 'series.csv'));

describe('population files', () => {
  it('reads areas, years and residents, with comments, optional columns and thousands separators', () => {
    const rows = parsePopulationCsv(
      '# illustrative\narea_code,area_name,year,population,source\nE06000038,Reading,2024,"174,000",Demo\nE23000029,,2024,2420000,\n',
      'people.csv',
    );
    expect(rows).toEqual([
      { line: 3, areaCode: 'E06000038', areaName: 'Reading', year: 2024, population: 174000, source: 'Demo' },
      { line: 4, areaCode: 'E23000029', areaName: null, year: 2024, population: 2420000, source: null },
    ]);
  });

  it.each([
    [
      'a missing area',
      'area_code,year,population\n,2024,1000\n',
      'people.csv line 2, area_code',
      /^is missing/,
    ],
    [
      'an area that is not a GSS code',
      'area_code,year,population\nReading,2024,1000\n',
      'people.csv line 2, area_code',
      /^"Reading" is not a GSS code/,
    ],
    [
      'a non-numeric population',
      'area_code,year,population\nE06000038,2024,lots\n',
      'people.csv line 2, population',
      /^"lots" is not a number of residents/,
    ],
    [
      'a population of nought',
      'area_code,year,population\nE06000038,2024,0\n',
      'people.csv line 2, population',
      /^"0" is not a number of residents/,
    ],
    [
      'a missing population',
      'area_code,year,population\nE06000038,2024\n',
      'people.csv line 2, population',
      /^"" is not a number of residents/,
    ],
    [
      'a bad year',
      'area_code,year,population\nE06000038,24,1000\n',
      'people.csv line 2, year',
      /^"24" is not a year/,
    ],
    [
      'an area and year twice',
      'area_code,year,population\nE06000038,2024,1000\nE06000038,2024,1001\n',
      'people.csv line 3, year',
      /already has a population for 2024, on line 2$/,
    ],
    [
      'a header without the population column',
      'area_code,year\nE06000038,2024\n',
      'people.csv line 1',
      /population is missing$/,
    ],
  ])('refuses %s, naming the line and field', (_case, text, field, message) => {
    expect(population(text)).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('lists every problem in the file, not just the first', () => {
    expect(
      population('area_code,year,population\n,2024,x\nE06000038,2024,5\nE06,2025,1\n').map((p) => p.field),
    ).toEqual([
      'people.csv line 2, area_code',
      'people.csv line 2, population',
      'people.csv line 4, area_code',
    ]);
  });

  it('refuses an empty file, a header alone and broken CSV', () => {
    expect(population('')).toEqual([{ field: 'people.csv', message: 'is empty' }]);
    expect(population('area_code,year,population\n')).toEqual([
      { field: 'people.csv', message: 'has a header but no rows' },
    ]);
    expect(population('area_code,year,population\n"E06000038,2024,1\n')[0]?.message).toMatch(
      /^is not a readable CSV file/,
    );
  });
});

describe('series files', () => {
  it('reads months in any order and returns them in order', () => {
    expect(parseSeriesCsv('month,value\n2025-02,7.5\n2025-01,-1\n2025-03,.5\n', 'series.csv')).toEqual([
      { line: 3, month: '2025-01-01', value: -1 },
      { line: 2, month: '2025-02-01', value: 7.5 },
      { line: 4, month: '2025-03-01', value: 0.5 },
    ]);
  });

  it.each([
    [
      'a gap',
      'month,value\n2025-01,1\n2025-02,2\n2025-04,4\n',
      'series.csv line 4, month',
      /^2025-04 follows 2025-02 \(line 3\), so 2025-03 is missing/,
    ],
    [
      'a gap across a year end',
      'month,value\n2024-11,1\n2025-01,2\n',
      'series.csv line 3, month',
      /so 2024-12 is missing/,
    ],
    [
      'a repeated month',
      'month,value\n2025-01,1\n2025-01,2\n',
      'series.csv line 3, month',
      /^2025-01 appears twice: it is already on line 2$/,
    ],
    [
      'a month that is not YYYY-MM',
      'month,value\nJan 2025,1\n',
      'series.csv line 2, month',
      /^"Jan 2025" is not a month/,
    ],
    ['a month 13', 'month,value\n2025-13,1\n', 'series.csv line 2, month', /^"2025-13" is not a month/],
    [
      'a value that is not a number',
      'month,value\n2025-01,n/a\n',
      'series.csv line 2, value',
      /^"n\/a" is not a number$/,
    ],
    ['an empty value', 'month,value\n2025-01,\n', 'series.csv line 2, value', /^"" is not a number$/],
    ['a header without value', 'month,count\n2025-01,1\n', 'series.csv line 1', /value is missing$/],
  ])('refuses %s, naming the line and field', (_case, text, field, message) => {
    expect(series(text)).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});
