import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { expectPage } from '../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { issueDemoPlanToOffice } from '../judgements/judgements.testing.ts';
import { seedTestForceAreas } from '../performance/performance.testing.ts';
import { parseRecordsFileWithLines } from '../scrutiny/records/records.files.ts';
import { recommendationPaths as paths } from './index.ts';
import { IMPACT_CSV } from './recommendations.impact.view-models.ts';

const system = systemActor('test');
const PLAN = 'thames-valley-2024-2029';
const PRIVATE = 'Heard-in-private-7c1e: the informant handling';

/** A records file of the test panel's recommendations from outside reports (no meetings needed). */
const records = (entries: string) =>
  parseRecordsFileWithLines(
    `
format: peelian-scrutiny-records/1
body: impact-panel
recommendations:
${entries}`,
    'impact.yaml',
  );

const entry = (reference: string, madeOn: string, more = '') =>
  `  - { reference: ${reference}, origin: other, sourceTitle: Review, madeOn: ${madeOn}, text: "Recommendation ${reference}.", addressee: Commissioner${more} }\n`;

describe.each(testEngines())('the Panel’s impact per year, on %s', (engine) => {
  const fixture = useTestApp(engine);
  const load = (entries: string) =>
    fixture.services.scrutiny.records.importRecordsFile(system, records(entries).data);
  const get = (url: string) => fixture.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    const { database, services } = fixture;
    await seedTestForceAreas(database.current);
    await issueDemoPlanToOffice(database.current, services);
    await createTestBody(database.current.db, 'impact-panel', 'scrutiny-panel');
  });

  it('refuses a measure no version of the plan has, naming where it is, and saves nothing', async () => {
    const entries =
      entry('R1', '2025-02-01', `, measures: [${PLAN}/PC1.M1]`) +
      entry('R2', '2025-03-01', `, measures: [${PLAN}/PC9.M9, no-such-plan/PC1.M1]`);
    const refused = await load(entries).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toEqual([
      { field: 'recommendations.1.measures.0', message: `PC9.M9 is not a measure of any version of ${PLAN}` },
      {
        field: 'recommendations.1.measures.1',
        message: 'names no-such-plan, which is not a plan in Peelian',
      },
    ]);
    // The command places the problem in the file by its line, as it does a missing meeting.
    expect(records(entries).locate('recommendations.1.measures.0')).toBe(
      'impact.yaml line 6, recommendations.1.measures.0',
    );
    const api = await get(`${paths.apiImpact()}?body=impact-panel&year=2025`);
    expect(api.json().recommendations).toEqual([]);
  });

  it('counts a year’s public recommendations by response and outcome, each through to its measures', async () => {
    await load(
      entry(
        'R1',
        '2025-02-01',
        `, measures: [${PLAN}/PC1.M1, ${PLAN}/PP1.M1], response: { kind: accepted, text: Agreed., on: 2025-03-01 }, outcome: { kind: implemented, text: Done., on: 2025-09-01 }`,
      ) +
        entry('R2', '2025-04-01', ', response: { kind: partly-accepted, text: In part., on: 2025-05-01 }') +
        entry('R3', '2025-06-01') +
        entry('R4', '2025-07-01').replace('Recommendation R4.', PRIVATE) +
        entry('R0', '2024-11-01'),
    );
    const { db } = fixture.database.current;
    const secret = await db.selectFrom('recommendation').select('id').where('reference', '=', 'R4').execute();
    await fixture.services.recommendations.setVisibility(
      db,
      secret.map((row) => row.id),
      'private',
    );

    const page = await get(`${paths.impact()}?body=impact-panel&year=2025`);
    expectPage(page, 200, 'made in 2025', 'A year here is the year a recommendation was made');
    expect(page.body).not.toContain(PRIVATE);
    expect(page.body).toContain(`href="/scorecard/measures/PC1.M1"`);

    const api = (await get(`${paths.apiImpact()}?body=impact-panel&year=2025`)).json();
    expect(api.counts).toEqual({
      response: { accepted: 1, 'partly-accepted': 1, 'not-accepted': 0, awaiting: 1 },
      outcome: { implemented: 1, 'not-implemented': 0, superseded: 0, withdrawn: 0, open: 2 },
    });
    expect(api.recommendations.map((row: { reference: string }) => row.reference)).toEqual([
      'R1',
      'R2',
      'R3',
    ]);
    const [first] = api.recommendations;
    expect(first.response).toEqual({ kind: 'accepted', text: 'Agreed.', date: '2025-03-01' });
    expect(first.measures.map((m: { code: string }) => m.code)).toEqual(['PC1.M1', 'PP1.M1']);
    expect(first.measures[0].judgement).toEqual(expect.any(String));

    const csv = await get(`${paths.impactCsv()}?body=impact-panel&year=2025`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toBe(toCsv(api.recommendations, IMPACT_CSV));
    expect(csv.body).not.toContain(PRIVATE);
  });

  it('says so for a year with none, and links each year from the ledger’s page', async () => {
    const empty = await get(`${paths.impact()}?body=impact-panel&year=2019`);
    expectPage(empty, 200, 'There are no public recommendations made by');
    expect(empty.body).toContain('href="/scrutiny/recommendations/impact?body=impact-panel&amp;year=2024"');
    expect((await get(paths.list())).body).toContain(`href="${paths.impact()}"`);
    expect((await get(`${paths.apiImpact()}?body=nobody&year=2025`)).statusCode).toBe(404);
  });
});
