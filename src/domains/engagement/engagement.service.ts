import { withDeps } from '../../kernel/use-cases.ts';
import type { EngagementDeps } from './engagement.context.ts';
import { importSurveyFile } from './engagement.import.ts';
import {
  listSurveys,
  purgeExpired,
  readAnalysis,
  readPublishedResults,
  readSurveyForm,
} from './engagement.read.ts';
import { importResponses, submitResponse } from './engagement.responses.ts';

export type EngagementService = ReturnType<typeof createEngagementService>;

/**
 * Surveys the public answer without an account: load a survey from its file, take responses from the form
 * and from CSV, analyse them for officers, publish aggregates, and purge responses past their retention.
 */
export function createEngagementService(deps: EngagementDeps) {
  return withDeps(deps, {
    importSurveyFile,
    listSurveys,
    readSurveyForm,
    submitResponse,
    importResponses,
    readAnalysis,
    readPublishedResults,
    purgeExpired,
  });
}
