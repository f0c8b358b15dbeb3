import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { financialYearStarting } from '../../kernel/calendar/index.ts';
import { type FieldError, ForbiddenError, ValidationError } from '../../kernel/errors.ts';
import { type BudgetSnapshot, findPolicingBody, readBudgetYear, saveBudgetYear } from './budget.queries.ts';
import { checkBudgetSums } from './budget.rules.ts';
import type { BudgetFile } from './budget.schemas.ts';
import type { BudgetDb } from './budget.tables.ts';

/** What the budget's use-cases are built from. */
export interface BudgetDeps {
  db: BudgetDb;
  policy: Policy;
}

/** The MTFP looks ahead: each of its years after the budget's own, each once. */
function checkMtfp(file: BudgetFile): FieldError[] {
  const seen = new Set<number>();
  return file.mtfp.flatMap((row, index) => {
    const field = `mtfp.${index}.year`;
    const label = financialYearStarting(row.year).label;
    if (row.year <= file.year)
      return [
        {
          field,
          message: `${label} must come after the budget’s year, ${financialYearStarting(file.year).label}`,
        },
      ];
    if (seen.has(row.year)) return [{ field, message: `${label} is given twice` }];
    seen.add(row.year);
    return [];
  });
}

function snapshotOf(file: BudgetFile): BudgetSnapshot {
  return {
    illustrative: file.illustrative ?? null,
    source: file.source ?? null,
    bandDPence: file.bandDPence,
    revenue: file.revenue,
    capital: file.capital,
    funding: file.funding,
    taxBase: file.taxBase,
    mtfp: [...file.mtfp].sort((a, b) => a.year - b.year),
    monitoring: file.monitoring.map((line) => ({ ...line, commentary: line.commentary ?? null })),
  };
}

/**
 * Loads a body's budget for a year from the file the OPCC keeps, in one transaction: any problem saves nothing,
 * each named by its path in the file. The year is brought up to the file; the same file again changes nothing.
 */
export async function importBudgetFile(deps: BudgetDeps, actor: Actor, file: BudgetFile) {
  const body = await findPolicingBody(deps.db, file.body);
  if (!body)
    throw new ValidationError([
      { field: 'body', message: `${file.body} is not a policing body Peelian knows` },
    ]);
  if (!deps.policy.can(actor, 'precept:propose', { bodyId: body.id })) throw new ForbiddenError();
  const errors = [...checkBudgetSums(file), ...checkMtfp(file)];
  if (errors.length) throw new ValidationError(errors);
  const after = snapshotOf(file);
  const year = financialYearStarting(file.year).label;
  return deps.db.transaction().execute(async (trx) => {
    const found = await readBudgetYear(trx, body.id, file.year);
    if (found && isDeepStrictEqual(found.snapshot, after)) return { body: body.slug, year, changed: false };
    const id = await saveBudgetYear(trx, found?.id ?? null, body.id, file.year, after);
    const changed = await recordChange(trx, actor, { type: 'budget-year', id }, found?.snapshot, after);
    return { body: body.slug, year, changed };
  });
}
