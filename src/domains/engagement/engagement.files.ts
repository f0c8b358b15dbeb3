import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { type LocatedYamlFile, parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { type SurveyFile, SurveyFileSchema } from './engagement.schemas.ts';
import type { EngagementService } from './engagement.service.ts';

/** Reads and checks a survey file's shape (YAML or JSON, `format: peelian-survey/1`), before any database opens. */
export function readSurveyFile(text: string, fileName: string): LocatedYamlFile<SurveyFile> {
  return parseYamlFileWithLines(SurveyFileSchema, text, fileName);
}

/** Loads a checked survey file: a problem found against the records is named by the file's line and path too. */
export async function loadCheckedSurveyFile(
  engagement: EngagementService,
  actor: Actor,
  { data, locate }: LocatedYamlFile<SurveyFile>,
) {
  try {
    return await engagement.importSurveyFile(actor, data);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: locate(problem.field) })),
      );
    throw error;
  }
}

/** Reads a survey file and loads it: any problem, in its shape or against the records, saves nothing. */
export async function loadSurveyFile(
  engagement: EngagementService,
  actor: Actor,
  text: string,
  fileName: string,
) {
  return loadCheckedSurveyFile(engagement, actor, readSurveyFile(text, fileName));
}
