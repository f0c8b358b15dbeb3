import { view } from '../../kernel/http/views.ts';
import type {
  ActionFormPageModel,
  ActionListPageModel,
  ActionPageModel,
  ImportPageModel,
  ListPageModel,
  MatrixPageModel,
  NewPlanPageModel,
  PlanPageModel,
} from './delivery.view-models.ts';

export const VIEWS = {
  list: view<ListPageModel>('delivery/views/list.njk'),
  plan: view<PlanPageModel>('delivery/views/plan.njk'),
  matrix: view<MatrixPageModel>('delivery/views/matrix.njk'),
  action: view<ActionPageModel>('delivery/views/action.njk'),
  actionList: view<ActionListPageModel>('delivery/views/action-list.njk'),
  actionForm: view<ActionFormPageModel>('delivery/views/action-form.njk'),
  newPlan: view<NewPlanPageModel>('delivery/views/new-plan.njk'),
  importFile: view<ImportPageModel>('delivery/views/import.njk'),
};
