import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { type LocatedYamlFile, parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { type BudgetFile, BudgetFileSchema } from './budget.schemas.ts';
import type { BudgetService } from './budget.service.ts';

export type BudgetFileRead = LocatedYamlFile<BudgetFile>;

/** Reads and checks a budget file's shape (`format: peelian-budget/1`), before any database opens. */
export function readBudgetFile(text: string, fileName: string): BudgetFileRead {
  return parseYamlFileWithLines(BudgetFileSchema, text, fileName);
}

/** Loads a checked budget file; a check-sum refusal is named by the file's line as well as its path. */
export async function loadCheckedBudgetFile(
  budget: BudgetService,
  actor: Actor,
  { data, locate }: BudgetFileRead,
) {
  try {
    return await budget.importBudgetFile(actor, data);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: locate(problem.field) })),
      );
    throw error;
  }
}

/** Reads a budget file and loads it: any problem, in its shape or its sums, saves nothing. */
export async function loadBudgetFile(budget: BudgetService, actor: Actor, text: string, fileName: string) {
  return loadCheckedBudgetFile(budget, actor, readBudgetFile(text, fileName));
}
