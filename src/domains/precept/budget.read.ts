import { NotFoundError } from '../../kernel/errors.ts';
import type { BudgetDeps } from './budget.import.ts';
import { findPolicingBody, listAllBudgetYears, listBudgetYears, readBudgetYear } from './budget.queries.ts';
import type { BudgetTarget } from './budget.schemas.ts';

async function bodyOrRefuse(deps: BudgetDeps, slug: string) {
  const body = await findPolicingBody(deps.db, slug);
  if (!body) throw new NotFoundError('There is no such policing body');
  return body;
}

/** Every body's budget years, for the index. */
export function listBudgets(deps: BudgetDeps) {
  return listAllBudgetYears(deps.db);
}

/** One body's budget years, newest first. */
export async function readBudgetBody(deps: BudgetDeps, slug: string) {
  const body = await bodyOrRefuse(deps, slug);
  return { body, years: await listBudgetYears(deps.db, body.id) };
}

/** One body's budget for a year: everything in it is public. */
export async function readBudget(deps: BudgetDeps, target: BudgetTarget) {
  const body = await bodyOrRefuse(deps, target.body);
  const found = await readBudgetYear(deps.db, body.id, target.year);
  if (!found) throw new NotFoundError('There is no budget for that year');
  return { body, startYear: target.year, budget: found.snapshot };
}
