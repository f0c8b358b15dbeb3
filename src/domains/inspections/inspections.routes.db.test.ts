import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { OFFICE, PLAN, seedActionsToLink, seedPlanForDelivery } from '../delivery/delivery.testing.ts';
import { deliveryPaths } from '../delivery/index.ts';
import { recommendationPaths } from '../recommendations/index.ts';
import { inspectionPaths as paths } from './index.ts';

const system = systemActor('test');

/** Day, month and year boxes of the GOV.UK date input, as a browser posts them. */
const parts = (name: string, date: string) => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

const NEW_REPORT = {
  body: OFFICE,
  kind: 'peel',
  code: 'PEEL-R',
  madeBy: 'HMICFRS',
  title: 'PEEL inspection of the test force',
  summary: '',
  ...parts('reportPublishedOn', '2024-05-02'),
  reportUrl: 'https://example.org/peel',
};

describe.each(testEngines())('the inspections pages, forms and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;
  const target = { body: OFFICE, code: 'PEEL-R' };
  const actionPage = deliveryPaths.action({ plan: PLAN, version: 1, owner: 'force', ref: 'LINK-1' });
  let actions: { published: string; draft: string };

  beforeAll(async () => {
    services = await seedPlanForDelivery(database.current);
    actions = await seedActionsToLink(services);
    app = await buildTestApp(database.current);
    const { email } = await createTestUser(services, { role: 'opcc-officer', body: OFFICE });
    officer = new TestClient(app);
    expect((await officer.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  });
  afterAll(() => app.close());

  it('records a report, its grade, a recommendation and the response through the forms, and publishes it', async () => {
    expect((await officer.get(paths.add())).body).toContain('name="reportPublishedOn-day"');
    const recorded = await officer.post(paths.add(), NEW_REPORT);
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(paths.inspection(target));
    expect((await app.inject({ method: 'GET', url: paths.inspection(target) })).statusCode).toBe(404);

    const badGrade = await officer.post(paths.grades(target), {
      question: 'Investigating crime',
      grade: 'superb',
    });
    expect(badGrade.statusCode).toBe(400);
    expect(badGrade.body).toContain('href="#grade-grade"');
    expect(badGrade.body).toContain('The grade must be one of: outstanding, good, adequate');
    expect(
      (
        await officer.post(paths.grades(target), {
          question: 'Investigating crime',
          grade: 'requires-improvement',
        })
      ).statusCode,
    ).toBe(303);
    const finding = {
      kind: 'recommendation',
      number: '1',
      text: 'Answer calls faster.',
      addressee: 'Chief Constable',
    };
    expect((await officer.post(paths.findings(target), { ...finding, deliveryAction: '' })).statusCode).toBe(
      303,
    );
    const edit = paths.editFinding({ ...target, kind: 'recommendation', number: '1' });
    expect((await officer.get(paths.inspection(target))).body).toContain(`href="${edit}"`);
    const form = (await officer.get(edit)).body;
    expect(form).toContain(`<option value="${actions.published}">LINK-1: Action LINK-1`);
    expect(form).toContain('Answer calls faster.</textarea>');
    const unknown = await officer.post(edit, { text: 'Never saved.', deliveryAction: 'DA-42' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('href="#deliveryAction"');
    expect(unknown.body).toContain('Select a delivery action from the list');
    const blank = await officer.post(edit, { text: ' ', deliveryAction: actions.published });
    expect(blank.body).toContain('href="#text"');
    const link = await officer.post(edit, {
      text: 'Answer 999 calls faster.',
      deliveryAction: actions.published,
    });
    expect(link.statusCode).toBe(303);
    expect(link.headers.location).toBe(paths.inspection(target));
    const changed = (await officer.get(paths.inspection(target))).body;
    expect(changed).toContain('Answer 999 calls faster.');
    expect(changed).not.toContain('Never saved.');

    const early = await officer.post(paths.response(target), {
      ...parts('responsePublishedOn', '2024-05-01'),
      responseUrl: 'https://example.org/response',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('href="#response-responsePublishedOn"');
    expect(early.body).toContain('The response comes after the report');
    expect((await officer.post(paths.publish(target))).statusCode).toBe(303);
    expect(
      (
        await officer.post(paths.response(target), {
          ...parts('responsePublishedOn', '2024-06-30'),
          responseUrl: 'https://example.org/response',
        })
      ).statusCode,
    ).toBe(303);

    const page = await app.inject({ method: 'GET', url: paths.inspection(target) });
    expect(page.body).toContain('Requires improvement');
    expect(page.body).toContain(`<a class="govuk-link" href="${actionPage}">LINK-1: Action LINK-1</a>`);
    const answered = await app.inject({ method: 'GET', url: actionPage });
    expect(answered.body).toContain(
      `<a class="govuk-link" href="${paths.inspection(target)}">HMICFRS, PEEL inspection of the test force: recommendation 1</a>`,
    );
    // Published 2 May 2024: due 27 June, responded 30 June.
    expect(page.body).toContain('Response published 3 days late, 30 June 2024');
    const api = (await app.inject({ method: 'GET', url: paths.apiInspection(target) })).json();
    expect(api).toMatchObject({
      code: 'PEEL-R',
      grades: [{ question: 'Investigating crime', grade: 'requires-improvement' }],
      findings: [
        {
          kind: 'recommendation',
          number: '1',
          deliveryAction: { address: actions.published, reference: 'LINK-1', status: null },
          recommendation: { reference: 'PEEL-R/R1' },
        },
      ],
      response: { dueOn: '2024-06-27', state: 'late', daysLate: 3, publishedOn: '2024-06-30' },
    });
    const ledgerPage = await app.inject({
      method: 'GET',
      url: recommendationPaths.recommendation({ id: api.findings[0].recommendation.id }),
    });
    expect(ledgerPage.body).toContain('Answer 999 calls faster.');
  });

  it('refuses a bad report with each field named, and anyone but the office’s officer', async () => {
    const refused = await officer.post(paths.add(), {
      ...NEW_REPORT,
      code: 'bad code!',
      kind: 'rumour',
      ...parts('reportPublishedOn', '2024-02-30'),
      reportUrl: 'not a link',
    });
    expect(refused.statusCode).toBe(400);
    for (const field of ['code', 'kind', 'reportPublishedOn', 'reportUrl'])
      expect(refused.body).toContain(`href="#${field}"`);
    const anonymous = await app.inject({ method: 'POST', url: paths.add(), payload: NEW_REPORT });
    expect([302, 303, 401, 403]).toContain(anonymous.statusCode);
    const analyst = new TestClient(app);
    const { email } = await createTestUser(services, { role: 'force-analyst', body: OFFICE });
    await analyst.post('/sign-in', { email, password: TEST_PASSWORD });
    expect((await analyst.post(paths.add(), { ...NEW_REPORT, code: 'X-1' })).statusCode).toBe(403);
    expect((await officer.get(paths.list())).body).not.toContain('X-1');
  });

  it('never shows a draft report, its findings or its ledger entries on any public page, download or API', async () => {
    const secret = `secret-${Math.random().toString(36).slice(2)}`;
    const draft = await services.inspections.recordInspection(system, {
      body: OFFICE,
      code: 'DRAFT-1',
      kind: 'thematic',
      madeBy: 'HMICFRS',
      title: secret,
      summary: secret,
      fieldworkEndedOn: null,
      reportPublishedOn: '2024-04-01',
      reportUrl: null,
    });
    await services.inspections.addFinding(system, draft, {
      kind: 'recommendation',
      number: '1',
      text: `${secret} recommendation`,
      addressee: 'Chief Constable',
      deliveryAction: actions.published,
    });
    const urls = [
      actionPage,
      paths.inspection(draft),
      paths.apiInspection(draft),
      paths.csv(),
      paths.json(),
      paths.apiList(),
      paths.open(),
      paths.openCsv(),
      recommendationPaths.list(),
      recommendationPaths.apiList(),
      '/calendar.ics',
    ];
    await expectNeverPublic(app, secret, urls);
    expect((await officer.get(paths.list())).body).toContain(secret);
    expect((await officer.get(paths.open())).body).toContain(`${secret} recommendation`);
  });

  it('offers the list as CSV and JSON, filtered by kind, and the open recommendations', async () => {
    const csv = await app.inject({ method: 'GET', url: paths.csv({}, { kind: 'peel' }) });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="inspections.csv"');
    expect(csv.body.split('\r\n')[0]).toContain('code,office,kind,made_by,title');
    expect(csv.body).toContain('PEEL-R');
    const json = await app.inject({ method: 'GET', url: paths.json({}, { kind: 'audit' }) });
    expect(json.json().inspections).toEqual([]);
    const bad = await app.inject({ method: 'GET', url: paths.apiList({}, { kind: 'gossip' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind must be one of');
    const open = await app.inject({ method: 'GET', url: paths.open() });
    expect(open.body).toContain('Answer 999 calls faster.');
    const openCsv = await app.inject({ method: 'GET', url: paths.openCsv() });
    expect(openCsv.body).toContain('PEEL-R/R1');
  });
});
