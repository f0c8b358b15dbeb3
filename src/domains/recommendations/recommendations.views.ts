import { view } from '../../kernel/http/views.ts';
import type { LedgerPageModel, RecommendationPageModel } from './recommendations.view-models.ts';

export const VIEWS = {
  ledger: view<LedgerPageModel>('recommendations/views/ledger.njk'),
  recommendation: view<RecommendationPageModel>('recommendations/views/recommendation.njk'),
};
