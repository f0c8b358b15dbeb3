import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoPlans } from '../plans/plans.demo.ts';
import { seedDemoDelivery } from './delivery.demo.ts';

describe.each(testEngines())('the demo delivery plans, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await services.areas.seedDemoAreas(system);
    await createTestBody(database.current.db, 'thames-valley-pcc');
    await seedDemoPlans(services.plans, system);
  });

  it('loads every file through the use-cases, and loading again changes nothing', async () => {
    expect(await seedDemoDelivery(services.delivery, system)).toEqual(['24 delivery actions']);
    expect(await seedDemoDelivery(services.delivery, system)).toEqual([]);
    const plans = await services.delivery.listPlansFor(ANONYMOUS);
    expect(plans.map(({ plan, actions }) => [plan.planSlug, plan.owner, actions.length])).toEqual([
      ['thames-valley-2024-2029', 'opcc', 4],
      ['thames-valley-2024-2029', 'force', 4],
      ['thames-valley-2017-2021', 'opcc', 6],
      ['thames-valley-2017-2021', 'force', 10],
    ]);
  });

  it('reports the 2016 pack’s items as the pack has them: the concordat done, rape prosecutions off track', async () => {
    const opcc = await services.delivery.readAction(ANONYMOUS, {
      plan: 'thames-valley-2017-2021',
      version: 1,
      owner: 'opcc',
      ref: 'OPCC-2.2',
    });
    expect([opcc.action.status, opcc.action.completedOn, opcc.action.targets]).toEqual([
      'completed',
      '2016-12-16',
      [{ kind: 'aim', code: 'P1.A1' }],
    ]);
    const rape = await services.delivery.readAction(ANONYMOUS, {
      plan: 'thames-valley-2017-2021',
      version: 1,
      owner: 'force',
      ref: 'TVP-RAPE',
    });
    expect(rape.action.status).toBe('off-track');
    expect(rape.action.history[0]?.evidence).toContain('61 rape offences');
    expect(rape.action.history[0]?.recovery).toContain('Crown Prosecution Service');
  });

  it('chases only the plan in its term: the 2016 items are history, not overdue', async () => {
    const refs = (listed: { action: { reference: string } }[]) =>
      listed.map(({ action }) => action.reference);
    expect(refs(await services.delivery.listOverdue(ANONYMOUS))).toEqual([
      'DEMO-PC3-01',
      'DEMO-PC4-01',
      'DEMO-TVP-02',
    ]);
    expect(refs(await services.delivery.listAtRisk(ANONYMOUS))).toEqual([
      'DEMO-PC4-01',
      'DEMO-PC3-01',
      'DEMO-TVP-04',
    ]);
    const marks = await services.delivery.measureAnnotations({
      planSlug: 'thames-valley-2024-2029',
      code: 'PC1.M1',
    });
    expect(marks.map((mark) => [mark.date, mark.label.split(':')[0]])).toEqual([
      ['2025-02-01', 'Started'],
      ['2025-08-15', 'Completed'],
    ]);
  });
});
