import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the budgets. A year is named by its financial year label, e.g. 2017-18. */
export const budgetPaths = {
  index: pathTo('/budgets'),
  year: pathTo('/budgets/:body/:year'),
  yearCsv: pathTo('/budgets/:body/:year/budget.csv'),
  apiBody: pathTo('/api/v1/budgets/:body'),
  apiYear: pathTo('/api/v1/budgets/:body/:year'),
} as const;
