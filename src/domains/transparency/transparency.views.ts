import { type ModelOf, view } from '../../kernel/http/views.ts';
import type {
  toCompliancePage,
  toContractsPage,
  toIndexPage,
  toOverduePage,
  toSpendingPage,
} from './transparency.view-models.ts';

export const VIEWS = {
  index: view<ModelOf<typeof toIndexPage>>('transparency/views/index.njk'),
  compliance: view<ModelOf<typeof toCompliancePage>>('transparency/views/compliance.njk'),
  overdue: view<ModelOf<typeof toOverduePage>>('transparency/views/overdue.njk'),
  spending: view<ModelOf<typeof toSpendingPage>>('transparency/views/spending.njk'),
  contracts: view<ModelOf<typeof toContractsPage>>('transparency/views/contracts.njk'),
};
