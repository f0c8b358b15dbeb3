import { defineDomain } from '../module.ts';
import { ENGAGEMENT_COMMANDS } from './engagement.cli.ts';
import { seedDemoEngagement } from './engagement.demo.ts';
import { ENGAGEMENT_OPENAPI } from './engagement.openapi.ts';
import { engagementPaths } from './engagement.paths.ts';
import { ENGAGEMENT_POLICY } from './engagement.policy.ts';
import { engagementRoutes } from './engagement.routes.ts';
import { createEngagementService } from './engagement.service.ts';

export { engagementPaths } from './engagement.paths.ts';
export type { EngagementService } from './engagement.service.ts';
export type { EngagementTables } from './engagement.tables.ts';

/**
 * Engagement (issue 17): a policing body's surveys as data, answered by the public without an account online
 * or gathered off line and imported, analysed for officers with Wilson intervals, published as aggregates
 * with small cells suppressed, and purged when their retention runs out. It reads bodies and local
 * authorities only.
 */
export const engagementDomain = defineDomain({
  name: 'engagement',
  signposts: [
    {
      href: engagementPaths.list(),
      title: 'Have your say',
      description: 'Surveys and consultations open to the public, and what they found.',
      position: 55,
    },
  ],
  policy: ENGAGEMENT_POLICY,
  build: ({ db, policy, now }) => ({ engagement: createEngagementService({ db, policy, now }) }),
  routes: ({ engagement }) => [engagementRoutes({ engagement })],
  openApi: [ENGAGEMENT_OPENAPI],
  commands: ENGAGEMENT_COMMANDS,
  seedDemo: async ({ engagement }, { actor }) => ({ loaded: await seedDemoEngagement(engagement, actor) }),
});
