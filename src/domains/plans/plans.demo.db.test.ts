import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoPlans } from './plans.demo.ts';

describe.each(testEngines())('the demo plans’ steps, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  const system = systemActor('test');

  const steps = () =>
    database.current.sql.query<{ slug: string; step: string; on: string; approximate: boolean }>(
      `SELECT p.slug, s.step, s.occurred_on::text AS on, s.note LIKE 'Demo data: an approximate date%' AS approximate
       FROM plan_step s JOIN plan p ON p.id = s.plan_id ORDER BY p.slug, s.id`,
    );

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await services.areas.seedDemoAreas(system);
    await createTestBody(database.current.db, 'thames-valley-pcc');
  });

  it('records the dates the source documents give, and an approximate one only where they give none', async () => {
    await seedDemoPlans(services.plans, system);
    expect(await steps()).toEqual([
      // The Panel's papers of 16 December 2016; the 2017–2021 plan's issue date is not in them.
      {
        slug: 'thames-valley-2017-2021',
        step: 'chief-constable-consulted',
        on: '2016-12-09',
        approximate: false,
      },
      { slug: 'thames-valley-2017-2021', step: 'sent-to-panel', on: '2016-12-16', approximate: false },
      { slug: 'thames-valley-2017-2021', step: 'issued', on: '2017-04-01', approximate: true },
      // The OPCC's report to the scrutiny committee of 29 October 2024, paragraph 3.3.
      { slug: 'thames-valley-2024-2029', step: 'sent-to-panel', on: '2024-07-12', approximate: false },
      { slug: 'thames-valley-2024-2029', step: 'issued', on: '2024-07-30', approximate: false },
    ]);
    const plan = await services.plans.readPlan(system, 'thames-valley-2024-2029');
    expect(plan.version.issuedOn).toBe('2024-07-30');
    // Issued within the financial year of the May 2024 election, as s. 5(1) of the 2011 Act requires.
    expect(plan.lifecycle.deadlineStatus).toBe('met');
  });

  it('records nothing twice when the demo is loaded again', async () => {
    const before = await steps();
    await seedDemoPlans(services.plans, system);
    expect(await steps()).toEqual(before);
  });
});
