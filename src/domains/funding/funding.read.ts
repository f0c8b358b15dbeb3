import { type FundingDeps, fundOrRefuse } from './funding.context.ts';
import {
  type FundRow,
  issuedPriorities,
  listBudgets,
  listFundRows,
  readFundParts,
  recordedYears,
} from './funding.queries.ts';

/** Every fund with its budgets: all public. */
export async function listFunds(deps: FundingDeps) {
  const funds = await listFundRows(deps.db);
  const budgets = await listBudgets(
    deps.db,
    funds.map((fund) => fund.id),
  );
  return funds.map((fund) => ({ fund, budgets: budgets.filter((budget) => budget.fundId === fund.id) }));
}
export type FundListed = Awaited<ReturnType<typeof listFunds>>[number];

/** One fund with its budgets, the plan priorities it serves (with their titles), rounds, criteria, formulas. */
export async function readFund(deps: FundingDeps, slug: string) {
  const fund: FundRow = await fundOrRefuse(deps, slug);
  const [budgets, parts, recorded, plan] = await Promise.all([
    listBudgets(deps.db, [fund.id]),
    readFundParts(deps.db, fund.id),
    recordedYears(deps.db, fund.id),
    fund.planSlug ? issuedPriorities(deps.db, fund.planSlug) : undefined,
  ]);
  const titles = new Map(plan?.priorities.map((priority) => [priority.code, priority.title]));
  return {
    fund,
    budgets,
    planTitle: plan?.title ?? null,
    priorities: parts.priorities.map((priority) => ({
      code: priority.priorityCode,
      title: titles.get(priority.priorityCode) ?? null,
    })),
    rounds: parts.rounds,
    assessment: parts.assessment,
    formulas: parts.formulas.map((formula) => ({
      year: formula.financialYear,
      recorded: recorded.has(formula.financialYear),
    })),
  };
}
export type FundRead = Awaited<ReturnType<typeof readFund>>;
