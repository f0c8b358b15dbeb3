import { describe, expect, it } from 'vitest';
import { type AreaCount, computeIndicatorValues, type IndicatorInputs } from './judgements.compute.ts';

const FORCE = 'E23000029';
const READING = 'E06000038';
const OXFORD = 'E07000178';
const CHERWELL = 'E07000177';
const OXFORDSHIRE = 'E10000025';

const base: IndicatorInputs = {
  kind: 'crime-count',
  geography: 'local-authority',
  perPopulation: null,
  forceAreaCode: FORCE,
  authorities: [
    { code: READING, countyCode: null },
    { code: OXFORD, countyCode: OXFORDSHIRE },
    { code: CHERWELL, countyCode: OXFORDSHIRE },
    { code: OXFORDSHIRE, countyCode: null },
  ],
  months: ['2025-01-01', '2025-02-01'],
  counts: [],
  populations: [],
  series: [],
};

const counts: AreaCount[] = [
  { month: '2025-01-01', areaCode: READING, count: 6, matched: 3 },
  { month: '2025-01-01', areaCode: OXFORD, count: 2, matched: 0 },
  { month: '2025-01-01', areaCode: CHERWELL, count: 2, matched: 1 },
  // No location, or an LSOA outside the lookup: in the force's total, in no authority's.
  { month: '2025-01-01', areaCode: '', count: 5, matched: 1 },
  { month: '2025-02-01', areaCode: READING, count: 4, matched: 0 },
];

const value = (rows: ReturnType<typeof computeIndicatorValues>, area: string, month: string) =>
  rows.find((row) => row.areaCode === area && row.month === `${month}-01`);

describe('indicator values', () => {
  it('counts by month for the force and each authority, summing districts into their county, zero where none', () => {
    const rows = computeIndicatorValues({ ...base, counts });
    expect(value(rows, FORCE, '2025-01')).toEqual({
      areaCode: FORCE,
      month: '2025-01-01',
      numerator: 15,
      denominator: null,
      value: 15,
    });
    expect(value(rows, FORCE, '2025-02')?.value).toBe(4);
    expect(value(rows, READING, '2025-01')?.value).toBe(6);
    expect(value(rows, OXFORDSHIRE, '2025-01')?.value).toBe(4);
    expect(value(rows, OXFORD, '2025-02')?.value).toBe(0);
    expect(rows).toHaveLength(5 * 2);
  });

  it('gives force-wide values only for a force-area indicator', () => {
    const rows = computeIndicatorValues({ ...base, geography: 'force-area', counts });
    expect(rows.map((row) => row.areaCode)).toEqual([FORCE, FORCE]);
  });

  it('divides by the population of the area in the month’s year, and leaves a month without one out', () => {
    const rows = computeIndicatorValues({
      ...base,
      kind: 'crime-rate',
      perPopulation: 1000,
      counts,
      populations: [
        { areaCode: FORCE, year: 2025, population: 3000 },
        { areaCode: READING, year: 2025, population: 1500 },
        { areaCode: OXFORDSHIRE, year: 2024, population: 9999 },
      ],
    });
    expect(value(rows, FORCE, '2025-01')).toEqual({
      areaCode: FORCE,
      month: '2025-01-01',
      numerator: 15,
      denominator: 3000,
      value: 5,
    });
    expect(value(rows, READING, '2025-02')?.value).toBe((4 * 1000) / 1500);
    expect(value(rows, OXFORDSHIRE, '2025-01')).toBeUndefined();
    expect(rows).toHaveLength(4);
  });

  it('shares: crimes with a matching outcome as a per cent of all, none when there were no crimes', () => {
    const rows = computeIndicatorValues({ ...base, kind: 'outcome-share', counts });
    expect(value(rows, FORCE, '2025-01')).toEqual({
      areaCode: FORCE,
      month: '2025-01-01',
      numerator: 5,
      denominator: 15,
      value: 100 / 3,
    });
    expect(value(rows, READING, '2025-01')?.value).toBe(50);
    expect(value(rows, OXFORDSHIRE, '2025-01')?.value).toBe(25);
    expect(value(rows, READING, '2025-02')?.value).toBe(0);
    expect(value(rows, OXFORD, '2025-02')).toBeUndefined();
  });

  it('passes a series through as force-wide values', () => {
    const rows = computeIndicatorValues({
      ...base,
      kind: 'series',
      geography: 'force-area',
      series: [{ month: '2025-01-01', value: 71.5 }],
    });
    expect(rows).toEqual([
      { areaCode: FORCE, month: '2025-01-01', numerator: 71.5, denominator: null, value: 71.5 },
    ]);
  });
});
