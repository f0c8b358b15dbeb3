import { view } from '../../kernel/http/views.ts';
import type { BudgetIndexPageModel, BudgetPageModel } from './budget.view-models.ts';
import type {
  BodyPageModel,
  IndexPageModel,
  MoneyPageModel,
  ProposalPageModel,
  ReportFormPageModel,
  StepFormPageModel,
  YearPageModel,
} from './precept.view-models.ts';

export const VIEWS = {
  money: view<MoneyPageModel>('precept/views/money.njk'),
  index: view<IndexPageModel>('precept/views/index.njk'),
  body: view<BodyPageModel>('precept/views/body.njk'),
  year: view<YearPageModel>('precept/views/year.njk'),
  proposal: view<ProposalPageModel>('precept/views/proposal.njk'),
  report: view<ReportFormPageModel>('precept/views/report.njk'),
  step: view<StepFormPageModel>('precept/views/step.njk'),
  budgets: view<BudgetIndexPageModel>('precept/views/budgets.njk'),
  budget: view<BudgetPageModel>('precept/views/budget.njk'),
};
