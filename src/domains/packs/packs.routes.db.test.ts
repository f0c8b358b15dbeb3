import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { findChromium } from '../../kernel/pdf/chromium-pdf.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { type TestAppFixture, useTestApp } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { issueDemoPlanToOffice } from '../judgements/judgements.testing.ts';
import { seedTestForceAreas } from '../performance/performance.testing.ts';
import { parsePanelFile } from '../scrutiny/index.ts';
import { demoScrutinyFile, meetingIds } from '../scrutiny/scrutiny-records.testing.ts';
import { packPaths as paths } from './index.ts';

const system = systemActor('test');
const OFFICE = 'thames-valley-pcc';
const PLAN = 'thames-valley-2024-2029';
const MEETING = 'Performance and Accountability Meeting, November 2026';
/** Only in the Part 2 decision's withheld summary: it must never reach a public page, feed or API. */
const SECRET = 'Withheld-2fd81c: the informant payments';

/** The office with the demo 2024–2029 plan issued and its demo accountability meeting; an officer signed in. */
async function seedOffice(fixture: TestAppFixture) {
  const { database, services, app } = fixture;
  await seedTestForceAreas(database.current);
  await issueDemoPlanToOffice(database.current, services);
  await services.scrutiny.importPanelFile(system, parsePanelFile(demoScrutinyFile('thames-valley-pcc.yaml')));
  const { email } = await createTestUser(services, { role: 'opcc-officer', body: OFFICE });
  const officer = new TestClient(app);
  expect((await officer.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  return officer;
}

/** A published Part 2 decision taken in October 2025, concerning PC1, and a Part 1 one concerning PC2. */
async function recordDecisions(fixture: TestAppFixture) {
  const { decisions } = fixture.services;
  const signOff = {
    decidedOn: '2025-10-14',
    cfoName: 'A Finance Officer',
    cfoSignedOn: '2025-10-13',
    monitoringOfficerName: 'A Chief Executive',
    monitoringOfficerSignedOn: '2025-10-13',
  };
  const base = {
    body: OFFICE,
    maker: 'pcc' as const,
    keyDecision: false,
    plannedOn: null,
    value: 90_000,
    advice: 'Within budget.',
    part2Advice: null,
    informationRegime: 'foia' as const,
    meetings: [],
    recommendations: [],
  };
  const forms = [
    {
      ...base,
      number: 'P-2',
      title: 'Covert funding',
      summary: SECRET,
      part: 'part-2' as const,
      publicStub: 'A confidential operational decision',
      exemption: 'Section 31 FOIA: law enforcement',
      priorities: ['PC1'],
    },
    {
      ...base,
      number: 'P-1',
      title: 'Rural crime team',
      summary: 'Funds a rural crime team.',
      part: 'part-1' as const,
      publicStub: null,
      exemption: null,
      priorities: ['PC2'],
    },
  ];
  for (const form of forms) {
    const target = await decisions.recordDecision(system, form);
    await decisions.signOffDecision(system, target, signOff);
    await decisions.publishDecision(system, target);
  }
}

const START = { body: OFFICE, plan: `${PLAN}:1`, financialYear: '2025-26', quarter: '3' };

describe.each(testEngines())('performance packs’ pages, forms and API, on %s', (engine) => {
  const fixture = useTestApp(engine);
  let officer: TestClient;
  let packUrl: string;

  beforeAll(async () => {
    officer = await seedOffice(fixture);
    await recordDecisions(fixture);
  });

  it('starts a draft through the form, refusing a bad quarter on its field; the draft is the office’s alone', async () => {
    const { app, services } = fixture;
    const form = await officer.get(paths.add());
    expect(form.body).toContain('name="financialYear"');
    expect(form.body).toContain(MEETING);

    const refused = await officer.post(paths.add(), { ...START, quarter: '', financialYear: '2025-27' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#quarter"');
    expect(refused.body).toContain('href="#financialYear"');
    expect(refused.body).toContain('value="2025-27"');

    const { meeting } = await meetingIds(services, { meeting: MEETING });
    const started = await officer.post(paths.add(), { ...START, meeting: String(meeting) });
    expect(started.statusCode).toBe(303);
    packUrl = started.headers.location as string;
    expect(packUrl).toMatch(/^\/packs\/\d+$/);

    const draft = await officer.get(packUrl);
    expect(draft.body).toContain('This is a draft');
    expect(draft.body).toContain('Issue this pack');
    expect((await app.inject({ method: 'GET', url: packUrl })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: paths.add() })).statusCode).not.toBe(200);
  });

  it('issues the pack with CSRF, once; the public then reads it, its contents list and its JSON', async () => {
    const { app } = fixture;
    const id = Number(packUrl.split('/').at(-1));
    const forged = await officer.postRaw(paths.issue({ id }), {});
    expect(forged.statusCode).toBe(403);
    const issued = await officer.post(paths.issue({ id }));
    expect(issued.statusCode).toBe(303);
    expect((await officer.post(paths.issue({ id }))).statusCode).toBe(409);

    const page = await app.inject({ method: 'GET', url: packUrl });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Quarter 3 2025-26 (October to December 2025)');
    expect(page.body).toContain('<h2 class="govuk-heading-m" id="contents-heading">Contents</h2>');
    expect(page.body).toContain('href="#priority-pc1"');
    expect(page.body).toContain('Funds a rural crime team.');
    expect(page.body).toContain(MEETING);

    const list = (await app.inject({ method: 'GET', url: paths.apiList() })).json();
    expect(list.packs).toEqual([
      expect.objectContaining({
        id,
        edition: 1,
        quarter: expect.objectContaining({ financialYear: '2025-26', quarter: 3 }),
      }),
    ]);
    const json = (await app.inject({ method: 'GET', url: paths.apiPack({ id }) })).json();
    expect(json.priorities.map((priority: { code: string }) => priority.code)).toContain('PC2');
    expect((await app.inject({ method: 'GET', url: paths.list() })).body).toContain(packUrl);
    const { meeting } = await meetingIds(fixture.services, { meeting: MEETING });
    const meetingPage = await app.inject({ method: 'GET', url: `/meetings/${meeting}` });
    expect(meetingPage.body).toContain(
      `<a class="govuk-link" href="${packUrl}">Performance pack: Quarter 3 2025-26`,
    );
  });

  it('puts a draft for a coming meeting on the office’s calendar, due by the meeting', async () => {
    const { app, services } = fixture;
    const coming = `format: peelian-scrutiny/1
body: ${OFFICE}
meetings:
  - { title: 'Accountability meeting, February 2099', date: 2099-02-16, time: '10:00', venue: Test venue, status: scheduled }
`;
    await services.scrutiny.importPanelFile(system, parsePanelFile(coming), 'add-missing');
    const { meeting } = await meetingIds(services, { meeting: 'February 2099' });
    const started = await officer.post(paths.add(), { ...START, quarter: '2', meeting: String(meeting) });
    expect(started.statusCode).toBe(303);
    const calendar = await officer.get('/calendar');
    expect(calendar.body).toContain(
      'Issue the performance pack for Quarter 2 2025-26 (July to September 2025)',
    );
    expect((await app.inject({ method: 'GET', url: '/calendar' })).body).not.toContain(
      'Issue the performance pack',
    );
  });

  it('shows a Part 2 decision as its public description only, never its details, on any public page or API', async () => {
    const { app } = fixture;
    const id = Number(packUrl.split('/').at(-1));
    const page = await app.inject({ method: 'GET', url: packUrl });
    expect(page.body).toContain('A confidential operational decision (Part 2: details withheld)');
    await expectNeverPublic(app, SECRET, [packUrl, paths.apiPack({ id }), paths.apiList()]);
    await expectNeverPublic(app, 'Covert funding', [packUrl, paths.apiPack({ id })]);
  });
});

describe('a performance pack’s PDF, printed by Chromium from the pack’s page', () => {
  const fixture = useTestApp('pglite');

  it('prints the issued pack to a PDF with its pages numbered, or says plainly that it cannot', async () => {
    const officer = await seedOffice(fixture);
    const started = await officer.post(paths.add(), START);
    const id = Number((started.headers.location as string).split('/').at(-1));
    await officer.post(paths.issue({ id }));
    const response = await fixture.app.inject({ method: 'GET', url: paths.pdf({ id }) });
    if (!findChromium()) {
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('cannot be made here');
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    // Fifteen priorities, each with its measures and decisions: several A4 pages, never one.
    expect(pages.length).toBeGreaterThan(3);
    expect(pdf.toString('latin1')).toContain('/Outlines');
  });
});
