import { defineDomain } from '../module.ts';
import { FUNDING_COMMANDS } from './funding.cli.ts';
import { seedDemoFunding } from './funding.demo.ts';
import { FUNDING_OPENAPI } from './funding.openapi.ts';
import { FUNDING_POLICY } from './funding.policy.ts';
import { fundingRoutes } from './funding.routes.ts';
import { createFundingService } from './funding.service.ts';

export { fundingPaths } from './funding.paths.ts';
export type { FundingService } from './funding.service.ts';
export type { FundingPublished, FundingTables } from './funding.tables.ts';

/**
 * Funding (issue 16 items 1 and 2): a policing body's funds as data — budget by year, eligibility, the plan
 * priorities served, rounds and assessment criteria — and the formula allocation of a fund among local
 * authorities, with a what-if view, the recorded allocation, its CSV and a letter to each authority. It reads
 * plans' priorities, judgements' populations and performance's police.uk counts, so it sits after them.
 */
export const fundingDomain = defineDomain({
  name: 'funding',
  policy: FUNDING_POLICY,
  build: ({ db, policy, now }) => ({ funding: createFundingService({ db, policy, now }) }),
  routes: ({ funding }) => [fundingRoutes({ funding })],
  openApi: [FUNDING_OPENAPI],
  commands: FUNDING_COMMANDS,
  seedDemo: async ({ funding }, { actor }) => ({ loaded: await seedDemoFunding(funding, actor) }),
});
