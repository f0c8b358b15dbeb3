import { type ModelOf, view } from '../../kernel/http/views.ts';
import type * as pages from './plans.view-models.ts';

/** The plans pages, each bound to the model it is rendered with. */
export const planViews = {
  list: view<ModelOf<typeof pages.toPlanListPage>>('plans/views/plans.njk'),
  plan: view<ModelOf<typeof pages.toPlanPage>>('plans/views/plan.njk'),
  priority: view<ModelOf<typeof pages.toPriorityPage>>('plans/views/priority.njk'),
  priorityEdit: view<ModelOf<typeof pages.toPriorityEditPage>>('plans/views/priority-edit.njk'),
  statutoryEdit: view<ModelOf<typeof pages.toStatutoryEditPage>>('plans/views/statutory-edit.njk'),
  import: view<ModelOf<typeof pages.toImportPage>>('plans/views/import.njk'),
  versions: view<ModelOf<typeof pages.toVersionsPage>>('plans/views/versions.njk'),
  compare: view<ModelOf<typeof pages.toComparePage>>('plans/views/compare.njk'),
  coverage: view<ModelOf<typeof pages.toCoveragePage>>('plans/views/coverage.njk'),
};
