import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../../composition.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { expectPage } from '../../../kernel/testing/expect-page.ts';
import { buildTestApp, TEST_URLS } from '../../../kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../../kernel/testing/test-database.ts';
import { apiPaths } from '../../api/api.paths.ts';
import { performancePaths } from '../performance.paths.ts';
import { STREET_HEADER, seedTestForceAreas, streetLine, writeTestFiles } from '../performance.testing.ts';
import { NO_RATE_BY } from './figures.view-models.ts';

const SEARCH_HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

function searchLine(
  month: string,
  type: string,
  person: [gender: string, age: string, selfDefined: string, officerDefined: string],
  object: string,
  outcome: string,
): string {
  const [gender, age, selfDefined, officerDefined] = person;
  return `${type},${month}-10T10:00:00+00:00,False,,51.45,-0.97,${gender},${age},${selfDefined},${officerDefined},Misuse of Drugs Act 1971 (section 23),${object},${outcome},False,False`;
}

const NO_PERSON: [string, string, string, string] = ['', '', '', ''];
const WHITE_BRITISH = 'White - English/Welsh/Scottish/Northern Irish/British';

/** Four months of crimes (with anti-social behaviour beside them), two of stop and search. */
const FILES = {
  '2025-01/2025-01-thames-valley-street.csv': [
    streetLine({
      id: 1,
      month: '2025-01',
      type: 'Burglary',
      outcome: 'Investigation complete; no suspect identified',
    }),
    streetLine({ id: 2, month: '2025-01', type: 'Burglary', outcome: 'Under investigation' }),
    streetLine({ id: 3, month: '2025-01', type: 'Shoplifting', outcome: 'Local resolution' }),
    streetLine({ id: null, month: '2025-01', type: 'Anti-social behaviour' }),
  ],
  '2025-02/2025-02-thames-valley-street.csv': [
    streetLine({ id: 4, month: '2025-02', type: 'Burglary', outcome: 'Under investigation' }),
    streetLine({ id: 5, month: '2025-02', type: 'Drugs' }),
  ],
  '2025-03/2025-03-thames-valley-street.csv': [
    streetLine({ id: 6, month: '2025-03', type: 'Shoplifting', outcome: 'Under investigation' }),
  ],
  '2025-04/2025-04-thames-valley-street.csv': [
    streetLine({ id: 7, month: '2025-04', type: 'Burglary', outcome: 'Under investigation' }),
    streetLine({ id: 8, month: '2025-04', type: 'Vehicle crime', outcome: 'Under investigation' }),
    streetLine({ id: null, month: '2025-04', type: 'Anti-social behaviour' }),
  ],
  '2025-02/2025-02-thames-valley-stop-and-search.csv': [
    searchLine(
      '2025-02',
      'Person search',
      ['Male', '18-24', WHITE_BRITISH, 'White'],
      'Controlled drugs',
      'A no further action disposal',
    ),
    searchLine(
      '2025-02',
      'Person search',
      ['Female', 'over 34', 'Asian/Asian British - Indian', 'Asian'],
      'Offensive weapons',
      'Arrest',
    ),
    searchLine('2025-02', 'Vehicle search', NO_PERSON, 'Stolen goods', 'A no further action disposal'),
  ],
  '2025-03/2025-03-thames-valley-stop-and-search.csv': [
    searchLine(
      '2025-03',
      'Person and Vehicle search',
      ['Male', '10-17', '', 'Black'],
      'Controlled drugs',
      'Community resolution',
    ),
  ],
};

describe.each(testEngines())('stop and search and crime outcomes on %s', (engine) => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedTestForceAreas(database);
    services = buildServices(database, TEST_URLS);
    const files = await writeTestFiles(
      Object.fromEntries(
        Object.entries(FILES).map(([name, lines]) => [
          name,
          `${[name.includes('stop') ? SEARCH_HEADER : STREET_HEADER, ...lines].join('\n')}\n`,
        ]),
      ),
    );
    try {
      const report = await services.performance.imports.importPoliceUk(systemActor('test'), [files.dir], {
        origin: 'command-line',
      });
      expect(report.status).toBe('succeeded');
    } finally {
      await files.remove();
    }
    // A round figure so that the rates are easy to check: 2,000 residents in 2025, none held for 2024.
    await database.db
      .insertInto('populationEstimate')
      .values({
        areaCode: 'E23000029',
        year: 2025,
        population: 2000,
        source: 'Test figure',
        sourceFile: 't.csv',
      })
      .execute();
    app = await buildTestApp(database);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe('stop and search', () => {
    it('counts the latest twelve months by month and every breakdown, with rates only where all residents are the base', async () => {
      const figures = await services.performance.figures.stopAndSearch('thames-valley');
      expect(figures.period).toMatchObject({ from: '2024-04-01', to: '2025-03-01' });
      expect(figures.period?.loaded).toEqual(['2025-02-01', '2025-03-01']);
      expect(figures.monthly.filter((row) => row.searches !== null)).toEqual([
        { month: '2025-02-01', searches: 3, population: 2000, ratePer1000: 1.5 },
        { month: '2025-03-01', searches: 1, population: 2000, ratePer1000: 0.5 },
      ]);
      expect(figures.monthly[0]).toEqual({
        month: '2024-04-01',
        searches: null,
        population: null,
        ratePer1000: null,
      });
      expect(figures).toMatchObject({ total: 4, noFurtherAction: 2, residents: 2000, ratePer1000: 2 });
      expect(figures.byObjectOfSearch).toEqual([
        { key: 'Controlled drugs', count: 2, share: 0.5 },
        { key: 'Offensive weapons', count: 1, share: 0.25 },
        { key: 'Stolen goods', count: 1, share: 0.25 },
      ]);
      expect(figures.bySelfDefinedEthnicity).toEqual([
        { key: '', count: 2, share: 0.5 },
        { key: 'Asian/Asian British - Indian', count: 1, share: 0.25 },
        { key: WHITE_BRITISH, count: 1, share: 0.25 },
      ]);
      expect(figures.byAgeRange.map((row) => [row.key, row.count])).toEqual([
        ['', 1],
        ['10-17', 1],
        ['18-24', 1],
        ['over 34', 1],
      ]);
    });

    it('narrows to a period, and gives no rate for a month whose year has no population', async () => {
      const march = await services.performance.figures.stopAndSearch('thames-valley', {
        from: '2025-03',
        to: '2025-03',
      });
      expect(march).toMatchObject({ total: 1, noFurtherAction: 0, ratePer1000: 0.5 });
      expect(march.byOfficerDefinedEthnicity).toEqual([{ key: 'Black', count: 1, share: 1 }]);
      const before = await services.performance.figures.stopAndSearch('thames-valley', {
        from: '2024-01',
        to: '2024-12',
      });
      expect(before).toMatchObject({ total: 0, residents: null, ratePer1000: null });
    });

    it('shows the page with the headline, the no-further-action share, and why no rate by ethnicity is given', async () => {
      const page = await get(performancePaths.stopAndSearch({ force: 'thames-valley' }));
      expectPage(
        page,
        200,
        'From April 2024 to March 2025, police.uk records 4 stops and searches by Thames Valley (2.00 per 1,000 residents); 50.0% of them ended with no further action.',
        '2 of 4 searches (50.0%) ended with no further action.',
        'Ethnicity, as the person searched defined it',
        '2,000 in 2025 (Test figure)',
        'role="img"',
        'Peelian holds no population by ethnicity, age or gender for the force area.',
      );
    });

    it('serves the same figures as JSON and CSV, with no rate by ethnicity, age or gender', async () => {
      const query = { from: '2025-02', to: '2025-03' };
      const json = (await get(performancePaths.apiStopAndSearch({ force: 'thames-valley' }, query))).json();
      expect(json).toMatchObject({
        force: 'thames-valley',
        period: { from: '2025-02', to: '2025-03', monthsLoaded: ['2025-02', '2025-03'], monthsNotLoaded: [] },
        searches: 4,
        ratePer1000: 2,
        noRateBy: NO_RATE_BY,
      });
      expect(json.byOutcome[0]).toEqual({
        key: 'A no further action disposal',
        label: 'A no further action disposal',
        count: 2,
        share: 0.5,
        ratePer1000: 1,
      });
      expect(json.bySelfDefinedEthnicity[0]).toEqual({
        key: '',
        label: 'Not recorded',
        count: 2,
        share: 0.5,
      });
      const csv = await get(performancePaths.stopAndSearchCsv({ force: 'thames-valley' }, query));
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe(
        'force,period_from,period_to,breakdown,value,searches,share,rate_per_1000_residents',
      );
      expect(lines).toContain('thames-valley,2025-02,2025-03,all,,4,,2');
      expect(lines).toContain('thames-valley,2025-02,2025-03,month,2025-02,3,,1.5');
      expect(lines).toContain('thames-valley,2025-02,2025-03,outcome,A no further action disposal,2,0.5,1');
      expect(lines).toContain('thames-valley,2025-02,2025-03,officer_defined_ethnicity,Black,1,0.25,');
      expect(lines).toHaveLength(1 + 1 + 2 + json.byType.length + 3 + 3 + 3 + 4 + 4 + 3);
    });

    it('says so when a force has no stop and search loaded, and refuses a period that ends before it starts', async () => {
      expectPage(
        await get(performancePaths.stopAndSearch({ force: 'hampshire' })),
        200,
        'No police.uk stop and search data has been loaded for Hampshire',
      );
      expect((await get(performancePaths.apiStopAndSearch({ force: 'hampshire' }))).json()).toMatchObject({
        period: null,
        searches: 0,
      });
      const backwards = await get(
        performancePaths.apiStopAndSearch({ force: 'thames-valley' }, { from: '2025-03', to: '2025-01' }),
      );
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error).toContain('The period starts (from=2025-03) after it ends (to=2025-01)');
      const malformed = await get(
        performancePaths.stopAndSearch({ force: 'thames-valley' }, { from: '2025-13' }),
      );
      expectPage(malformed, 400, 'Give first month (from) as YYYY-MM');
    });
    it('counts again once a month is reloaded, though the period was asked for before', async () => {
      const march = { from: '2025-03', to: '2025-03' };
      expect((await services.performance.figures.stopAndSearch('thames-valley', march)).total).toBe(1);
      const line = searchLine('2025-03', 'Person search', NO_PERSON, 'Stolen goods', 'Arrest');
      const files = await writeTestFiles({
        '2025-03-thames-valley-stop-and-search.csv': `${[SEARCH_HEADER, line, line].join('\n')}\n`,
      });
      try {
        const report = await services.performance.imports.importPoliceUk(systemActor('test'), [files.dir], {
          origin: 'command-line',
        });
        expect(report.status).toBe('succeeded');
      } finally {
        await files.remove();
      }
      expect((await services.performance.figures.stopAndSearch('thames-valley', march)).total).toBe(2);
    });
  });

  describe('outcomes', () => {
    it('counts crimes by type and latest outcome, never anti-social behaviour, the latest three months provisional', async () => {
      const figures = await services.performance.figures.crimeOutcomes('thames-valley');
      expect(figures.provisionalFrom).toBe('2025-02-01');
      expect(figures.total).toBe(8);
      expect(figures.monthly.filter((row) => row.crimes !== null)).toEqual([
        { month: '2025-01-01', crimes: 3, underInvestigation: 1, noSuspect: 1, provisional: false },
        { month: '2025-02-01', crimes: 2, underInvestigation: 1, noSuspect: 0, provisional: true },
        { month: '2025-03-01', crimes: 1, underInvestigation: 1, noSuspect: 0, provisional: true },
        { month: '2025-04-01', crimes: 2, underInvestigation: 2, noSuspect: 0, provisional: true },
      ]);
      expect(figures.byCrimeType).toEqual([
        {
          crimeType: 'Burglary',
          crimes: 4,
          underInvestigation: 3,
          noSuspect: 1,
          noOutcome: 0,
          provisionalCrimes: 2,
        },
        {
          crimeType: 'Shoplifting',
          crimes: 2,
          underInvestigation: 1,
          noSuspect: 0,
          noOutcome: 0,
          provisionalCrimes: 1,
        },
        {
          crimeType: 'Drugs',
          crimes: 1,
          underInvestigation: 0,
          noSuspect: 0,
          noOutcome: 1,
          provisionalCrimes: 1,
        },
        {
          crimeType: 'Vehicle crime',
          crimes: 1,
          underInvestigation: 1,
          noSuspect: 0,
          noOutcome: 0,
          provisionalCrimes: 1,
        },
      ]);
      expect(figures.byOutcome.map((row) => row.key)).not.toContain('Anti-social behaviour');
    });

    it('shows the page with the provisional months marked, and the CSV and JSON of the same period', async () => {
      const query = { from: '2025-01', to: '2025-02' };
      const page = await get(performancePaths.outcomes({ force: 'thames-valley' }, query));
      expectPage(
        page,
        200,
        'Provisional</strong>',
        'Settled',
        'data-testid="provisional-note"',
        'from February 2025',
      );
      const json = (await get(performancePaths.apiOutcomes({ force: 'thames-valley' }, query))).json();
      expect(json).toMatchObject({ crimes: 5, provisionalMonths: 3, provisionalFrom: '2025-02' });
      expect(json.monthly.map((row: { provisional: boolean }) => row.provisional)).toEqual([false, true]);
      const csv = (await get(performancePaths.outcomesCsv({ force: 'thames-valley' }, query))).body;
      expect(csv).toContain('thames-valley,2025-02,Drugs,,1,yes\r\n');
      expect(csv).toContain('thames-valley,2025-01,Shoplifting,Local resolution,1,no\r\n');
      expect(csv.trim().split('\r\n')).toHaveLength(1 + 5);
    });

    it('says so when a force has no street data, and the force page links to both pages', async () => {
      expectPage(
        await get(performancePaths.outcomes({ force: 'hampshire' })),
        200,
        'No police.uk street-level crime has been loaded for Hampshire',
      );
      expectPage(
        await get(performancePaths.force({ force: 'thames-valley' })),
        200,
        'href="/performance/police-uk/thames-valley/outcomes"',
        'href="/performance/police-uk/thames-valley/stop-and-search"',
      );
    });

    it('both APIs are in the OpenAPI document', async () => {
      const document = (await get(apiPaths.openApiDocument())).json();
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/police-uk/forces/{force}/stop-and-search',
          '/api/v1/police-uk/forces/{force}/outcomes',
        ]),
      );
    });
  });
});
