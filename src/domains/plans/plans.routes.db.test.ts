import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../accounts/accounts.testing.ts';
import { apiPaths } from '../api/api.paths.ts';
import { calendarPaths } from '../calendar/calendar.paths.ts';
import { parsePlanFile, planFileToYaml } from './plans.files.ts';
import { planPaths } from './plans.paths.ts';

const demoText = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data/demo/plans/thames-valley-2024-2029.yaml'),
  'utf8',
);
const system = systemActor('test');

describe.each(testEngines())('plan pages and API on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;

  beforeAll(async () => {
    await fixture.services.areas.seedDemoAreas(system);
    await createTestBody(database.current.db, 'thames-valley-pcc');
    await fixture.services.plans.importPlanFile(system, parsePlanFile(demoText));
    await fixture.services.plans.recordStep(system, 'thames-valley-2024-2029', {
      step: 'issued',
      occurredOn: '2024-06-01',
      note: null,
      documents: [],
    });
    officer = await signInAs(fixture, { role: 'opcc-officer', body: 'thames-valley-pcc' });
  });

  it('shows the plan with its pillars, priorities and measures to anyone', async () => {
    const page = await fixture.app.inject({
      method: 'GET',
      url: planPaths.plan({ slug: 'thames-valley-2024-2029' }),
    });
    expectPage(
      page,
      200,
      'Protecting Communities',
      '3 pillars, 15 priorities',
      'Must be issued by <strong>31 March 2025</strong>',
    );
    const list = await fixture.app.inject({ method: 'GET', url: planPaths.list() });
    expect(list.body).toContain('/plans/thames-valley-2024-2029');
    const priority = await fixture.app.inject({
      method: 'GET',
      url: planPaths.priority({ slug: 'thames-valley-2024-2029', code: 'PC1' }),
    });
    expect(priority.statusCode).toBe(200);
    // The plan in force links each measure to its scorecard page.
    expect(priority.body).toContain('href="/scorecard/measures/PC1.M1"');
    expect(page.body).toContain('href="/scorecard/measures/PC1.M1"');
    expect(
      (
        await fixture.app.inject({
          method: 'GET',
          url: planPaths.priority({ slug: 'thames-valley-2024-2029', code: 'NOPE' }),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await fixture.app.inject({ method: 'GET', url: planPaths.plan({ slug: 'no-such-plan' }) })).statusCode,
    ).toBe(404);
  });

  it('serves the plan as JSON, exports a file that imports back the same, and describes the API', async () => {
    const api = (
      await fixture.app.inject({ method: 'GET', url: planPaths.apiPlan({ slug: 'thames-valley-2024-2029' }) })
    ).json();
    expect(api).toMatchObject({
      slug: 'thames-valley-2024-2029',
      version: { number: 1, state: 'issued' },
      issueDeadline: '2025-03-31',
    });
    expect(api.pillars).toHaveLength(3);
    const list = (await fixture.app.inject({ method: 'GET', url: planPaths.apiList() })).json();
    expect(list.plans.map((plan: { slug: string }) => plan.slug)).toContain('thames-valley-2024-2029');

    const exported = await fixture.app.inject({
      method: 'GET',
      url: planPaths.exportYaml({ slug: 'thames-valley-2024-2029' }),
    });
    expect(exported.headers['content-disposition']).toContain('thames-valley-2024-2029.yaml');
    expect(parsePlanFile(exported.body)).toEqual(parsePlanFile(demoText));
    const json = await fixture.app.inject({
      method: 'GET',
      url: planPaths.exportJson({ slug: 'thames-valley-2024-2029' }),
    });
    expect(parsePlanFile(json.body)).toEqual(parsePlanFile(demoText));

    const openApi = (await fixture.app.inject({ method: 'GET', url: apiPaths.openApiDocument() })).json();
    expect(openApi.openapi).toBe('3.1.0');
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/plans', '/api/v1/plans/{slug}', '/api/v1/me']),
    );
    const docs = (await fixture.app.inject({ method: 'GET', url: apiPaths.docs() })).body;
    expect(docs).toContain('/api/v1/plans/{slug}');
    // Descriptions are written with Markdown code spans: the page shows them as code, not as backticks.
    expect(docs).toContain('<code>');
    expect(docs).not.toContain('`');
  });

  it('lists coming statutory deadlines as a page and an iCalendar feed', async () => {
    await fixture.services.plans.importPlanFile(system, {
      ...parsePlanFile(demoText),
      plan: { ...parsePlanFile(demoText).plan, slug: 'next-plan', electionDate: '2028-05-04' },
    });
    // The draft is restricted, so only people of its body see its deadline; the issued plan's is past.
    const publicFeed = await fixture.app.inject({ method: 'GET', url: calendarPaths.feed() });
    expect(publicFeed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(publicFeed.body).not.toContain('VEVENT');
    const feed = await officer.get(calendarPaths.feed());
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20290331');
    expect(feed.body).not.toContain('20250331');
    const page = await fixture.app.inject({ method: 'GET', url: calendarPaths.calendar() });
    expect(page.body).toContain('No statutory deadlines are coming up.');
    const officerPage = await officer.get(calendarPaths.calendar());
    expect(officerPage.body).toContain('31 March 2029');
  });

  it('lets an OPCC officer record a step through the form, explaining a mistake', async () => {
    const bad = await officer.post(planPaths.steps({ slug: 'thames-valley-2024-2029' }), {
      step: 'reviewed',
      'occurredOn-day': '30',
      'occurredOn-month': '',
      'occurredOn-year': '2025',
      note: 'Typed before the mistake',
    });
    expectRefused(bad, 'The date it happened must include a month', 'href="#occurredOn"');
    // What was typed comes back, in the GOV.UK date input's three boxes.
    expect(bad.body).toMatch(/name="occurredOn-day" type="text" value="30"/);
    expect(bad.body).toMatch(/name="occurredOn-year" type="text" value="2025"/);
    expect(bad.body).toContain('Typed before the mistake</textarea>');

    const future = await officer.post(planPaths.steps({ slug: 'thames-valley-2024-2029' }), {
      step: 'reviewed',
      'occurredOn-day': '1',
      'occurredOn-month': '1',
      'occurredOn-year': '2999',
      note: '',
    });
    expectRefused(future, 'The date of a step that has happened cannot be in the future');
    expect(future.body).toMatch(/name="occurredOn-year" type="text" value="2999"/);

    const good = await officer.post(planPaths.steps({ slug: 'thames-valley-2024-2029' }), {
      step: 'reviewed',
      'occurredOn-day': '30',
      'occurredOn-month': 'June',
      'occurredOn-year': '2025',
      note: 'Annual review',
      documentTitle: 'Review report',
      documentUrl: 'https://example.org/review.pdf',
    });
    expect(good.statusCode).toBe(303);
    const page = await fixture.app.inject({
      method: 'GET',
      url: planPaths.plan({ slug: 'thames-valley-2024-2029' }),
    });
    expect(page.body).toContain('Plan reviewed');
    expect(page.body).toContain('30 June 2025');
    expect(page.body).toContain('href="https://example.org/review.pdf"');
  });

  it('refuses a plan file whose source address is not http(s), naming the field', () => {
    const unsafe = demoText.replace(
      'sourceUrl: https://www.thamesvalley-pcc.gov.uk/',
      'sourceUrl: "javascript:alert(1)"',
    );
    expect(unsafe).not.toBe(demoText);
    expect(() => parsePlanFile(unsafe)).toThrow(ValidationError);
    try {
      parsePlanFile(unsafe);
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toContainEqual({
        field: 'plan.sourceUrl',
        message: 'Enter a web address starting http:// or https://',
      });
    }
  });

  it('refuses a document address that is not http(s), and never links to one already stored', async () => {
    const refused = await officer.post('/plans/thames-valley-2024-2029/steps', {
      step: 'reviewed',
      occurredOn: '2025-06-30',
      note: '',
      documentTitle: 'Sneaky',
      documentUrl: 'javascript:alert(document.cookie)',
    });
    expectRefused(refused, 'href="#documentUrl"', 'Enter a web address starting http:// or https://');

    await database.current.sql.query(
      `INSERT INTO plan_step (plan_id, version_id, step, occurred_on, documents, recorded_by)
       SELECT plan.id, max(plan_version.id), 'reviewed', '2025-07-01', $1::jsonb, 'test'
       FROM plan JOIN plan_version ON plan_version.plan_id = plan.id WHERE plan.slug = $2 GROUP BY plan.id`,
      [
        JSON.stringify([{ title: 'Stored script link', url: 'javascript:alert(1)' }]),
        'thames-valley-2024-2029',
      ],
    );
    const page = await fixture.app.inject({ method: 'GET', url: '/plans/thames-valley-2024-2029' });
    expectPage(page, 200, 'Stored script link');
    expect(page.body).not.toContain('javascript:');
  });

  it('loads a pasted plan file as a draft, or lists every problem and saves nothing', async () => {
    const broken = await officer.post(planPaths.plan({ slug: 'import' }), {
      content: demoText.replace('direction: decrease', 'direction: down'),
    });
    expectRefused(broken, 'must be one of increase, decrease, maintain-low, neutral');
    const file = parsePlanFile(demoText);
    const draft = planFileToYaml({
      ...file,
      plan: { ...file.plan, slug: 'pasted-draft', title: 'Secret draft 7f3a9c' },
    });
    const loaded = await officer.post(planPaths.plan({ slug: 'import' }), { content: draft });
    expect(loaded.headers.location).toBe('/plans/pasted-draft/versions');
    expect((await officer.get(planPaths.plan({ slug: 'pasted-draft' }))).body).toContain('This is a draft.');
    const issuedAgain = await officer.post(planPaths.plan({ slug: 'import' }), { content: demoText });
    expectRefused(issuedAgain, 'is issued and cannot change: start a variation');
    await expectNeverPublic(fixture.app, 'Secret draft 7f3a9c', [
      '/plans/pasted-draft',
      '/api/v1/plans/pasted-draft',
      '/plans/pasted-draft/export.yaml',
    ]);
  });

  it('lets an OPCC officer edit a priority of a draft, never of an issued version', async () => {
    const refused = await officer.get(
      planPaths.priorityEdit({ slug: 'thames-valley-2024-2029', code: 'PC1' }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Start a variation');

    expect((await officer.post(planPaths.variations({ slug: 'thames-valley-2024-2029' }))).statusCode).toBe(
      303,
    );
    const form = await officer.get(planPaths.priorityEdit({ slug: 'thames-valley-2024-2029', code: 'PC1' }));
    expect(form.statusCode).toBe(200);
    const measureCode = /name="measures\[0\]\[code\]" value="([^"]+)"/.exec(form.body)?.[1] ?? '';

    const editPath = planPaths.priorityEdit({ slug: 'thames-valley-2024-2029', code: 'PC1' });
    const empty = await officer.post(editPath, {
      title: ' ',
      summary: 'A summary typed before the mistake',
      'measures[0][code]': measureCode,
      'measures[0][text]': '',
      'measures[0][direction]': 'increase',
    });
    expectRefused(
      empty,
      'Enter the priority’s title',
      'Enter the measure’s wording',
      'href="#measures-0-text"',
    );
    // The form shows what was typed, not the stored priority.
    expect(empty.body).toContain('A summary typed before the mistake</textarea>');
    expect(empty.body).toMatch(/name="title" type="text" value=" "/);
    expect(empty.body).toMatch(/value="increase" checked/);

    const saved = await officer.post(editPath, {
      title: 'Crime prevention, revised',
      summary: '',
      'measures[0][code]': measureCode,
      'measures[0][text]': 'Fewer crimes of every kind',
      'measures[0][direction]': 'decrease',
    });
    expect(saved.statusCode).toBe(303);
    const draft = await officer.get(
      planPaths.priority({ slug: 'thames-valley-2024-2029', code: 'PC1' }, { version: 'draft' }),
    );
    expect(draft.body).toContain('Crime prevention, revised');
    const issued = await fixture.app.inject({
      method: 'GET',
      url: planPaths.priority({ slug: 'thames-valley-2024-2029', code: 'PC1' }),
    });
    expect(issued.body).not.toContain('Crime prevention, revised');
    const changes = await officer.get(
      planPaths.compare({ slug: 'thames-valley-2024-2029' }, { from: '1', to: '2' }),
    );
    expect(changes.body).toContain('Crime prevention, revised');
    expect(changes.body).toContain('Fewer crimes of every kind');
  });

  it('shows what the plan sets out under s7(1), warns of the draft’s gaps before issue and lets an officer fill them', async () => {
    const slug = 'thames-valley-2024-2029';
    const issued = await fixture.app.inject({ method: 'GET', url: planPaths.plan({ slug }) });
    expectPage(issued, 200, 'What the law asks the plan to set out', 'more than £557 million a year');
    expect(issued.body).not.toContain('Not set out');

    // The draft (a variation started above) loses two sections; its page warns, the public never sees it.
    const editPath = planPaths.statutoryEdit({ slug });
    const form = await officer.get(editPath);
    expectPage(form, 200, 'What the plan must set out', 'Section 7(1)(c)');
    const saved = await officer.post(editPath, {
      policing: 'Neighbourhood teams in every local authority',
      resources: 'Need text',
      reporting: '',
      performance: 'The published performance measures',
      grants: 'The Partnership Fund',
    });
    expect(saved.statusCode).toBe(303);
    const draft = await officer.get(planPaths.plan({ slug }, { version: 'draft' }));
    expectPage(draft, 200, 'Not written yet', 'It says only “Need text”.');
    expect(draft.body).toContain(
      'Before the draft is issued: the Police Reform and Social Responsibility Act 2011 asks a plan to set out the financial and other resources the commissioner gives the chief constable (s7(1)(c)); how the chief constable reports to the commissioner on that policing (s7(1)(d)). The draft does not yet.',
    );
    const api = await fixture.app.inject({
      method: 'GET',
      url: planPaths.apiPlan({ slug }, { version: 'draft' }),
    });
    expect(api.statusCode).toBe(404);
    const json = await officer.get(planPaths.apiPlan({ slug }, { version: 'draft' }));
    expect(JSON.parse(json.body).statutoryGaps.map((gap: { section: string }) => gap.section)).toEqual([
      'resources',
      'reporting',
    ]);
    const publicJson = JSON.parse(
      (await fixture.app.inject({ method: 'GET', url: planPaths.apiPlan({ slug }) })).body,
    );
    expect(publicJson.statutoryGaps).toEqual([]);
    expect(publicJson.statutoryContents).toHaveLength(5);

    const tooLong = await officer.post(editPath, { policing: 'x'.repeat(20001) });
    expectRefused(tooLong, 'Must be 20000 characters or fewer', 'href="#policing"');
    const audit = await database.current.db
      .selectFrom('auditEvent')
      .select(['after'])
      .where('recordType', '=', 'plan_version')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((audit.after as { changes: object[] }).changes).toContainEqual(
      expect.objectContaining({ kind: 'statutory', code: 'reporting', change: 'removed', after: null }),
    );
  });
});
