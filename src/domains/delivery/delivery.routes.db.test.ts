import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../kernel/testing/expect-page.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { signInAs } from '../accounts/accounts.testing.ts';
import { seedScorecardFixture } from '../judgements/judgements.testing.ts';
import { deliveryFile, OFFICE, PLAN } from './delivery.testing.ts';
import { deliveryPaths as paths } from './index.ts';

/** Day, month and year boxes of the GOV.UK date input, as a browser posts them. */
const parts = (name: string, date: string) => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

const MARKER = `Unpublished action ${Math.random().toString(36).slice(2)}`;
const KEY = { plan: PLAN, version: 1, owner: 'opcc' as const };
const ACTION = { ...KEY, ref: 'R-1' };

const NEW_ACTION = {
  reference: 'R-1',
  title: MARKER,
  description: '',
  actionOwner: 'Head of Partnerships',
  ...parts('startsOn', '2025-02-01'),
  ...parts('dueOn', '2025-03-31'),
  targets: 'measure:PC1.M1',
};

describe.each(testEngines())('delivery plans’ pages, forms and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;

  beforeAll(async () => {
    services = await seedScorecardFixture(database.current);
    app = await buildTestApp(database.current);
    officer = await signInAs({ app, services }, { role: 'opcc-officer', body: OFFICE });
  });
  afterAll(() => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('starts a plan and adds an action through the forms, refusing dates out of order on their field', async () => {
    expectPage(await officer.get(paths.add()), 200, 'value="thames-valley-2024-2029/1"');
    const refusedPlan = await officer.post(paths.add(), { planVersion: '', owner: 'opcc', title: 'T' });
    expectRefused(refusedPlan, 'href="#planVersion"', 'Select the police and crime plan version');
    const started = await officer.post(paths.add(), {
      planVersion: `${PLAN}/1`,
      owner: 'opcc',
      title: 'The office’s plan',
      summary: '',
    });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(paths.plan(KEY));

    const form = await officer.get(paths.addAction(KEY));
    expectPage(form, 200, 'value="measure:PC1.M1"', 'value="aim:PC3.A1"', 'name="startsOn-day"');
    const outOfOrder = await officer.post(paths.addAction(KEY), {
      ...NEW_ACTION,
      ...parts('dueOn', '2025-01-31'),
    });
    expectRefused(
      outOfOrder,
      'href="#dueOn"',
      'The due date must be on or after the start date, 1 February 2025',
      'value="measure:PC1.M1" checked',
    );
    const noTargets = await officer.post(paths.addAction(KEY), { ...NEW_ACTION, targets: '' });
    expectRefused(noTargets, 'href="#targets"', 'Select at least one key aim or measure the action serves');
    const added = await officer.post(paths.addAction(KEY), NEW_ACTION);
    expect(added.headers.location).toBe(paths.action(ACTION));
  });

  it('records no status without evidence, and none off track without a recovery note', async () => {
    const status = { status: 'on-track', ...parts('changedOn', '2025-02-10'), evidence: '', recovery: '' };
    expectRefused(
      await officer.post(paths.status(ACTION), status),
      'href="#status-evidence"',
      'Enter the evidence for the status',
    );
    expectRefused(
      await officer.post(paths.status(ACTION), {
        ...status,
        status: 'off-track',
        evidence: 'Supplier failed',
      }),
      'href="#status-recovery"',
      'Enter how the action will be brought back on track',
      'Supplier failed',
    );
    const recorded = await officer.post(paths.status(ACTION), { ...status, evidence: 'Launch report' });
    expect(recorded.statusCode).toBe(303);
    const page = await officer.get(paths.action(ACTION));
    expectPage(page, 200, 'Launch report', 'Recorded by Test Person', 'On track');
    const audit = await database.current.db
      .selectFrom('auditEvent')
      .select('actorKind')
      .where('recordType', '=', 'delivery-action')
      .execute();
    expect(audit.map((event) => event.actorKind)).toEqual(['user', 'user']);
  });

  it('changes an action through its form, keeping its reference, and refuses dates that would strand a milestone', async () => {
    const { reference: _kept, ...details } = NEW_ACTION;
    const form = await officer.get(paths.editAction(ACTION));
    expectPage(
      form,
      200,
      'Change action R-1',
      'value="Head of Partnerships"',
      'value="measure:PC1.M1" checked',
    );
    expect(form.body).not.toContain('name="reference"');
    const milestone = {
      title: 'Partners signed up',
      ...parts('dueOn', '2025-03-15'),
      ...parts('completedOn', ''),
    };
    expect((await officer.post(paths.milestone(ACTION), milestone)).statusCode).toBe(303);

    const stranding = await officer.post(paths.editAction(ACTION), {
      ...details,
      title: 'Never saved',
      ...parts('dueOn', '2025-03-10'),
    });
    expectRefused(
      stranding,
      'href="#dueOn"',
      'The milestone “Partners signed up”, due on 15 March 2025, must stay within the action’s dates',
    );
    expect((await officer.get(paths.action(ACTION))).body).not.toContain('Never saved');

    const changed = await officer.post(paths.editAction(ACTION), {
      ...details,
      title: `${MARKER}, widened`,
      actionOwner: 'Director of Partnerships',
      ...parts('dueOn', '2025-06-30'),
    });
    expect(changed.headers.location).toBe(paths.action(ACTION));
    expectPage(
      await officer.get(paths.action(ACTION)),
      200,
      `R-1: ${MARKER}, widened`,
      'Director of Partnerships',
      '30 June 2025',
      'Launch report',
    );
    const [event] = await database.current.db
      .selectFrom('auditEvent')
      .select(['before', 'after'])
      .where('recordType', '=', 'delivery-action')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(event).toMatchObject({
      before: { dueOn: '2025-03-31', actionOwner: 'Head of Partnerships' },
      after: { dueOn: '2025-06-30', actionOwner: 'Director of Partnerships' },
    });
  });

  it('keeps an unpublished plan and its actions off every public page, feed and API', async () => {
    expect((await get(paths.plan(KEY))).statusCode).toBe(404);
    expect((await get(paths.apiAction(ACTION))).statusCode).toBe(404);
    await expectNeverPublic(app, MARKER, [
      paths.plan(KEY),
      paths.planCsv(KEY),
      paths.matrix(KEY),
      paths.action(ACTION),
      paths.apiPlan(KEY),
      '/scorecard/measures/PC1.M1',
      '/calendar.ics',
    ]);
    expect((await app.inject({ method: 'POST', url: paths.status(ACTION) })).statusCode).not.toBe(303);
  });

  it('once published, shows the plan, the action, the matrix, the lists, downloads, API and the chart marks', async () => {
    expect((await officer.post(paths.publish(KEY))).statusCode).toBe(303);
    expectPage(await get(paths.plan(KEY)), 200, 'The office’s plan', MARKER, 'Overdue');
    expectPage(
      await get(paths.matrix(KEY)),
      200,
      '<abbr title="',
      'Served by R-1',
      'PC1.M1: Continued reductions',
    );
    expectPage(await get(paths.overdue()), 200, MARKER);
    expectPage(await get(paths.atRisk()), 200, 'There are none');
    const csv = await get(paths.planCsv(KEY));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain('R-1,');
    const json = (await get(paths.apiAction(ACTION))).json();
    expect(json).toMatchObject({
      reference: 'R-1',
      status: 'on-track',
      overdue: true,
      serves: [{ code: 'PC1.M1' }],
    });
    expect(json.history[0]).toMatchObject({ on: '2025-02-10', evidence: 'Launch report' });
    const measure = await get('/scorecard/measures/PC1.M1');
    expectPage(
      measure,
      200,
      'Delivery actions marked on the chart',
      `1 February 2025: <a class="govuk-link" href="${paths.action(ACTION)}">Started: R-1`,
    );
    expect(measure.body).toContain('Numbered dashed green lines mark 1 delivery action date');
    const calendar = await get('/calendar');
    expect(calendar.body).toContain(`Delivery action R-1 due: ${MARKER}`);
  });

  it('loads a pasted file, naming each problem by line, and saves nothing on error', async () => {
    const bad = deliveryFile(
      'force',
      `  - reference: F-1
    title: Force action
    owner: Superintendent
    startsOn: 2025-05-01
    dueOn: 2025-06-01
    measures: [PC1.M9]
`,
    );
    const refused = await officer.post(paths.importFile(), { content: bad });
    expectRefused(
      refused,
      'The file has 1 problem',
      'the file line 12, actions.0.measures.0',
      'PC1.M9 is not a key measure',
    );
    expect((await officer.get(paths.plan({ ...KEY, owner: 'force' }))).statusCode).toBe(404);
    const loaded = await officer.post(paths.importFile(), { content: bad.replace('PC1.M9', 'PC1.M1') });
    expect(loaded.headers.location).toBe(paths.plan({ ...KEY, owner: 'force' }));
  });
});
