import { type ModelOf, view } from '../../kernel/http/views.ts';
import type {
  toAnalysisPage,
  toFormPage,
  toListPage,
  toResultsPage,
  toSentPage,
} from './engagement.view-models.ts';

export const VIEWS = {
  list: view<ModelOf<typeof toListPage>>('engagement/views/list.njk'),
  form: view<ModelOf<typeof toFormPage>>('engagement/views/survey.njk'),
  sent: view<ModelOf<typeof toSentPage>>('engagement/views/sent.njk'),
  results: view<ModelOf<typeof toResultsPage>>('engagement/views/results.njk'),
  analysis: view<ModelOf<typeof toAnalysisPage>>('engagement/views/analysis.njk'),
};
