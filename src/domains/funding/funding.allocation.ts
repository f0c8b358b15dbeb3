import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, actorLabel } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { canManage, type FundingDeps, fundOrRefuse, requireManage, todayOf } from './funding.context.ts';
import { allocateByFormula, FormulaError, retainedPence } from './funding.formula.ts';
import {
  crimesByAuthority,
  type FundRow,
  findAllocation,
  insertAllocation,
  listBudgets,
  populationsOf,
  type RecordedAllocation,
  readFundParts,
  recipientAuthorities,
  streetMonthsHeld,
} from './funding.queries.ts';
import type { AllocationKey, WhatIfInput } from './funding.schemas.ts';
import type { CriterionSource } from './funding.tables.ts';

/** A formula's criterion with the figure it gives each authority, as worked from what Peelian holds. */
export interface CriterionInput {
  code: string;
  label: string;
  source: CriterionSource;
  sourceNote: string;
  weight: number;
  populationYear: number | null;
  values: Map<string, string>;
}

/** Everything a year's allocation is worked from. */
export interface FormulaInputs {
  fund: FundRow;
  year: string;
  potPence: number;
  retainedBasisPoints: number;
  note: string | null;
  crimes: { from: string; to: string; monthsMissing: string[] } | null;
  authorities: { code: string; name: string }[];
  criteria: CriterionInput[];
  /** Why the formula cannot be worked (a population not held, say). */
  problems: string[];
}

/** A worked allocation: the pot, the retained share, and each authority's figures and amount. */
export interface WorkedAllocation {
  potPence: number;
  retainedBasisPoints: number;
  retainedPence: number;
  allocatedPence: number;
  weights: Record<string, number>;
  problems: string[];
  lines: {
    code: string;
    name: string;
    values: Record<string, string>;
    sharePercent: string;
    amountPence: number;
  }[];
}

function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let year = Number(from.slice(0, 4)), month = Number(from.slice(5, 7)); ; month += 1) {
    if (month > 12) {
      year += 1;
      month = 1;
    }
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > to.slice(0, 7)) return months;
    months.push(label);
  }
}

async function criterionValues(
  deps: FundingDeps,
  fund: FundRow,
  criterion: { source: CriterionSource; populationYear: number | null; code: string },
  context: { codes: string[]; crimes: { from: string; to: string } | null; supplied: Map<string, string> },
): Promise<Map<string, string>> {
  if (criterion.source === 'supplied') return context.supplied;
  if (criterion.source === 'population') {
    const rows = await populationsOf(deps.db, criterion.populationYear ?? 0, context.codes);
    return new Map(rows.map((row) => [row.areaCode, String(row.population)]));
  }
  if (!context.crimes || fund.forceAreaId === null) return new Map();
  const rows = await crimesByAuthority(deps.db, fund.forceAreaId, context.crimes.from, context.crimes.to);
  return new Map(
    context.codes.map((code) => [code, String(rows.find((row) => row.areaCode === code)?.crimes ?? 0)]),
  );
}

/** Gathers a year's formula and its inputs: populations and police.uk crimes as held now, figures supplied. */
export async function gatherInputs(deps: FundingDeps, fund: FundRow, year: string): Promise<FormulaInputs> {
  const parts = await readFundParts(deps.db, fund.id);
  const formula = parts.formulas.find((each) => each.financialYear === year);
  const budget = (await listBudgets(deps.db, [fund.id])).find((each) => each.financialYear === year);
  if (!formula || !budget) throw new NotFoundError('The fund has no formula for that year');
  const authorities = fund.forceAreaId === null ? [] : await recipientAuthorities(deps.db, fund.forceAreaId);
  const codes = authorities.map((authority) => authority.code);
  const crimes =
    formula.crimesFrom && formula.crimesTo ? { from: formula.crimesFrom, to: formula.crimesTo } : null;
  const problems: string[] = [];
  const criteria: CriterionInput[] = [];
  for (const row of parts.criteria.filter((each) => each.financialYear === year)) {
    const supplied = new Map(
      parts.values
        .filter((value) => value.financialYear === year && value.criterionCode === row.code)
        .map((value) => [value.areaCode, value.value]),
    );
    const values = await criterionValues(deps, fund, row, { codes, crimes, supplied });
    for (const authority of authorities)
      if (!values.has(authority.code))
        problems.push(
          row.source === 'population'
            ? `No population is held for ${authority.name} in ${row.populationYear}`
            : `${row.label} gives no figure for ${authority.name}`,
        );
    criteria.push({ ...row, values });
  }
  let monthsMissing: string[] = [];
  if (crimes && fund.forceAreaId !== null) {
    const held = new Set(await streetMonthsHeld(deps.db, fund.forceAreaId, crimes.from, crimes.to));
    monthsMissing = monthsFrom(crimes.from, crimes.to).filter((month) => !held.has(month));
  }
  return {
    fund,
    year,
    potPence: budget.amountPence,
    retainedBasisPoints: formula.retainedBasisPoints,
    note: formula.note,
    crimes: crimes ? { ...crimes, monthsMissing } : null,
    authorities,
    criteria,
    problems,
  };
}

/** Works the allocation from its inputs, with the weights and retained share given (the saved ones if not). */
export function workAllocation(
  inputs: FormulaInputs,
  overrides: { weights?: Record<string, number>; retainedBasisPoints?: number } = {},
): WorkedAllocation {
  const weights = Object.fromEntries(
    inputs.criteria.map((criterion) => [
      criterion.code,
      overrides.weights?.[criterion.code] ?? criterion.weight,
    ]),
  );
  const basisPoints = overrides.retainedBasisPoints ?? inputs.retainedBasisPoints;
  const retained = retainedPence(inputs.potPence, basisPoints);
  const worked = {
    potPence: inputs.potPence,
    retainedBasisPoints: basisPoints,
    retainedPence: retained,
    allocatedPence: inputs.potPence - retained,
    weights,
  };
  if (inputs.problems.length > 0) return { ...worked, problems: inputs.problems, lines: [] };
  try {
    const lines = allocateByFormula(
      worked.allocatedPence,
      inputs.authorities.map((authority) => authority.code),
      inputs.criteria.map((criterion) => ({ ...criterion, weight: weights[criterion.code] ?? 0 })),
    );
    return {
      ...worked,
      problems: [],
      lines: lines.map((line, index) => ({
        code: line.areaCode,
        name: inputs.authorities.find((authority) => authority.code === line.areaCode)?.name ?? line.areaCode,
        values: Object.fromEntries(
          inputs.criteria.map((criterion) => [criterion.code, criterion.values.get(line.areaCode) ?? '0']),
        ),
        sharePercent: lines[index]?.sharePercent ?? '0',
        amountPence: line.amountPence,
      })),
    };
  } catch (error) {
    if (error instanceof FormulaError) return { ...worked, problems: [error.message], lines: [] };
    throw error;
  }
}

/** A year's allocation as its page, CSV and API show it: the recorded one if recorded, else the formula's. */
export async function readAllocation(deps: FundingDeps, actor: Actor, key: AllocationKey) {
  const fund = await fundOrRefuse(deps, key.fund);
  const inputs = await gatherInputs(deps, fund, key.year);
  const recorded = await findAllocation(deps.db, fund.id, key.year);
  const worked = recorded ? fromRecorded(recorded) : workAllocation(inputs);
  return { inputs, worked, recorded: recorded ?? null, canManage: canManage(deps, actor, fund.bodyId) };
}

/** The recorded allocation in the worked shape, with the figures it was worked from as recorded. */
function fromRecorded(recorded: RecordedAllocation): WorkedAllocation {
  const formula = recorded.formula as unknown as RecordedFormula;
  return {
    potPence: recorded.potPence,
    retainedBasisPoints: formula.retainedBasisPoints,
    retainedPence: recorded.retainedPence,
    allocatedPence: recorded.potPence - recorded.retainedPence,
    weights: Object.fromEntries(formula.criteria.map((criterion) => [criterion.code, criterion.weight])),
    problems: [],
    lines: recorded.lines.map((line) => ({
      code: line.areaCode,
      name: line.areaName,
      values: formula.values[line.areaCode] ?? {},
      sharePercent: line.sharePercent,
      amountPence: line.amountPence,
    })),
  };
}

interface RecordedFormula {
  retainedBasisPoints: number;
  criteria: { code: string; label: string; source: CriterionSource; sourceNote: string; weight: number }[];
  values: Record<string, Record<string, string>>;
}

/** "12.5" per cent as basis points, or the problem with what was typed. */
function parsePercent(text: string): number | null {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const basisPoints = Math.round(Number(text) * 100);
  return basisPoints <= 10_000 ? basisPoints : null;
}

/**
 * The what-if view: the saved formula's allocation beside one worked with the weights and retained share typed
 * in the GET form, each authority's change between them. It reads and works only: nothing is saved.
 */
export async function whatIf(deps: FundingDeps, actor: Actor, key: AllocationKey, input: WhatIfInput) {
  const fund = await fundOrRefuse(deps, key.fund);
  requireManage(deps, actor, fund.bodyId);
  const inputs = await gatherInputs(deps, fund, key.year);
  const saved = workAllocation(inputs);
  const errors: FieldError[] = [];
  const weights: Record<string, number> = {};
  for (const criterion of inputs.criteria) {
    const typed = input[`weight-${criterion.code}`];
    if (typed === undefined || typed === '') continue;
    if (!/^\d{1,3}$/.test(typed) || Number(typed) > 100)
      errors.push({
        field: `weight-${criterion.code}`,
        message: `The weight of ${criterion.label} must be a whole per cent from 0 to 100`,
      });
    else weights[criterion.code] = Number(typed);
  }
  const retainedBasisPoints =
    input.retained === undefined || input.retained === '' ? undefined : parsePercent(input.retained);
  if (retainedBasisPoints === null)
    errors.push({
      field: 'retained',
      message: 'The retained share must be a per cent from 0 to 100, like 10 or 12.5',
    });
  const asked = input.retained !== undefined || Object.keys(weights).length > 0;
  const sum = inputs.criteria.reduce(
    (total, criterion) => total + (weights[criterion.code] ?? criterion.weight),
    0,
  );
  if (errors.length === 0 && sum !== 100 && inputs.criteria[0])
    errors.push({
      field: `weight-${inputs.criteria[0].code}`,
      message: `The weights must add up to 100; they add up to ${sum}`,
    });
  const tried =
    asked && errors.length === 0
      ? workAllocation(inputs, { weights, retainedBasisPoints: retainedBasisPoints ?? undefined })
      : null;
  return { inputs, saved, tried, errors, values: input };
}

/**
 * Records a year's allocation as an officer saw it: refused, saving nothing, if the amounts do not add up to
 * the pot less the retained share, or differ from what the formula gives now (its inputs changed since).
 */
export async function recordAllocation(
  deps: FundingDeps,
  actor: Actor,
  key: AllocationKey,
  amounts: Record<string, string>,
  requestId?: string,
) {
  const fund = await fundOrRefuse(deps, key.fund);
  requireManage(deps, actor, fund.bodyId);
  const inputs = await gatherInputs(deps, fund, key.year);
  const worked = workAllocation(inputs);
  if (worked.problems.length > 0)
    throw new ValidationError(worked.problems.map((message) => ({ field: 'allocation', message })));
  const errors: FieldError[] = [];
  const given = new Map<string, number>();
  for (const line of worked.lines) {
    const text = (amounts[line.code] ?? '').trim();
    if (!/^\d{1,15}$/.test(text))
      errors.push({
        field: `amount-${line.code}`,
        message: `Enter ${line.name}’s amount in whole pence, not negative`,
      });
    else given.set(line.code, Number(text));
  }
  const total = [...given.values()].reduce((sum, amount) => sum + amount, 0);
  const first = worked.lines[0]?.code ?? '';
  if (errors.length === 0 && total !== worked.allocatedPence)
    errors.push({
      field: `amount-${first}`,
      message: `The amounts add up to ${total} pence; they must add up to ${worked.allocatedPence} pence, the pot less the retained share`,
    });
  if (errors.length === 0 && worked.lines.some((line) => given.get(line.code) !== line.amountPence))
    errors.push({
      field: `amount-${first}`,
      message:
        'The amounts differ from what the formula gives now: its figures have changed, so check the allocation and record it again',
    });
  if (errors.length > 0) throw new ValidationError(errors);
  return deps.db.transaction().execute(async (trx) => {
    if (await findAllocation(trx, fund.id, key.year))
      throw new ConflictError(`The ${key.year} allocation of ${fund.name} is already recorded`);
    const formula: RecordedFormula = {
      retainedBasisPoints: worked.retainedBasisPoints,
      criteria: inputs.criteria.map(({ code, label, source, sourceNote, weight }) => ({
        code,
        label,
        source,
        sourceNote,
        weight,
      })),
      values: Object.fromEntries(worked.lines.map((line) => [line.code, line.values])),
    };
    const lines = worked.lines.map((line) => ({
      areaCode: line.code,
      areaName: line.name,
      amountPence: line.amountPence,
      sharePercent: line.sharePercent,
    }));
    const id = await insertAllocation(
      trx,
      {
        fundId: fund.id,
        financialYear: key.year,
        potPence: worked.potPence,
        retainedPence: worked.retainedPence,
        formula: JSON.stringify(formula),
        recordedOn: todayOf(deps),
        recordedBy: actor.kind === 'user' ? actor.displayName : actorLabel(actor),
      },
      lines,
    );
    await recordChange(
      trx,
      actor,
      { type: 'fund_allocation', id },
      undefined,
      { fund: fund.slug, year: key.year, ...formula, lines },
      requestId,
    );
    return key;
  });
}

/** One authority's letter: its line of a recorded allocation. */
export async function readLetter(deps: FundingDeps, key: AllocationKey & { area: string }) {
  const fund = await fundOrRefuse(deps, key.fund);
  const recorded = await findAllocation(deps.db, fund.id, key.year);
  const line = recorded?.lines.find((each) => each.areaCode === key.area);
  if (!recorded || !line) throw new NotFoundError('There is no recorded allocation to that authority');
  return { fund, recorded, line, worked: fromRecorded(recorded) };
}
