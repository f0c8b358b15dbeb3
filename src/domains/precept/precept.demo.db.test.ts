import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoScrutiny } from '../scrutiny/scrutiny.demo.ts';
import { seedDemoBudget } from './budget.demo.ts';
import { seedDemoPrecept } from './precept.demo.ts';

describe('the demo precept year', () => {
  const database = useTestDatabase('pglite');
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    // The office and its Panel in their force area, and the Panel's members from the 2016 agenda pack.
    await services.areas.seedDemoAreas(system);
    const area = (await services.areas.findForceArea('thames-valley'))?.id ?? null;
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body', area);
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel', area);
    await seedDemoScrutiny(services.scrutiny, system);
  });

  it('loads an illustrative 2017-18 through the use-cases, and loading again changes nothing', async () => {
    expect(await seedDemoPrecept(services.precept, system)).toEqual(['1 illustrative precept year']);
    expect(await seedDemoPrecept(services.precept, system)).toEqual([]);
    const { year, membersAtDecision } = await services.precept.readYear(ANONYMOUS, {
      body: 'thames-valley-pcc',
      year: 2017,
    });
    expect(year.illustrative).toBe(true);
    expect([year.reportedOn, year.panelDecision, year.finalPence]).toEqual(['2017-02-03', 'accept', 17_028]);
    // The nineteen members of the 16 December 2016 agenda, none with a recorded term.
    expect(membersAtDecision).toBe(19);
    expect(year.votes).toHaveLength(19);
  });

  it('loads the illustrative 2017-18 budget, whose sums check, linked from the precept year; again changes nothing', async () => {
    expect(await seedDemoBudget(services.budget, system)).toEqual(['1 illustrative budget year']);
    expect(await seedDemoBudget(services.budget, system)).toEqual([]);
    const { budget } = await services.budget.readBudget({ body: 'thames-valley-pcc', year: 2017 });
    expect(budget.illustrative).toContain('Every figure here is made up');
    expect(budget.bandDPence).toBe(17_028);
    const { hasBudget } = await services.precept.readYear(ANONYMOUS, {
      body: 'thames-valley-pcc',
      year: 2017,
    });
    expect(hasBudget).toBe(true);
  });
});
