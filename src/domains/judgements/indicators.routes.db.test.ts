import { beforeAll, describe, expect, it } from 'vitest';
import { expectPage } from '../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { signInAs } from '../accounts/accounts.testing.ts';
import { scorecardPaths } from './judgements.paths.ts';
import {
  FORCE,
  indicatorValuesByMonth,
  KSI_SERIES,
  READING,
  seedScorecardFixture,
} from './judgements.testing.ts';

describe.each(testEngines())('managing indicators in the browser on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let analyst: TestClient;
  let panelMember: TestClient;

  const values = (slug: string, area: string) => indicatorValuesByMonth(database.current, slug, area);

  const populations = () =>
    database.current.db
      .selectFrom('populationEstimate')
      .selectAll()
      .orderBy('areaCode')
      .orderBy('year')
      .execute();

  const lastAudit = (recordType: string) =>
    database.current.db
      .selectFrom('auditEvent')
      .select(['actorKind', 'actorLabel', 'action', 'after', 'requestId'])
      .where('recordType', '=', recordType)
      .orderBy('id', 'desc')
      .executeTakeFirst();

  beforeAll(async () => {
    await seedScorecardFixture(database.current);
    officer = await signInAs(fixture, { role: 'opcc-officer', body: 'thames-valley-pcc' });
    analyst = await signInAs(fixture, { role: 'force-analyst', body: 'thames-valley-pcc' });
    panelMember = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-pcc' });
  });

  it('links the management pages from the scorecard only for those who may use them', async () => {
    expect((await officer.get(scorecardPaths.scorecard())).body).toContain(
      'href="/scorecard/indicators/population"',
    );
    expect((await analyst.get(scorecardPaths.scorecard())).body).toContain(
      'href="/scorecard/indicators/series"',
    );
    expect((await panelMember.get(scorecardPaths.scorecard())).body).not.toContain('data-testid="manage"');
    expect((await fixture.app.inject({ method: 'GET', url: scorecardPaths.scorecard() })).body).not.toContain(
      '/scorecard/indicators',
    );
    expect((await panelMember.get(scorecardPaths.indicators())).statusCode).toBe(403);
    expect(
      (await fixture.app.inject({ method: 'GET', url: scorecardPaths.indicators() })).headers.location,
    ).toBe('/sign-in?next=%2Fscorecard%2Findicators');
  });

  it('refuses a population file with a problem, naming its line and column, and saves nothing', async () => {
    const before = await populations();
    const text = `area_code,year,population\n${READING},2026,12000\n${READING},2027,lots\nE06999999,2026,5\n`;
    const refused = await officer.upload('/scorecard/indicators/population?name=people.csv', text);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([
      {
        field: 'people.csv line 3, population',
        message: '"lots" is not a number of residents (a whole number above 0)',
      },
    ]);
    const unknown = await officer.upload(
      '/scorecard/indicators/population?name=people.csv',
      `area_code,year,population\n${READING},2026,12000\nE06999999,2026,5\n`,
    );
    expect(unknown.json().fields).toEqual([
      {
        field: 'people.csv line 3, area_code',
        message: 'E06999999 is not a force area or local authority in Peelian',
      },
    ]);
    expect(await populations()).toEqual(before);
    const empty = await officer.upload('/scorecard/indicators/population?name=empty.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toEqual([{ field: 'empty.csv', message: 'is empty' }]);
  });

  it('saves a population file, rebuilds the rates, says so, and audits it against the person', async () => {
    const response = await analyst.upload(
      '/scorecard/indicators/population?name=people.csv',
      `# Test figures\narea_code,year,population,source\n${FORCE},2025,50000,Test\n${READING},2025,5000,Test\n`,
    );
    expect(response.statusCode).toBe(201);
    const answer = response.json();
    expect(answer).toMatchObject({
      rows: 2,
      areas: 2,
      firstYear: 2025,
      lastYear: 2025,
      refresh: { refreshed: 1, failed: [] },
      page: '/scorecard/indicators/population/loaded?file=people.csv',
    });
    expect((await values('t-priority-rate', FORCE))['2025-01']).toBe(0.12);
    const page = await analyst.get(answer.page);
    expectPage(page, 200, 'Population figures saved');
    expect(page.body).toMatch(/2 populations for 2 areas/);
    expect(page.body).toContain('The scorecard was refreshed');
    expect(page.body).toMatch(/Priority crimes per 1,000 residents: rebuilt on \d+ \w+ \d{4} at \d\d:\d\d/);
    expect(await lastAudit('population_estimate')).toMatchObject({
      actorKind: 'user',
      action: 'update',
      after: { file: 'people.csv', rows: 2 },
      requestId: expect.any(String),
    });
    expect((await analyst.get(scorecardPaths.populationLoaded({}, { file: 'other.csv' }))).statusCode).toBe(
      404,
    );
  });

  it('offers the series indicators to choose from, and refuses a series with a gap or a repeated month', async () => {
    const form = await officer.get(scorecardPaths.series({}, { indicator: 't-ksi' }));
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(
      /<option value="t-ksi" selected>Killed or seriously injured \(t-ksi\)<\/option>/,
    );
    expect(form.body).not.toContain('value="t-burglary"');
    expect(form.body).toContain('id="series-file"');

    const gap = await officer.upload(
      '/scorecard/indicators/series?name=ksi.csv&indicator=t-ksi',
      'month,value\n2025-01,4\n2025-01,5\n2025-03,x\n',
    );
    expect(gap.statusCode).toBe(400);
    expect(gap.json().fields).toEqual([
      { field: 'ksi.csv line 3, month', message: '2025-01 appears twice: it is already on line 2' },
      { field: 'ksi.csv line 4, value', message: '"x" is not a number' },
    ]);
    const notSeries = await officer.upload(
      '/scorecard/indicators/series?name=ksi.csv&indicator=t-burglary',
      KSI_SERIES,
    );
    expect(notSeries.json().fields).toEqual([
      { field: 'indicator', message: expect.stringMatching(/^t-burglary is a crime-count indicator/) },
    ]);
    const unchosen = await officer.upload('/scorecard/indicators/series?name=ksi.csv&indicator=', KSI_SERIES);
    expect(unchosen.json().fields).toEqual([
      { field: 'indicator', message: 'Choose the indicator these figures are for' },
    ]);
    expect(await values('t-ksi', FORCE)).toEqual({});
  });

  it('saves a series, rebuilds its indicator and says what was loaded', async () => {
    const response = await officer.upload(
      '/scorecard/indicators/series?name=ksi.csv&indicator=t-ksi',
      KSI_SERIES,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      months: 14,
      from: '2024-01',
      to: '2025-02',
      page: '/scorecard/indicators/series/loaded?indicator=t-ksi',
    });
    expect(Object.keys(await values('t-ksi', FORCE))).toHaveLength(14);
    const page = await officer.get(scorecardPaths.seriesLoaded({}, { indicator: 't-ksi' }));
    expectPage(page, 200, 'Series saved', '14 months, January 2024 to February 2025');
    expect(page.body).toMatch(/[0-9a-f]{64}/);
    expect(page.body).toContain(
      'The scorecard was refreshed: Killed or seriously injured was worked out again',
    );
    expect(await lastAudit('indicator_series')).toMatchObject({
      actorKind: 'user',
      after: { file: 'ksi.csv', months: 14 },
    });
  });

  it('refuses an upload declared larger than the limit before reading it', async () => {
    const response = await fixture.app.inject({
      method: 'POST',
      url: scorecardPaths.population({}, { name: 'big.csv' }),
      payload: 'x',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(6 * 1024 * 1024),
        accept: 'application/json',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ field: 'file', message: 'The file is larger than 5 MB' }]);
  });

  it('lists every indicator with its kind, source, last rebuild and problem, and rebuilds one on request', async () => {
    await database.current.db
      .updateTable('indicator')
      .set({ refreshError: 'the disk was full' })
      .where('slug', '=', 't-asb')
      .execute();
    const page = await analyst.get(scorecardPaths.indicators());
    expect(page.statusCode).toBe(200);
    for (const slug of [
      't-burglary',
      't-priority',
      't-priority-rate',
      't-asb',
      't-burglary-charged',
      't-ksi',
    ])
      expect(page.body).toContain(`data-testid="indicator-${slug}"`);
    expect(page.body).toMatch(
      /indicator-t-asb"[\s\S]*?A monthly count from police\.uk[\s\S]*?police\.uk test files[\s\S]*?\d+ \w+ \d{4} at \d\d:\d\d[\s\S]*?the disk was full/,
    );
    expect(page.body).toMatch(/indicator-t-ksi"[\s\S]*?Values from ksi\.csv, loaded/);
    expect(page.body).toContain('1 indicator has a problem.');

    const rebuilt = await analyst.post(scorecardPaths.rebuild(), { slug: 't-asb' });
    expect(rebuilt.statusCode).toBe(303);
    expect(rebuilt.headers.location).toBe('/scorecard/indicators?rebuilt=t-asb');
    const after = await analyst.get(rebuilt.headers.location as string);
    expect(after.body).toMatch(/Anti-social behaviour was rebuilt on \d+ \w+ \d{4} at \d\d:\d\d\./);
    expect(after.body).not.toContain('the disk was full');
    expect(await lastAudit('indicator_value')).toMatchObject({
      actorKind: 'user',
      action: 'update',
      after: { slug: 't-asb', values: expect.any(Number) },
      requestId: expect.any(String),
    });
    expect((await analyst.post(scorecardPaths.rebuild(), { slug: 'no-such-thing' })).statusCode).toBe(404);
    expect((await panelMember.post(scorecardPaths.rebuild(), { slug: 't-asb' })).statusCode).toBe(403);
  });
});
