import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { type LocatedYamlFile, parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { type FundsFile, FundsFileSchema } from './funding.schemas.ts';
import type { FundingService } from './funding.service.ts';

/** Reads and checks a funds file's shape (YAML or JSON, `format: peelian-funds/1`), before any database opens. */
export function readFundsFile(text: string, fileName: string): LocatedYamlFile<FundsFile> {
  return parseYamlFileWithLines(FundsFileSchema, text, fileName);
}

/**
 * Loads a checked funds file: every problem found against what Peelian holds (a priority the plan lacks, an
 * authority outside the force area, a round out of order) is named by the file's line and path; any problem
 * saves nothing.
 */
export async function loadCheckedFundsFile(
  funding: FundingService,
  actor: Actor,
  { data, locate }: LocatedYamlFile<FundsFile>,
) {
  try {
    return await funding.importFundsFile(actor, data);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: locate(problem.field) })),
      );
    throw error;
  }
}

/** Reads a funds file and loads it: any problem, in its shape or against the records, saves nothing. */
export function loadFundsFile(funding: FundingService, actor: Actor, text: string, fileName: string) {
  return loadCheckedFundsFile(funding, actor, readFundsFile(text, fileName));
}
