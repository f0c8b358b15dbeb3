import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { signInAs } from '../accounts/accounts.testing.ts';
import { loadSurveyFile } from './engagement.files.ts';
import { engagementPaths as paths } from './engagement.paths.ts';
import { SURVEY_RATE } from './engagement.routes.ts';
import {
  CSV_HEADER,
  daysFromToday,
  OFFICE,
  READING,
  responseLines,
  seedEngagementFixture,
  surveyFile,
} from './engagement.testing.ts';

const OPEN = { survey: 'test-survey' };
const CLOSED = { survey: 'closed' };
const system = systemActor('test');

describe.each(testEngines())('the survey form, results, analysis and API, on %s', (engine) => {
  const fixture = useTestApp(engine);
  let officer: TestClient;
  const responses = async () =>
    Number(
      (
        await fixture.database.current.db
          .selectFrom('surveyResponse')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await seedEngagementFixture(fixture.database.current, fixture.services);
    await loadSurveyFile(fixture.services.engagement, system, surveyFile(), 'open.yaml');
    await loadSurveyFile(
      fixture.services.engagement,
      system,
      surveyFile({ slug: 'closed', opensOn: daysFromToday(-60), closesOn: daysFromToday(-1) }),
      'closed.yaml',
    );
    await fixture.services.engagement.importResponses(system, 'closed', {
      text: [CSV_HEADER, ...responseLines(12, 'safe'), ...responseLines(3, 'unsafe')].join('\n'),
      fileName: 'closed.csv',
    });
    officer = await signInAs(fixture, { role: 'opcc-officer', body: OFFICE });
  });

  it('takes an answer without an account, with CSRF, and says it was received; a mistake re-asks with the answers kept', async () => {
    const visitor = new TestClient(fixture.app);
    const form = await visitor.get(paths.survey(OPEN));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('How we use your answers');
    expect(form.body).toContain('name="q-worries"');
    const before = await responses();
    expect((await visitor.postRaw(paths.survey(OPEN), { 'q-safe': 'safe' })).statusCode).toBe(403);
    const missing = await visitor.post(paths.survey(OPEN), { 'q-worries': 'speeding' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#q-safe"');
    expect(missing.body).toMatch(/value="speeding" checked/);
    const sent = await visitor.post(paths.survey(OPEN), {
      'q-safe': 'safe',
      'q-area': READING,
      'q-say': 'Good work',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(paths.sent(OPEN));
    expect((await visitor.get(paths.sent(OPEN))).body).toContain('your answers have been received');
    expect(await responses()).toBe(before + 1);
  });

  it('keeps nothing when the honeypot is filled, and refuses a closed survey', async () => {
    const visitor = new TestClient(fixture.app);
    const before = await responses();
    const robot = await visitor.post(paths.survey(OPEN), {
      'q-safe': 'unsafe',
      website: 'http://spam.example',
    });
    expect(robot.statusCode).toBe(303);
    expect(await responses()).toBe(before);
    const closed = await visitor.post(paths.survey(CLOSED), { 'q-safe': 'safe' });
    expect(closed.statusCode).toBe(400);
    expect(closed.body).toContain('This survey has closed');
    expect(await responses()).toBe(before);
  });

  it('publishes a closed survey’s aggregates with small counts held back, as a page and as JSON in the OpenAPI', async () => {
    const visitor = new TestClient(fixture.app);
    expect((await visitor.get(paths.results(OPEN))).statusCode).toBe(404);
    const page = await visitor.get(paths.results(CLOSED));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('fewer than 10');
    const api = await visitor.get(paths.apiResults(CLOSED));
    expect(api.statusCode).toBe(200);
    const document = (await fixture.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expectMatchesOpenApi(document, 'get', '/api/v1/surveys/{survey}/results', 200, api.json());
    expect(api.json().responses).toBe(15);
    expect(JSON.stringify(api.json())).not.toContain('Good work');
    const list = await visitor.get(paths.apiList());
    expectMatchesOpenApi(document, 'get', '/api/v1/surveys', 200, list.json());
    expect(
      list
        .json()
        .surveys.map((survey: { slug: string }) => survey.slug)
        .sort(),
    ).toEqual(['closed', 'test-survey']);
  });

  it('shows officers every count, by area, as a page and CSV, and imports pasted CSV all or nothing', async () => {
    const anonymous = await new TestClient(fixture.app).get(paths.analysis(CLOSED));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/sign-in');
    const page = await officer.get(`${paths.analysis(CLOSED)}?area=${READING}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('from Reading');
    const csv = await officer.get(paths.analysisCsv(CLOSED));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'question_code,question,answered,option_code,option,count,percent,ci95_low,ci95_high',
    );
    expect(csv.body).toContain('safe,How safe do you feel?,15,unsafe,Unsafe,3,20.00,');
    const before = await responses();
    const bad = await officer.post(paths.importResponses(CLOSED), {
      csv: `${CSV_HEADER}\npaper,,safe,,,\nletter,,safe,,,`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('the CSV line 3, column channel');
    expect(await responses()).toBe(before);
    const good = await officer.post(paths.importResponses(CLOSED), {
      csv: `${CSV_HEADER}\npaper,,safe,,,\nevent,,unsafe,,,`,
    });
    expect(good.statusCode).toBe(303);
    expect(await responses()).toBe(before + 2);
  });

  it('limits how often one address may send answers', async () => {
    const visitor = new TestClient(fixture.app);
    const token = await visitor.csrfToken();
    const statuses: number[] = [];
    for (let index = 0; index <= SURVEY_RATE.max; index += 1)
      statuses.push((await visitor.postRaw(paths.survey(CLOSED), { _csrf: token })).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});
