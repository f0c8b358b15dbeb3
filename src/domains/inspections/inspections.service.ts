import { withDeps } from '../../kernel/use-cases.ts';
import type { InspectionsDeps } from './inspections.context.ts';
import { importInspectionsFile } from './inspections.import.ts';
import {
  findingsAnswered,
  listAccess,
  listDrafts,
  listOfficesFor,
  listOpenRecommendations,
  listPublished,
  readInspection,
  upcomingDeadlines,
} from './inspections.read.ts';
import {
  addFinding,
  addGrade,
  changeFinding,
  publishInspection,
  recordInspection,
  recordResponse,
} from './inspections.write.ts';

export type InspectionsService = ReturnType<typeof createInspectionsService>;

/**
 * Inspections and assurance reports: record a report (a draft) with its grades and findings, by form or from
 * a file; publish it; record the Commissioner's response; read the register, a report, the open
 * recommendations and the response deadlines, each as the reader may see them. Recommendations and causes of
 * concern are the ledger's, so their responses, actions and progress are recorded there.
 */
export function createInspectionsService(deps: InspectionsDeps) {
  return withDeps(deps, {
    listPublished,
    listDrafts,
    readInspection,
    findingsAnswered,
    listOpenRecommendations,
    listOfficesFor,
    listAccess,
    upcomingDeadlines,
    recordInspection,
    addGrade,
    addFinding,
    changeFinding,
    recordResponse,
    publishInspection,
    importInspectionsFile,
  });
}
