import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoPlans } from '../plans/plans.demo.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import { seedDemoJudgements } from './judgements.demo.ts';

const system = systemActor('test');
const DEMO_INDICATORS = path.join(PROJECT_ROOT, 'data/demo/indicators/thames-valley-awaiting-data.yaml');

describe.each(testEngines())('loading the demo indicators again on %s', (engine) => {
  const database = useTestDatabase(engine);

  it("keeps a user's population figures and edited indicator definitions", async () => {
    const services = buildServices(database.current, TEST_URLS);
    await services.areas.seedDemoAreas(system);
    await createTestBody(database.current.db, 'thames-valley-pcc');
    await seedDemoPlans(services.plans, system);
    await seedDemoJudgements(services.judgements, system);

    // A user loads real figures for one authority and retitles one of the demo's indicators.
    await services.judgements.importPopulation(
      system,
      'ons-mid-2021.csv',
      'area_code,area_name,year,population,source\nE06000036,Bracknell Forest,2021,124600,ONS mid-2021\n',
    );
    const file = parseIndicatorFile(fs.readFileSync(DEMO_INDICATORS, 'utf8'), DEMO_INDICATORS);
    const [first, ...rest] = file.indicators;
    if (!first) throw new Error('the demo indicator file is empty');
    await services.judgements.loadIndicatorFile(
      system,
      {
        ...file,
        indicators: [{ ...first, title: 'Neighbourhood officers, as the OPCC counts them' }, ...rest],
      },
      'opcc-indicators.yaml',
    );

    const again = await seedDemoJudgements(services.judgements, system);

    expect(again).toEqual({ indicators: 0, populationRows: 0 });
    const held = await services.judgements.readPopulationLoad(system, 'ons-mid-2021.csv');
    expect(held.rows).toBe(1);
    const indicators = await services.judgements.listIndicatorsToManage(system);
    expect(indicators.find((indicator) => indicator.slug === first.slug)?.title).toBe(
      'Neighbourhood officers, as the OPCC counts them',
    );
  });
});
