import { view } from '../../kernel/http/views.ts';
import type { ImpactPageModel } from './recommendations.impact.view-models.ts';
import type { LedgerPageModel, RecommendationPageModel } from './recommendations.view-models.ts';

export const VIEWS = {
  ledger: view<LedgerPageModel>('recommendations/views/ledger.njk'),
  impact: view<ImpactPageModel>('recommendations/views/impact.njk'),
  recommendation: view<RecommendationPageModel>('recommendations/views/recommendation.njk'),
};
