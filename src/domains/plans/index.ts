import type { UsersService } from '../accounts/index.ts';
import type { AreasService } from '../areas/index.ts';
import { defineDomain } from '../module.ts';
import { PLANS_COMMANDS } from './plans.cli.ts';
import { seedDemoPlans } from './plans.demo.ts';
import { PLANS_OPENAPI } from './plans.openapi.ts';
import { PLANS_POLICY } from './plans.policy.ts';
import { plansRoutes } from './plans.routes.ts';
import { PLANS_SEARCH } from './plans.search.ts';
import { createPlansService } from './plans.service.ts';

export { parsePlanFile } from './plans.files.ts';
export { planPaths } from './plans.paths.ts';
export type { PlansService } from './plans.service.ts';
export type { PlansPublished, PlansTables } from './plans.tables.ts';

/** Police and Crime Plans: versions, the statutory steps, comparison and coverage. */
export const plansDomain = defineDomain({
  name: 'plans',
  signposts: [
    {
      href: '/plans',
      title: 'Police and Crime Plans',
      description: 'The priorities, aims and measures the Commissioner has set, with every issued version.',
      position: 10,
    },
  ],
  policy: PLANS_POLICY,
  navigation: [{ href: '/plans', text: 'Plans', position: 10 }],
  build: ({ db, policy, now }, { users, areas }: { users: UsersService; areas: AreasService }) => ({
    plans: createPlansService({
      db,
      policy,
      now,
      findBody: users.findBody,
      findForceArea: areas.findForceArea,
    }),
  }),
  routes: ({ plans }) => [plansRoutes({ plans })],
  openApi: [PLANS_OPENAPI],
  search: [PLANS_SEARCH],
  deadlines: ({ plans }) => [plans.upcomingDeadlines],
  commands: PLANS_COMMANDS,
  seedDemo: async ({ plans }, { actor }) => {
    const seeded = await seedDemoPlans(plans, actor);
    return { loaded: [`${seeded.plans} plans`, `${seeded.coverageSources} coverage sources`] };
  },
});
