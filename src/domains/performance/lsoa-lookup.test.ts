import { describe, expect, it } from 'vitest';
import { checkLookupRecord, detectLookupColumns, type LookupColumns } from './lsoa-lookup.service.ts';

describe('detectLookupColumns', () => {
  it('finds ONS column names of any year, and plain ones', () => {
    expect(detectLookupColumns(['LSOA21CD', 'LSOA21NM', 'LAD22CD', 'LAD22NM', 'ObjectId'])).toEqual({
      lsoaCode: 0,
      lsoaName: 1,
      localAuthorityCode: 2,
      localAuthorityName: 3,
      cspCode: null,
      cspName: null,
    });
    expect(detectLookupColumns(['lsoa11cd', 'csp21cd', 'csp21nm', 'ltla21cd', 'ltla21nm'])).toMatchObject({
      lsoaCode: 0,
      cspCode: 1,
      cspName: 2,
      localAuthorityCode: 3,
      localAuthorityName: 4,
    });
    expect(detectLookupColumns(['lsoa_code', 'local_authority_code', 'local_authority_name'])).toMatchObject({
      lsoaCode: 0,
      lsoaName: null,
      localAuthorityCode: 1,
      localAuthorityName: 2,
    });
  });

  it('says what is missing or doubled', () => {
    expect(detectLookupColumns(['LSOA21CD', 'LSOA21NM'])).toEqual({
      problem: expect.stringMatching(
        /^the header must name the LSOA code, the local authority code and the local authority name/,
      ),
    });
    expect(detectLookupColumns(['LSOA11CD', 'LSOA21CD', 'LAD22CD', 'LAD22NM'])).toEqual({
      problem: 'the header names more than one lsoaCode column: LSOA11CD, LSOA21CD',
    });
  });
});

describe('checkLookupRecord', () => {
  const header = ['LSOA21CD', 'LSOA21NM', 'LAD22CD', 'LAD22NM', 'CSP22CD', 'CSP22NM'];
  const columns = detectLookupColumns(header) as LookupColumns;

  it('gives the row, blanks as null', () => {
    expect(
      checkLookupRecord(
        ['E01016252', 'Bracknell Forest 001C', 'E06000036', 'Bracknell Forest', '', ''],
        2,
        columns,
        header,
      ),
    ).toEqual({
      row: {
        lsoaCode: 'E01016252',
        lsoaName: 'Bracknell Forest 001C',
        localAuthorityCode: 'E06000036',
        localAuthorityName: 'Bracknell Forest',
        communitySafetyPartnershipCode: null,
        communitySafetyPartnershipName: null,
      },
    });
  });

  it('names the line, column, value and reason of every problem', () => {
    expect(checkLookupRecord(['E0101625', 'x', 'Bracknell', '', 'E22', 'y'], 7, columns, header)).toEqual({
      rejects: [
        {
          line: 7,
          column: 'LSOA21CD',
          value: 'E0101625',
          reason: 'must be an LSOA code: E01 or W01 and six digits',
        },
        { line: 7, column: 'LAD22CD', value: 'Bracknell', reason: 'must be a GSS code such as E06000038' },
        { line: 7, column: 'LAD22NM', value: '', reason: 'is blank' },
        {
          line: 7,
          column: 'CSP22CD',
          value: 'E22',
          reason: 'must be a GSS code such as E22000001, or blank',
        },
      ],
    });
  });
});
