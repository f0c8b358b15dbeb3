import type { JudgementsService } from '../judgements/index.ts';
import { defineDomain } from '../module.ts';
import { judgedMeasures } from './recommendations.impact.ts';
import { RECOMMENDATIONS_OPENAPI } from './recommendations.openapi.ts';
import { recommendationPaths } from './recommendations.paths.ts';
import { RECOMMENDATIONS_POLICY } from './recommendations.policy.ts';
import { recommendationsRoutes } from './recommendations.routes.ts';
import { RECOMMENDATIONS_SEARCH } from './recommendations.search.ts';
import { createRecommendationsLedger } from './recommendations.service.ts';

export type { RecommendationState } from './recommendations.file.ts';
export {
  type MeasureLink,
  measureAddress,
  parseMeasureAddress,
} from './recommendations.measures.ts';
export { NO_DETAILS, type OriginDetails } from './recommendations.origins.ts';
export { recommendationPaths } from './recommendations.paths.ts';
export type { LedgerFilter, RecommendationRow, RecommendationValues } from './recommendations.queries.ts';
export { NO_FILTER } from './recommendations.read.ts';
export {
  ActionJson,
  type RecommendationFilter,
  type RecommendationStatus,
} from './recommendations.schemas.ts';
export { createRecommendationsLedger, type RecommendationsLedgerService } from './recommendations.service.ts';
export {
  OUTCOME_KINDS,
  type OutcomeKind,
  RECOMMENDATION_ORIGINS,
  RESPONSE_KINDS,
  type RecommendationOrigin,
  type RecommendationsLedger,
  type RecommendationsPublished,
  type RecommendationsTables,
  type ResponseKind,
  type Visibility,
} from './recommendations.tables.ts';
export { type LedgerRowView, toLedgerRow } from './recommendations.view-models.ts';
export { NOT_YET_ANSWERED } from './recommendations.write.ts';

/**
 * The recommendations ledger, shared by every origin of recommendations: a body's meetings, its groups,
 * inspections, audits and internal reviews. It keeps the recommendation, the response, the actions, the
 * progress and the outcome, works out statuses and what is overdue, and knows of an origin only what the
 * origin tells it: a kind, a title, a link, who may see it, and the details it describes.
 */
export const recommendationsDomain = defineDomain({
  name: 'recommendations',
  signposts: [
    {
      href: recommendationPaths.list(),
      title: 'Recommendations',
      description: 'What the Panel and inspectors have recommended, and how each was answered.',
      position: 32,
    },
  ],
  policy: RECOMMENDATIONS_POLICY,
  build: ({ db, policy, now }, _needs: { judgements: JudgementsService }) => ({
    recommendations: createRecommendationsLedger({ db, policy, now }),
  }),
  routes: ({ recommendations, judgements }, { config }) => [
    recommendationsRoutes({
      ledger: recommendations,
      judgementsOf: async () => judgedMeasures(await judgements.readScorecard({ areaName: config.areaName })),
    }),
  ],
  openApi: [RECOMMENDATIONS_OPENAPI],
  search: [RECOMMENDATIONS_SEARCH],
});
