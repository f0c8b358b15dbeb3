import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { FundsFileSchema } from './funding.schemas.ts';
import type { FundingService } from './funding.service.ts';

/**
 * Reads a funds file (YAML or JSON, `format: peelian-funds/1`) and loads it: every problem, in the file's shape
 * or found against what Peelian holds (a priority the plan lacks, an authority outside the force area), is named
 * by the file's line and path; any problem saves nothing.
 */
export async function loadFundsFile(funding: FundingService, actor: Actor, text: string, fileName: string) {
  const { data, locate } = parseYamlFileWithLines(FundsFileSchema, text, fileName);
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
