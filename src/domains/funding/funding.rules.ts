import type { FieldError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { FormulaFileEntry, FundFile } from './funding.schemas.ts';

// The rules of a fund as a file gives it, each problem at its path ("funds.0.rounds.1.closesOn"), so that the
// file's loader can name the line. Rules that need the database (the plan's priorities, the authorities) are
// in the import.

/** Whole per cent weights must make up the whole: 100. */
export function checkWeights(weights: readonly number[], field: string, what: string): FieldError[] {
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (sum === 100) return [];
  return [{ field, message: `The weights of the ${what} must add up to 100; they add up to ${sum}` }];
}

/** A round closes after it opens. */
export function checkRound(round: { opensOn: string; closesOn: string }, field: string): FieldError[] {
  if (round.closesOn > round.opensOn) return [];
  return [{ field, message: `The round must close after it opens, on ${formatDate(round.opensOn)}` }];
}

function duplicates<T>(items: readonly T[], key: (item: T) => string, field: (index: number) => string) {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const value = key(item);
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [{ field: field(index), message: `${value} is given twice` }];
  });
}

function monthsBetween(from: string, to: string): number {
  const [fromYear = 0, fromMonth = 0] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 0] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** A formula's criteria: their weights, what each source needs, and the 12 months of crimes counted. */
function checkFormula(formula: FormulaFileEntry, at: string, budgetYears: Set<string>): FieldError[] {
  const errors: FieldError[] = [
    ...checkWeights(
      formula.criteria.map((criterion) => criterion.weight),
      `${at}.criteria`,
      'formula’s criteria',
    ),
    ...duplicates(
      formula.criteria,
      (criterion) => criterion.code,
      (index) => `${at}.criteria.${index}.code`,
    ),
  ];
  if (!budgetYears.has(formula.year))
    errors.push({
      field: `${at}.year`,
      message: `${formula.year} has no budget: add it to the fund’s budgets`,
    });
  if (formula.crimes && monthsBetween(formula.crimes.from, formula.crimes.to) !== 12)
    errors.push({
      field: `${at}.crimes.to`,
      message: 'The crimes counted must be for 12 months in a row, the last 11 months after the first',
    });
  formula.criteria.forEach((criterion, index) => {
    const path = `${at}.criteria.${index}`;
    if (criterion.source === 'population' && criterion.populationYear === undefined)
      errors.push({ field: `${path}.populationYear`, message: 'Give the year of the population figures' });
    if (criterion.source !== 'population' && criterion.populationYear !== undefined)
      errors.push({ field: `${path}.populationYear`, message: 'Only a population criterion has a year' });
    if (criterion.source === 'police-uk-crimes' && !formula.crimes)
      errors.push({ field: `${at}.crimes`, message: 'Give the 12 months of crimes the formula counts' });
    if (criterion.source === 'supplied' && !criterion.values)
      errors.push({
        field: `${path}.values`,
        message: 'Give each authority’s figure for a supplied criterion',
      });
    if (criterion.source !== 'supplied' && criterion.values)
      errors.push({
        field: `${path}.values`,
        message: 'Only a supplied criterion gives its figures in the file',
      });
  });
  return errors;
}

/** Every problem of one fund that the file alone shows. */
export function checkFundFile(fund: FundFile, at: string): FieldError[] {
  const budgetYears = new Set(fund.budgets.map((budget) => budget.year));
  const errors: FieldError[] = [
    ...duplicates(
      fund.budgets,
      (budget) => budget.year,
      (index) => `${at}.budgets.${index}.year`,
    ),
    ...duplicates(
      fund.rounds,
      (round) => round.name,
      (index) => `${at}.rounds.${index}.name`,
    ),
    ...duplicates(
      fund.assessment,
      (criterion) => criterion.name,
      (index) => `${at}.assessment.${index}.name`,
    ),
    ...duplicates(
      fund.formulas,
      (formula) => formula.year,
      (index) => `${at}.formulas.${index}.year`,
    ),
    ...duplicates(
      fund.priorities,
      (code) => code,
      (index) => `${at}.priorities.${index}`,
    ),
    ...fund.rounds.flatMap((round, index) => checkRound(round, `${at}.rounds.${index}.closesOn`)),
    ...fund.formulas.flatMap((formula, index) =>
      checkFormula(formula, `${at}.formulas.${index}`, budgetYears),
    ),
  ];
  if (fund.assessment.length > 0)
    errors.push(
      ...checkWeights(
        fund.assessment.map((criterion) => criterion.weight),
        `${at}.assessment`,
        'assessment criteria',
      ),
    );
  if (fund.priorities.length > 0 && !fund.plan)
    errors.push({ field: `${at}.plan`, message: 'Name the plan whose priorities the fund serves' });
  return errors;
}
