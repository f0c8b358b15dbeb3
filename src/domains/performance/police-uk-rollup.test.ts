import { describe, expect, it } from 'vitest';
import type { OutcomeRow, StopAndSearchRow, StreetCrimeRow } from './police-uk/index.ts';
import { THAMES_VALLEY_UNPLACED } from './police-uk/police-uk.testing.ts';
import { UnitRollup } from './police-uk-rollup.ts';

const street = (values: Partial<StreetCrimeRow>): StreetCrimeRow => ({
  kind: 'street',
  line: 2,
  crimeId: 'a'.repeat(64),
  antiSocialBehaviour: false,
  month: '2025-01-01',
  ...THAMES_VALLEY_UNPLACED,
  crimeType: 'Burglary',
  lastOutcomeCategory: null,
  context: null,
  ...values,
});

const lines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .sort();

describe('UnitRollup', () => {
  it('counts street rows by crime type, last outcome and LSOA, anti-social behaviour in a block of its own', () => {
    const rollup = new UnitRollup('street', 7, '2025-01-01');
    rollup.add([
      street({ lsoaCode: 'E01000001', lastOutcomeCategory: 'Under investigation' }),
      street({ lsoaCode: 'E01000001', lastOutcomeCategory: 'Under investigation' }),
      street({}),
    ]);
    rollup.add([street({ crimeId: null, antiSocialBehaviour: true, crimeType: 'Anti-social behaviour' })]);
    const [crimes, asb] = rollup.blocks();
    expect(crimes?.target).toEqual({
      table: 'police_uk_crime_monthly',
      columns: ['force_area_id', 'month', 'crime_type', 'last_outcome_category', 'lsoa_code', 'crimes'],
    });
    expect(lines(crimes?.text ?? '')).toEqual([
      '7\t2025-01-01\tBurglary\t\t\t1',
      '7\t2025-01-01\tBurglary\tUnder investigation\tE01000001\t2',
    ]);
    expect(crimes?.rows).toBe(3);
    expect(asb?.target.table).toBe('police_uk_asb_monthly');
    expect(lines(asb?.text ?? '')).toEqual(['7\t2025-01-01\tAnti-social behaviour\t\t\t1']);
  });

  it('escapes text for COPY and gives an empty block when there is nothing to count', () => {
    const rollup = new UnitRollup('street', 1, '2025-01-01');
    rollup.add([street({ crimeType: 'Odd\ttype\\with escapes' })]);
    const [crimes, asb] = rollup.blocks();
    expect(crimes?.text).toBe('1\t2025-01-01\tOdd\\ttype\\\\with escapes\t\t\t1\n');
    expect(asb).toMatchObject({ text: '', rows: 0 });
  });

  it('counts outcomes by type and LSOA, and stop and search by type, object, outcome and ethnicity', () => {
    const outcomes = new UnitRollup('outcomes', 2, '2021-12-01');
    const outcome = {
      kind: 'outcomes',
      line: 2,
      crimeId: 'b'.repeat(64),
      outcomeType: 'Suspect charged',
      lsoaCode: null,
    } as OutcomeRow;
    outcomes.add([outcome, outcome]);
    expect(outcomes.blocks().map((block) => [block.target.table, block.text])).toEqual([
      ['police_uk_outcome_monthly', '2\t2021-12-01\tSuspect charged\t\t2\n'],
    ]);
    const searches = new UnitRollup('stop-and-search', 2, '2024-03-01');
    searches.add([
      {
        kind: 'stop-and-search',
        type: 'Person search',
        objectOfSearch: 'Controlled drugs',
        outcome: null,
        officerDefinedEthnicity: 'White',
      } as StopAndSearchRow,
    ]);
    expect(searches.blocks()[0]?.text).toBe('2\t2024-03-01\tPerson search\tControlled drugs\t\tWhite\t1\n');
  });
});
