import { type ModelOf, view } from '../../kernel/http/views.ts';
import type {
  toComparePage,
  toCoveragePage,
  toImportPage,
  toPlanListPage,
  toPlanPage,
  toPriorityEditPage,
  toPriorityPage,
  toVersionsPage,
} from './plans.view-models.ts';

/** The plans pages, each bound to the model it is rendered with. */
export const planViews = {
  list: view<ModelOf<typeof toPlanListPage>>('plans/views/plans.njk'),
  plan: view<ModelOf<typeof toPlanPage>>('plans/views/plan.njk'),
  priority: view<ModelOf<typeof toPriorityPage>>('plans/views/priority.njk'),
  priorityEdit: view<ModelOf<typeof toPriorityEditPage>>('plans/views/priority-edit.njk'),
  import: view<ModelOf<typeof toImportPage>>('plans/views/import.njk'),
  versions: view<ModelOf<typeof toVersionsPage>>('plans/views/versions.njk'),
  compare: view<ModelOf<typeof toComparePage>>('plans/views/compare.njk'),
  coverage: view<ModelOf<typeof toCoveragePage>>('plans/views/coverage.njk'),
};
