import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../kernel/calendar/index.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { parsePanelFile } from './scrutiny.files.ts';
import { parseRecordsFile } from './scrutiny-records.files.ts';

const demo = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/scrutiny', file), 'utf8');
const system = systemActor('test');
const coming = addDays(londonDateOf(new Date()), 30);

describe.each(testEngines())('groups and work programme pages on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;
  const groups: Record<string, number> = {};

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await services.scrutiny.importPanelFile(system, parsePanelFile(demo('thames-valley-panel.yaml')));
    await services.scrutiny.importPanelFile(
      system,
      parsePanelFile(`
format: peelian-scrutiny/1
body: thames-valley-panel
questionRules: { noticeDays: 3, noticeKind: working-days, minutesAllowed: 20 }
meetings: [{ title: Coming meeting, date: ${coming}, time: '11:00', venue: Council Offices, status: scheduled }]
`),
    );
    await services.scrutiny.records.importRecordsFile(
      system,
      parseRecordsFile(demo('records/thames-valley-panel.yaml')),
    );
    await services.scrutiny.records.importRecordsFile(
      system,
      parseRecordsFile(`
format: peelian-scrutiny-records/1
body: thames-valley-panel
workProgramme:
  - { programme: 2099/00, date: ${coming}, mainFocus: The annual report, function: annual-report, items: [{ title: Public questions }] }
`),
    );
    for (const { group } of await services.scrutiny.records.committees.listAll())
      groups[group.slug] = group.id;
    app = await buildTestApp(database.current);
    const { email } = await createTestUser(services, {
      role: 'scrutiny-officer',
      body: 'thames-valley-panel',
    });
    officer = new TestClient(app);
    expect((await officer.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  });
  afterAll(() => app.close());

  it('lists the groups and shows one with its terms, functions and recommendations', async () => {
    const list = await app.inject({ method: 'GET', url: '/scrutiny/committees' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Preventing Child Sexual Exploitation Sub-Committee');
    expect(list.body).toContain('Budget Task and Finish Group');
    const plan = await app.inject({
      method: 'GET',
      url: `/scrutiny/committees/${groups['plan-task-and-finish-group']}`,
    });
    expect(plan.body).toContain('the group gathers evidence and reports to the full panel, which decides');
    expect(plan.body).toContain('one of the panel’s special functions');
    const cse = await app.inject({
      method: 'GET',
      url: `/scrutiny/committees/${groups['preventing-cse-sub-committee']}`,
    });
    expect(cse.body).toContain('CSE-2016-8');
    expect(cse.body).toContain('the group carries this out for the panel');
    expect((await app.inject({ method: 'GET', url: '/scrutiny/committees/999999' })).statusCode).toBe(404);
  });

  it('refuses, on the form, to delegate a special function to a new group', async () => {
    const form = await officer.get('/scrutiny/committees/new');
    expect(form.statusCode).toBe(200);
    const refused = await officer.post('/scrutiny/committees', {
      panel: 'thames-valley-panel',
      name: 'Hearings Group',
      kind: 'sub-committee',
      termsOfReference: 'Holds confirmation hearings.',
      delegated: 'confirmation-hearing',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#delegated"');
    expect(refused.body).toContain(
      'A sub-committee cannot discharge confirmation hearings for senior appointments',
    );
    expect(refused.body).toMatch(/value="confirmation-hearing" checked/);
    const made = await officer.post('/scrutiny/committees', {
      panel: 'thames-valley-panel',
      name: 'Hearings Group',
      kind: 'sub-committee',
      termsOfReference: 'Prepares questions for confirmation hearings.',
      advisory: 'confirmation-hearing',
    });
    expect(made.statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: made.headers.location as string })).body).toContain(
      'Hearings Group',
    );
  });

  it('shows the work programme: coming meetings first, then the 2016/17 programme', async () => {
    const page = await app.inject({ method: 'GET', url: '/scrutiny/work-programme' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Coming meetings');
    expect(page.body).toContain('The annual report');
    expect(page.body).toContain('A statutory item for the full panel: reviewing the annual report');
    expect(page.body).toContain('Work programme 2016/17: past meetings');
    expect(page.body).toContain('Confirmation hearing for the Deputy PCC, after the meeting');
    expect(page.body.indexOf('The annual report')).toBeLessThan(page.body.indexOf('2016/17'));
    // Entries link to the meeting held on their date.
    expect(page.body).toMatch(/<a class="govuk-link" href="\/meetings\/\d+">16 December 2016<\/a>/);
    expect(page.body.indexOf('17 November 2017')).toBeLessThan(page.body.indexOf('16 December 2016'));
  });
});
