import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../kernel/testing/expect-page.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { apiPaths } from '../api/api.paths.ts';
import { parsePlanFile } from '../plans/index.ts';
import { scorecardPaths } from './judgements.paths.ts';
import { FORCE, READING, seedScorecardFixture } from './judgements.testing.ts';

/** A draft plan, never issued, whose term covers today: nothing of it may reach the public scorecard. */
const DRAFT_MARKER = `Draft measure ${Math.random().toString(36).slice(2)}`;
const DRAFT_PLAN = `format: peelian-plan/1
plan:
  slug: thames-valley-draft-2026
  title: A draft plan
  body: thames-valley-pcc
  forceArea: thames-valley
  authorName: Someone
  authorOffice: Police and Crime Commissioner
  termStart: 2026-01-01
  termEnd: 2030-03-31
pillars:
  - code: D
    title: Draft pillar
    priorities:
      - code: D1
        title: Draft priority
        measures:
          - { code: D1.M1, text: "${DRAFT_MARKER}", direction: decrease }
`;

describe.each(testEngines())('the scorecard on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;

  beforeAll(async () => {
    services = await seedScorecardFixture(database.current, { ksi: true });
    await services.plans.importPlanFile(systemActor('test'), parsePlanFile(DRAFT_PLAN));
    app = await buildTestApp(database.current);
  });
  afterAll(() => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('lists every measure of the plan in force by priority, each judged in words with a chart, period and source', async () => {
    const page = await get(scorecardPaths.scorecard());
    expectPage(
      page,
      200,
      'Protecting Thames Valley',
      '<h3 class="govuk-heading-m">PC1 Crime Prevention</h3>',
    );
    for (const code of ['PC1.M1', 'PC2.M1', 'PP4.M1', 'PPR5.M1'])
      expect(page.body).toContain(`data-testid="measure-${code}"`);
    // The KSI series: fourteen months in a row, the last a spike when fewer is better.
    expect(page.body).toMatch(
      /measure-PC3\.M1[\s\S]*?Deteriorating[\s\S]*?January 2024 to February 2025 \(14 months\)/,
    );
    // Three police.uk months with March missing: judged together across the gap, which is named; too few
    // months (under 6) for even a provisional reading.
    expect(page.body).toMatch(
      /measure-PPR1\.M1[\s\S]*?Trial — too few points[\s\S]*?January 2025 to April 2025 \(3 months; no figures for March 2025\)\./,
    );
    expect(page.body).toMatch(
      /measure-PP4\.M1[\s\S]*?Awaiting data[\s\S]*?No indicator is defined for this measure yet/,
    );
    expect(page.body).toContain('Source: police.uk test files.');
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*>/);
    expect(page.body).not.toContain('<style');
    expect(page.body).not.toMatch(/\sstyle="/);
    expect(page.body).toContain('href="/scorecard" aria-current="page"');
  });

  it('filters by local authority where the indicator allows, and says when an indicator is force-wide', async () => {
    const page = await get(scorecardPaths.scorecard({}, { area: READING }));
    expectPage(
      page,
      200,
      'Showing figures for Reading',
      'Choose a local authority to see its own figures wherever an indicator has them. Other indicators show the whole force area.',
    );
    expect(page.body).toMatch(/measure-PC3\.M1[\s\S]*?Figures for the whole force area only/);
    expect(page.body).toContain(`href="/scorecard/measures/PC1.M1?area=${READING}"`);
    const bad = await get(scorecardPaths.scorecard({}, { area: 'E06999999' }));
    expectRefused(bad, 'E06999999 is not a local authority in Thames Valley');
  });

  it('shows a measure: the SPC chart as an image with a name, the data table, the method, the gap, and downloads', async () => {
    const page = await get(scorecardPaths.measure({ code: 'PPR1.M2' }));
    expectPage(page, 200, 'PPR1.M2: Increased charges');
    expect(page.body).toMatch(
      /<svg[^>]*aria-label="Statistical process control chart of burglaries charged, Thames Valley[^"]*"[^>]*role="img"/,
    );
    expect(page.body).toContain('<title>Statistical process control chart of burglaries charged');
    expect(page.body).not.toContain('<style');
    expect(page.body).toContain(
      'There are no figures for March 2025. The chart breaks its line there and the table lists the gap. The mean and limits come from the 3 months present;',
    );
    expect(page.body).toContain('The line breaks at March 2025, which has no figures.');
    // The table shows the gap the chart shows: a row for March 2025 between February and April.
    expect(page.body).toMatch(
      /February 2025<\/th>[\s\S]*?March 2025<\/th>\s*<td class="govuk-table__cell" colspan="8">No figures: a gap of 1 month<\/td>[\s\S]*?April 2025<\/th>/,
    );
    expect(page.body).toMatch(
      /January 2025<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">33\.3<\/td>[\s\S]*?Not called: too few months/,
    );
    expect(page.body).toContain('Awaiting court outcome; Offender fined');
    // Three months, too few to read: labelled as such, never as a change the headline does not call.
    expect(page.body).toMatch(/April 2025<\/th>[\s\S]*?Not called: too few months<\/td>\s*<\/tr>/);
    expect(page.body).toContain('Too few months to read: no change called');
    expect(page.body).toContain('A month with no figures (the line breaks there)');
    expect(page.body).not.toMatch(/<td class="govuk-table__cell">(Improvement|Concern|Common cause)<\/td>/);
    expect(page.body).toContain('href="/scorecard/measures/PPR1.M2.csv"');
    expect(page.body).toContain('href="/api/v1/scorecard/measures/PPR1.M2"');
    expect(page.body).toContain('<nav aria-label="Back">');

    const rate = await get(scorecardPaths.measure({ code: 'PC1.M1' }, { area: READING }));
    expect(rate.body).toContain('Population figures used: Test figures.');
    const awaiting = await get(scorecardPaths.measure({ code: 'PP4.M1' }));
    expect(awaiting.body).toContain('No indicator is defined for this measure yet');
  });

  it('downloads a measure as CSV: one row per indicator and month with its SPC fields', async () => {
    const response = await get(scorecardPaths.measureCsv({ code: 'PC3.M1' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(`scorecard-PC3.M1-${FORCE}.csv`);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'measure,indicator,area_code,month,value,numerator,denominator,judged,mean,lower_limit,upper_limit,rule,type,unit,source,provisional',
    );
    expect(lines).toHaveLength(15);
    expect(lines[14]).toMatch(
      /^PC3\.M1,t-ksi,E23000029,2025-02,30,30,,yes,[\d.]+,[\d.-]+,[\d.]+,outside-limits,concern,people,A test file,no$/,
    );
  });

  it('serves a measure as JSON: measure, indicators, points with SPC fields, variation, trial limits, period and source', async () => {
    const response = await get(scorecardPaths.apiMeasure({ code: 'PC3.M1' }));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.measure).toMatchObject({
      code: 'PC3.M1',
      direction: 'decrease',
      improvement: 'decrease',
      judgement: 'deteriorating',
    });
    const [ksi] = body.indicators;
    expect(ksi).toMatchObject({
      slug: 't-ksi',
      source: 'A test file',
      judgement: 'deteriorating',
      variation: 'concern',
      provisional: false,
      trialLimits: false,
      period: { from: '2024-01', to: '2025-02', months: 14, missingMonths: [] },
      notJudged: { months: [], missingMonths: [] },
    });
    expect(ksi.points).toHaveLength(14);
    expect(ksi.points[13]).toMatchObject({
      month: '2025-02',
      value: 30,
      judged: true,
      rule: 'outside-limits',
      type: 'concern',
    });
    expect(ksi.points[0].upperLimit).toBeGreaterThan(ksi.points[0].mean);

    const gap = (await get(scorecardPaths.apiMeasure({ code: 'PPR1.M1' }))).json().indicators[0];
    // March 2025 is missing: judged across, named in the period, and no month before it is left out.
    expect(gap.period).toEqual({ from: '2025-01', to: '2025-04', months: 3, missingMonths: ['2025-03'] });
    expect(gap.notJudged).toEqual({ months: [], missingMonths: ['2025-03'] });
    expect(gap).toMatchObject({ judgement: 'trial', provisional: false });
    expect(gap.points[0]).toMatchObject({
      month: '2025-01',
      judged: true,
      type: null,
      notJudged: 'trial-limits',
    });

    const byArea = (await get(scorecardPaths.apiMeasure({ code: 'PC1.M1' }, { area: READING }))).json();
    expect(byArea.area).toEqual({ code: READING, name: 'Reading', forceWide: false });
    expect(byArea.indicators.map((indicator: { area: string }) => indicator.area)).toEqual([
      READING,
      READING,
    ]);
    const all = (await get(scorecardPaths.apiScorecard())).json();
    expect(all.measures).toHaveLength(18);
    expect(all.measures[0].indicators[0]).not.toHaveProperty('points');
  });

  it('answers 404 for a code that is not a measure of the plan in force, on every form', async () => {
    for (const url of [
      '/scorecard/measures/XX9.M9',
      '/scorecard/measures/XX9.M9.csv',
      '/api/v1/scorecard/measures/XX9.M9',
      '/scorecard/measures/D1.M1',
    ])
      expect((await get(url)).statusCode, url).toBe(404);
  });

  it('is in the OpenAPI document, and never shows a draft plan', async () => {
    const document = (await get(apiPaths.openApiDocument())).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/scorecard', '/api/v1/scorecard/measures/{code}']),
    );
    await expectNeverPublic(app, DRAFT_MARKER, [
      '/scorecard/measures/PC1.M1',
      '/api/v1/scorecard/measures/PC1.M1',
    ]);
  });
});
