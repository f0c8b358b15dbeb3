import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { createPreceptFixture, voteFields } from '../precept/precept.testing.ts';
import { APPOINTMENT, REPORT } from './appointments.testing.ts';
import { appointmentsPaths as paths } from './index.ts';

const OFFICE = 'routes-hearing-office';

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

describe.each(testEngines())('the confirmation hearings’ pages, forms and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;
  let panelOfficer: TestClient;
  let fixture: Awaited<ReturnType<typeof createPreceptFixture>>;
  let target: { body: string; id: number };

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    fixture = await createPreceptFixture(database.current, services, OFFICE);
    app = await buildTestApp(database.current);
    officer = await signedIn(app, services, 'opcc-officer', OFFICE);
    panelOfficer = await signedIn(app, services, 'scrutiny-officer', fixture.panel);
  });
  afterAll(() => app.close());

  it('refuses a bad notification naming each field, keeping what was typed, and saves nothing', async () => {
    const refused = await officer.post(paths.add(), {
      ...APPOINTMENT(OFFICE),
      post: 'constable',
      candidate: '',
      terms: '  ',
      'notifiedOn-day': '30',
      'notifiedOn-month': '2',
    });
    expect(refused.statusCode).toBe(400);
    for (const field of ['post', 'candidate', 'terms', 'notifiedOn'])
      expect(refused.body).toContain(`href="#${field}"`);
    expect(refused.body).toContain('The criteria.');
    const page = await app.inject({ method: 'GET', url: paths.body({ body: OFFICE }) });
    expect(page.body).toContain('No proposed appointment recorded yet.');
  });

  it('lets only the office notify and respond, and only the Panel report', async () => {
    expect((await app.inject({ method: 'GET', url: paths.add() })).statusCode).toBe(303);
    expect((await panelOfficer.post(paths.add(), APPOINTMENT(OFFICE))).statusCode).toBe(403);
    const proposed = await officer.post(paths.add(), APPOINTMENT(OFFICE));
    expect(proposed.statusCode).toBe(303);
    const id = Number(proposed.headers.location?.toString().split('/').pop());
    target = { body: OFFICE, id };
    expect(proposed.headers.location).toBe(paths.appointment(target));
    expect((await officer.get(paths.report(target))).statusCode).toBe(403);
    expect((await panelOfficer.get(paths.response(target))).statusCode).toBe(403);
    const form = await panelOfficer.get(paths.report(target));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="vote-${fixture.members[0]?.id}"`);
    expect(form.body).toContain('Vetoed the appointment');
  });

  it('refuses a short veto on the form with the rule, then publishes the report, the vote, the CSV and the API', async () => {
    const short = await panelOfficer.post(
      paths.report(target),
      REPORT(fixture.meetingId, { decision: 'veto', ...voteFields(fixture.members, 12) }),
    );
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('href="#decision"');
    expect(short.body).toContain('PRSRA 2011 Sch 8 para 5');
    const recorded = await panelOfficer.post(
      paths.report(target),
      REPORT(fixture.meetingId, {
        decision: 'appoint',
        summary: 'A strong candidate.',
        ...voteFields(fixture.members, 18),
      }),
    );
    expect(recorded.statusCode).toBe(303);
    const page = await app.inject({ method: 'GET', url: paths.appointment(target) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Recommended that the candidate be appointed');
    expect(page.body).toContain(
      '18 of the 20 members voted for the Panel’s decision. A veto would have needed 14',
    );
    expect(page.body).toContain('On time: 5 February 2026, due by 15 February 2026');
    expect(page.body).toContain(`/meetings/${fixture.meetingId}`);

    const csv = await app.inject({ method: 'GET', url: paths.votesCsv(target) });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('office,post,candidate,member,role,vote');
    expect(lines).toHaveLength(21);
    expect(lines.filter((line) => line.endsWith(',for'))).toHaveLength(18);

    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const api = await app.inject({ method: 'GET', url: paths.apiAppointment(target) });
    expectMatchesOpenApi(document, 'get', '/api/v1/appointments/{body}/{id}', 200, api.json());
    expect(api.json()).toMatchObject({
      post: 'chief-constable',
      notifiedOn: '2026-01-26',
      reportDueBy: '2026-02-15',
      hearing: { decision: 'appoint', reportedOn: '2026-02-05' },
      confirmationProcess: { ended: false },
    });
    const list = await app.inject({ method: 'GET', url: paths.apiBody({ body: OFFICE }) });
    expectMatchesOpenApi(document, 'get', '/api/v1/appointments/{body}', 200, list.json());
    const missing = await app.inject({
      method: 'GET',
      url: paths.apiAppointment({ body: OFFICE, id: 999_999 }),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('records the Commissioner’s response, which ends the process, and puts unreported hearings on the calendar', async () => {
    const refused = await officer.post(paths.response(target), { response: 'maybe' });
    expect(refused.statusCode).toBe(400);
    for (const field of ['response', 'respondedOn']) expect(refused.body).toContain(`href="#${field}"`);
    const answered = await officer.post(paths.response(target), {
      response: 'accept',
      'respondedOn-day': '9',
      'respondedOn-month': '2',
      'respondedOn-year': '2026',
    });
    expect(answered.statusCode).toBe(303);
    const page = await app.inject({ method: 'GET', url: paths.appointment(target) });
    expect(page.body).toContain('the end of the confirmation process (PRSRA 2011 Sch 8 paras 2(4) and 7(3))');

    const other = await officer.post(paths.add(), {
      ...APPOINTMENT(OFFICE, 'chief-executive'),
      candidate: 'Second',
    });
    expect(other.statusCode).toBe(303);
    const calendar = await app.inject({ method: 'GET', url: '/calendar' });
    expect(calendar.body).toContain('report on the proposed chief executive of');
    expect(calendar.body).not.toContain('(Test Candidate)');
  });
});
