import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoPlans } from '../plans/plans.demo.ts';
import { DEMO_RECORDED, seedDemoFunding } from './funding.demo.ts';

const POPULATION = path.join(PROJECT_ROOT, 'data/demo/population/thames-valley-illustrative.csv');

describe('the demo funds', () => {
  const database = useTestDatabase('pglite');
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await services.areas.seedDemoAreas(system);
    const area = await services.areas.findForceArea('thames-valley');
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body', area?.id ?? null);
    await seedDemoPlans(services.plans, system);
    await services.judgements.importPopulation(system, POPULATION, fs.readFileSync(POPULATION, 'utf8'));
  });

  it('loads the three funds and records the 2017/18 Community Safety Fund, 90% by formula; again changes nothing', async () => {
    expect(await seedDemoFunding(services.funding, system)).toEqual(['3 funds']);
    expect(await seedDemoFunding(services.funding, system)).toEqual([]);
    const funds = await services.funding.listFunds();
    expect(funds.map(({ fund }) => fund.slug)).toEqual([
      'community-safety-fund',
      'crime-prevention-fund',
      'partnership-fund',
    ]);
    const { worked, recorded } = await services.funding.readAllocation(ANONYMOUS, DEMO_RECORDED);
    expect(recorded?.recordedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(worked.lines).toHaveLength(13);
    expect(worked.retainedPence).toBe(worked.potPence / 10);
    expect(worked.lines.reduce((sum, line) => sum + line.amountPence, 0)).toBe((worked.potPence * 9) / 10);
    const partnership = await services.funding.readFund('partnership-fund');
    expect(partnership.budgets.reduce((sum, budget) => sum + budget.amountPence, 0)).toBe(1_200_000_000);
  });
});
