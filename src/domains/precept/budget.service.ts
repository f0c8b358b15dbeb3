import { withDeps } from '../../kernel/use-cases.ts';
import { type BudgetDeps, importBudgetFile } from './budget.import.ts';
import { listBudgets, readBudget, readBudgetBody } from './budget.read.ts';

export type BudgetService = ReturnType<typeof createBudgetService>;

/** A policing body's budgets: loaded from the OPCC's file, read by year. */
export function createBudgetService(deps: BudgetDeps) {
  return withDeps(deps, { importBudgetFile, listBudgets, readBudgetBody, readBudget });
}
