import { view } from '../../kernel/http/views.ts';
import type {
  DecisionPageModel,
  EditDecisionPageModel,
  ForwardPlanPageModel,
  NewDecisionPageModel,
  RegisterPageModel,
} from './decisions.view-models.ts';

export const VIEWS = {
  register: view<RegisterPageModel>('decisions/views/register.njk'),
  decision: view<DecisionPageModel>('decisions/views/decision.njk'),
  forwardPlan: view<ForwardPlanPageModel>('decisions/views/forward-plan.njk'),
  newDecision: view<NewDecisionPageModel>('decisions/views/new-decision.njk'),
  editDecision: view<EditDecisionPageModel>('decisions/views/edit-decision.njk'),
};
