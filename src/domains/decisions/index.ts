import { defineDomain } from '../module.ts';
import type { RecommendationsLedgerService } from '../recommendations/index.ts';
import { seedDemoDecisions } from './decisions.demo.ts';
import { DECISIONS_OPENAPI } from './decisions.openapi.ts';
import { decisionPaths } from './decisions.paths.ts';
import { DECISIONS_POLICY } from './decisions.policy.ts';
import { decisionsRoutes } from './decisions.routes.ts';
import { DECISIONS_SEARCH } from './decisions.search.ts';
import { createDecisionsService } from './decisions.service.ts';

export type { DecisionRecord } from './decisions.context.ts';
export { decisionPaths } from './decisions.paths.ts';
export type { DecisionsService } from './decisions.service.ts';
export type { DecisionsTables } from './decisions.tables.ts';
export { toDecisionRow } from './decisions.view-models.ts';

/**
 * The decision register of each Commissioner's office (issue 14 item 1): every decision of the Commissioner, or
 * of the deputy or chief executive under delegation, with the statutory officers' advice and sign-off; Part 1
 * public and Part 2 withheld behind a stub; the publication clock of one working day; and the forward plan of
 * coming key decisions for the Panel.
 */
export const decisionsDomain = defineDomain({
  name: 'decisions',
  signposts: [
    {
      href: decisionPaths.register(),
      title: 'Decisions',
      description: 'The Commissioner’s decisions of significant public interest, and those coming up.',
      position: 35,
    },
  ],
  policy: DECISIONS_POLICY,
  build: ({ db, policy, now }, { recommendations }: { recommendations: RecommendationsLedgerService }) => ({
    decisions: createDecisionsService({ db, policy, now, canSeeRecommendation: recommendations.canSee }),
  }),
  routes: ({ decisions }, { config }) => [decisionsRoutes({ decisions, baseUrl: config.baseUrl })],
  openApi: [DECISIONS_OPENAPI],
  search: [DECISIONS_SEARCH],
  navigation: [{ href: decisionPaths.register(), text: 'Decisions', position: 35 }],
  deadlines: ({ decisions }) => [decisions.upcomingDeadlines],
  seedDemo: async ({ decisions }, { actor }) => ({ loaded: await seedDemoDecisions(decisions, actor) }),
});
