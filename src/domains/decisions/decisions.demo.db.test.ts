import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoPlans } from '../plans/plans.demo.ts';
import { seedDemoDecisions } from './decisions.demo.ts';

describe('the demo decision register', () => {
  const database = useTestDatabase('pglite');
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    // The office in its force area, and the plans its decisions' priorities are checked against.
    await services.areas.seedDemoAreas(system);
    const area = await services.areas.findForceArea('thames-valley');
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body', area?.id ?? null);
    await seedDemoPlans(services.plans, system);
  });

  it('loads through the use-cases, and loading again changes nothing', async () => {
    expect(await seedDemoDecisions(services.decisions, system)).toEqual(['6 decisions']);
    expect(await seedDemoDecisions(services.decisions, system)).toEqual([]);
    const published = await services.decisions.listRegister(ANONYMOUS, { year: 2026, maker: null });
    expect(published.map((decision) => [decision.number, decision.workingDaysLate])).toEqual([
      ['DEMO-2026-003', 0],
      ['DEMO-2026-002', 2],
      ['DEMO-2026-001', 0],
    ]);
    expect(published[0]?.title).toBe('Demonstration: a property matter');
    expect(published.find((decision) => decision.number === 'DEMO-2026-001')?.priorities).toEqual([
      'PC1',
      'PC2',
    ]);
    const plan = await services.decisions.listForwardPlan(system);
    expect(plan.map((decision) => decision.number)).toEqual(['2016-17-PLAN', 'DEMO-2027-001']);
  });
});
