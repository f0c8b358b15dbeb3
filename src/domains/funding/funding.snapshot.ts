import type { FundParts, FundRow, listBudgets } from './funding.queries.ts';
import type { FundFile } from './funding.schemas.ts';

// One shape for a fund as the file gives it and as it is recorded, so that loading the same file again is seen
// to change nothing (and is not audited), and the audit trail holds a fund's record before and after.

export function basisPointsOf(percent: number): number {
  return Math.round(percent * 100);
}

const monthStart = (month: string | undefined) => (month ? `${month}-01` : null);
const sortedValues = (values: Record<string, string> | undefined) =>
  values ? Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1))) : null;

export function snapshotOfFile(fund: FundFile) {
  return {
    name: fund.name,
    kind: fund.kind,
    summary: fund.summary,
    eligibility: fund.eligibility,
    illustrative: fund.illustrative ?? null,
    plan: fund.plan ?? null,
    priorities: fund.priorities,
    budgets: [...fund.budgets]
      .sort((a, b) => (a.year < b.year ? -1 : 1))
      .map(({ year, amountPence }) => ({ year, amountPence })),
    rounds: fund.rounds.map(({ name, opensOn, closesOn }) => ({ name, opensOn, closesOn })),
    assessment: fund.assessment.map((criterion) => ({
      name: criterion.name,
      weight: criterion.weight,
      description: criterion.description ?? null,
    })),
    formulas: [...fund.formulas]
      .sort((a, b) => (a.year < b.year ? -1 : 1))
      .map((formula) => ({
        year: formula.year,
        retainedBasisPoints: basisPointsOf(formula.retainedPercent),
        crimesFrom: monthStart(formula.crimes?.from),
        crimesTo: monthStart(formula.crimes?.to),
        note: formula.note ?? null,
        criteria: formula.criteria.map((criterion) => ({
          code: criterion.code,
          label: criterion.label,
          source: criterion.source,
          sourceNote: criterion.sourceNote,
          weight: criterion.weight,
          populationYear: criterion.populationYear ?? null,
          values: sortedValues(criterion.values),
        })),
      })),
  };
}
export type FundSnapshot = ReturnType<typeof snapshotOfFile>;

export function snapshotOfRecord(
  fund: FundRow,
  budgets: Awaited<ReturnType<typeof listBudgets>>,
  parts: FundParts,
): FundSnapshot {
  return {
    name: fund.name,
    kind: fund.kind,
    summary: fund.summary,
    eligibility: fund.eligibility,
    illustrative: fund.illustrativeNote,
    plan: fund.planSlug,
    priorities: parts.priorities.map((priority) => priority.priorityCode),
    budgets: budgets.map(({ financialYear, amountPence }) => ({ year: financialYear, amountPence })),
    rounds: parts.rounds.map(({ name, opensOn, closesOn }) => ({ name, opensOn, closesOn })),
    assessment: parts.assessment.map(({ name, weight, description }) => ({ name, weight, description })),
    formulas: parts.formulas.map((formula) => ({
      year: formula.financialYear,
      retainedBasisPoints: formula.retainedBasisPoints,
      crimesFrom: formula.crimesFrom,
      crimesTo: formula.crimesTo,
      note: formula.note,
      criteria: parts.criteria
        .filter((criterion) => criterion.financialYear === formula.financialYear)
        .map((criterion) => {
          const values = parts.values.filter(
            (value) =>
              value.financialYear === formula.financialYear && value.criterionCode === criterion.code,
          );
          return {
            code: criterion.code,
            label: criterion.label,
            source: criterion.source,
            sourceNote: criterion.sourceNote,
            weight: criterion.weight,
            populationYear: criterion.populationYear,
            values:
              criterion.source === 'supplied'
                ? Object.fromEntries(values.map((value) => [value.areaCode, value.value]))
                : null,
          };
        }),
    })),
  };
}
