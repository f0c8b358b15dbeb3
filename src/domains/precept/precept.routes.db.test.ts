import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { expectRefused } from '../../kernel/testing/expect-page.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { preceptPaths as paths } from './index.ts';
import { createPreceptFixture, PROPOSAL, voteFields } from './precept.testing.ts';

const OFFICE = 'routes-precept-office';
const YEAR = { body: OFFICE, year: '2026-27' };

async function signedIn(
  app: FastifyInstance,
  services: Services,
  role: 'opcc-officer' | 'scrutiny-officer',
  body: string,
) {
  const { email } = await createTestUser(services, { role, body });
  const client = new TestClient(app);
  expect((await client.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  return client;
}

describe.each(testEngines())('the precept’s pages, forms and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;
  let panelOfficer: TestClient;
  let fixture: Awaited<ReturnType<typeof createPreceptFixture>>;

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    fixture = await createPreceptFixture(database.current, services, OFFICE);
    app = await buildTestApp(database.current);
    officer = await signedIn(app, services, 'opcc-officer', OFFICE);
    panelOfficer = await signedIn(app, services, 'scrutiny-officer', fixture.panel);
  });
  afterAll(() => app.close());

  it('refuses a bad proposal naming each field, and saves nothing', async () => {
    const refused = await officer.post(paths.add(), {
      ...PROPOSAL(OFFICE),
      year: '2026',
      proposed: '250.123',
      referendumLimit: '',
      'proposedOn-day': '31',
      'proposedOn-month': '2',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    for (const field of ['year', 'proposed', 'referendumLimit', 'proposedOn'])
      expect(refused.body).toContain(`href="#${field}"`);
    expect(refused.body).toContain('value="250.123"');
    const page = await app.inject({ method: 'GET', url: paths.body({ body: OFFICE }) });
    expect(page.body).toContain('No precept recorded yet.');
  });

  it('lets only the office propose and only the Panel report', async () => {
    expect((await app.inject({ method: 'GET', url: paths.add() })).statusCode).toBe(303);
    expect((await panelOfficer.post(paths.add(), PROPOSAL(OFFICE))).statusCode).toBe(403);
    const proposed = await officer.post(paths.add(), PROPOSAL(OFFICE));
    expect(proposed.statusCode).toBe(303);
    expect(proposed.headers.location).toBe(paths.year(YEAR));
    expect((await officer.get(paths.report(YEAR))).statusCode).toBe(403);
    const form = await panelOfficer.get(paths.report(YEAR));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="vote-${fixture.members[0]?.id}"`);
  });

  it('refuses a veto short of two-thirds on the form, with the rule, keeping what was typed', async () => {
    const refused = await panelOfficer.post(paths.report(YEAR), {
      meeting: String(fixture.meetingId),
      'reportedOn-day': '5',
      'reportedOn-month': '2',
      'reportedOn-year': '2026',
      decision: 'veto',
      vetoReason: 'too-high',
      ...voteFields(fixture.members, 10),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#decision"');
    expect(refused.body).toContain('PRSRA 2011 Sch 5 para 4(4)');
    const page = await app.inject({ method: 'GET', url: paths.year(YEAR) });
    expect(page.body).toContain('The Panel has not yet reported.');
  });

  it('publishes the year: the vote member by member, the arithmetic in words, the dates, the CSV and the API', async () => {
    const recorded = await panelOfficer.post(paths.report(YEAR), {
      meeting: String(fixture.meetingId),
      'reportedOn-day': '9',
      'reportedOn-month': '2',
      'reportedOn-year': '2026',
      decision: 'veto',
      vetoReason: 'too-high',
      summary: 'Too high for the year.',
      ...voteFields(fixture.members, 14, 'against'),
    });
    expect(recorded.statusCode).toBe(303);
    const page = await app.inject({ method: 'GET', url: paths.year(YEAR) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vetoed the proposed precept as too high');
    expect(page.body).toContain(
      'The Panel had 20 members at the time. A veto needs at least two-thirds of them, present or not: 14 votes (20 × 2 ÷ 3 = 13⅓, rounded up). 14 members voted for it, so the veto was carried.',
    );
    expect(page.body).toContain('Member 20');
    expect(page.body).toContain('Late: 9 February 2026, due by 8 February 2026');
    expect(page.body).toContain('On time: 28 January 2026, due by 1 February 2026');
    expect(page.body).toContain('£14.00 more than last year’s £236.00: within the limit');
    expect(page.body).toContain('£25,000,125.00');

    const csv = await app.inject({ method: 'GET', url: paths.votesCsv(YEAR) });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('body,year,member,role,vote');
    expect(lines).toHaveLength(21);
    expect(lines.filter((line) => line.endsWith(',for'))).toHaveLength(14);

    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const api = await app.inject({ method: 'GET', url: paths.apiYear(YEAR) });
    expectMatchesOpenApi(document, 'get', '/api/v1/precepts/{body}/{year}', 200, api.json());
    expect(api.json()).toMatchObject({
      financialYear: '2026-27',
      proposal: { bandDPence: 25_000, on: '2026-01-28', dueBy: '2026-02-01' },
      panelReport: { decision: 'veto', vetoReason: 'too-high', on: '2026-02-09', dueBy: '2026-02-08' },
      councilTaxBase: '100000.50',
    });
    const list = await app.inject({ method: 'GET', url: paths.apiBody({ body: OFFICE }) });
    expectMatchesOpenApi(document, 'get', '/api/v1/precepts/{body}', 200, list.json());
    const missing = await app.inject({
      method: 'GET',
      url: paths.apiYear({ body: OFFICE, year: '2030-31' }),
    });
    expect(missing.statusCode).toBe(404);
    expectMatchesOpenApi(document, 'get', '/api/v1/precepts/{body}/{year}', 404, missing.json());
  });

  it('refuses a revised precept that breaks reg 5(3) on its field, then takes one that keeps it', async () => {
    const response = { 'respondedOn-day': '12', 'respondedOn-month': '2', 'respondedOn-year': '2026' };
    const refused = await officer.post(paths.response(YEAR), { revised: '£260', ...response });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#revised"');
    expect(refused.body).toContain('must be lower than it (SI 2012/2271 reg 5(3)(a))');
    expect((await officer.post(paths.response(YEAR), { revised: '£244.50', ...response })).statusCode).toBe(
      303,
    );
    const page = await app.inject({ method: 'GET', url: paths.year(YEAR) });
    expect(page.body).toContain('£244.50');
    const index = await app.inject({ method: 'GET', url: paths.index() });
    expect(index.body).toContain('Revised precept proposed: £244.50');
  });

  it('flags a precept issued without a veto that differs from the proposal (Sch 5 para 5(3))', async () => {
    const office = 'flag-precept-office';
    const flagged = await createPreceptFixture(database.current, services, office, 3);
    const officeOfficer = await signedIn(app, services, 'opcc-officer', office);
    const panel = await signedIn(app, services, 'scrutiny-officer', flagged.panel);
    const year = { body: office, year: '2026-27' };
    expect((await officeOfficer.post(paths.add(), PROPOSAL(office))).statusCode).toBe(303);
    const reported = await panel.post(paths.report(year), {
      meeting: String(flagged.meetingId),
      'reportedOn-day': '5',
      'reportedOn-month': '2',
      'reportedOn-year': '2026',
      decision: 'recommendations',
      ...voteFields(flagged.members, 3),
    });
    expect(reported.statusCode).toBe(303);
    const issue = { final: '£248.00', 'issuedOn-day': '2', 'issuedOn-month': '3', 'issuedOn-year': '2026' };
    // Without a veto, the Commissioner's response to the report ends the scrutiny process (Sch 5 para 1(2)(a)).
    expectRefused(await officeOfficer.post(paths.issue(year), issue), 'ends the scrutiny process');
    const response = { 'respondedOn-day': '12', 'respondedOn-month': '2', 'respondedOn-year': '2026' };
    expectRefused(
      await officeOfficer.post(paths.response(year), { ...response, revised: '£248.00' }),
      'The Panel did not veto the proposed precept, so there is no revised precept',
    );
    expect((await officeOfficer.post(paths.response(year), response)).statusCode).toBe(303);
    const issued = await officeOfficer.post(paths.issue(year), issue);
    expect(issued.statusCode).toBe(303);
    const page = await app.inject({ method: 'GET', url: paths.year(year) });
    expect(page.body).toContain('without a veto that is allowed only in accordance with a recommendation');
    expect(page.body).toContain('Late: 2 March 2026, due by 1 March 2026');
    expect(page.body).toContain(
      '3 of the 3 members voted for the Panel’s decision. A veto would have needed 2',
    );
  });
});
