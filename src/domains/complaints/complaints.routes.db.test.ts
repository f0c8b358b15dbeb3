import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../accounts/accounts.testing.ts';
import { CASE, date } from './complaints.testing.ts';
import { complaintsPaths as paths } from './index.ts';

const PANEL = 'routes-complaints-panel';
const OTHER = 'routes-complaints-other';
// Distinctive text in every personal or case field, so any leak to a public page is found.
const MARKER = 'Xylophant';

describe.each(testEngines())('the complaints’ pages, forms and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;
  let caseUrl: string;

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await createTestBody(database.current.db, PANEL, 'scrutiny-panel');
    await createTestBody(database.current.db, OTHER, 'scrutiny-panel');
    app = await buildTestApp(database.current);
    officer = await signInAs({ app, services }, { role: 'scrutiny-officer', body: PANEL });
  });
  afterAll(() => app.close());

  it('shows the public an empty state, and counts in the API as described', async () => {
    const page = await app.inject({ method: 'GET', url: paths.panel({ panel: PANEL }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No complaint about the Commissioner has been recorded here yet.');
    expect(page.body).not.toContain('register of cases');
    const api = await app.inject({ method: 'GET', url: paths.apiPanel({ panel: PANEL }) });
    expect(api.json()).toMatchObject({ type: 'ComplaintCounts', years: [] });
  });

  it('refuses a bad case naming each field, keeping what was typed, saving nothing; and refuses a post without CSRF', async () => {
    const refused = await officer.post(paths.add({ panel: PANEL }), {
      ...CASE({ complainantName: MARKER, summary: '', serious: 'perhaps' }),
      ...date('incidentOn', '2025-04-01'),
    });
    expect(refused.statusCode).toBe(400);
    for (const field of ['summary', 'serious']) expect(refused.body).toContain(`href="#${field}"`);
    expect(refused.body).toContain(`value="${MARKER}"`);
    const rules = await officer.post(paths.add({ panel: PANEL }), {
      ...CASE({ complainantName: MARKER }),
      ...date('incidentOn', '2025-04-01'),
    });
    expect(rules.statusCode).toBe(400);
    expect(rules.body).toContain('href="#receivedOn"');
    expect((await officer.postRaw(paths.add({ panel: PANEL }), CASE())).statusCode).toBe(403);
    const register = await officer.get(paths.cases({ panel: PANEL }));
    expect(register.body).toContain('No case matches.');
  });

  it('records a case for the Panel’s officer and shows it with its time limits', async () => {
    const created = await officer.post(
      paths.add({ panel: PANEL }),
      CASE({
        complainantName: MARKER,
        complainantContact: `${MARKER}@test.example`,
        summary: `${MARKER} summary`,
      }),
    );
    expect(created.statusCode).toBe(303);
    caseUrl = String(created.headers.location);
    const page = await officer.get(caseUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(MARKER);
    expect(page.body).toContain('Decide whether to record');
    expect(page.body).toContain('Overdue');
    const register = await officer.get(`${paths.cases({ panel: PANEL })}?state=overdue`);
    expect(register.body).toContain(caseUrl);
    const filtered = await officer.get(`${paths.cases({ panel: PANEL })}?state=closed`);
    expect(filtered.body).not.toContain(caseUrl);
  });

  it('keeps the register, the case and its forms from the public, other roles and other Panels', async () => {
    const urls = [paths.cases({ panel: PANEL }), caseUrl, `${caseUrl}/edit`, paths.add({ panel: PANEL })];
    for (const url of urls) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(303);
    const others = [
      await signInAs({ app, services }, { role: 'opcc-officer', body: PANEL }),
      await signInAs({ app, services }, { role: 'panel-member', body: PANEL }),
      await signInAs({ app, services }, { role: 'scrutiny-officer', body: OTHER }),
    ];
    for (const client of others) {
      for (const url of urls) expect((await client.get(url)).statusCode, url).toBe(403);
      expect((await client.post(`${caseUrl}/edit`, CASE())).statusCode).toBe(403);
    }
    expect((await officer.get(`${paths.cases({ panel: PANEL })}/999999`)).statusCode).toBe(404);
  });

  it('updates the case through the same form and publishes only the counts, never a case field', async () => {
    const saved = await officer.post(`${caseUrl}/edit`, {
      ...CASE({
        complainantName: MARKER,
        summary: `${MARKER} summary`,
        recording: 'not-recorded',
        notRecordedGrounds: 'not-qualifying',
      }),
      ...date('recordingDecidedOn', '2025-03-11'),
    });
    expect(saved.statusCode).toBe(303);
    expect((await officer.get(caseUrl)).body).toContain('Not a complaint about the conduct');
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const api = await app.inject({ method: 'GET', url: paths.apiPanel({ panel: PANEL }) });
    expectMatchesOpenApi(document, 'get', '/api/v1/complaints/{panel}', 200, api.json());
    expect(api.json().years).toEqual([
      expect.objectContaining({ year: '2024-25', received: 1, notRecorded: 1, open: 0 }),
    ]);
    await expectNeverPublic(app, MARKER, [paths.panel({ panel: PANEL }), paths.apiPanel({ panel: PANEL })]);
    expect(JSON.stringify(api.json())).not.toMatch(/2025-03-1|complainant|summary/i);
  });
});
