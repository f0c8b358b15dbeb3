import { withDeps } from '../../kernel/use-cases.ts';
import type { PreceptDeps } from './precept.context.ts';
import {
  listIndex,
  listOfficesFor,
  readBody,
  readReportForm,
  readStepForm,
  readVotes,
  readYear,
  upcomingDeadlines,
} from './precept.read.ts';
import {
  issuePrecept,
  proposePrecept,
  reportOnProposal,
  reportOnRevised,
  respondToReport,
} from './precept.write.ts';

export type PreceptService = ReturnType<typeof createPreceptService>;

/**
 * The precept process of each policing body: the proposal, the Panel's vote and report, the response and
 * revised precept after a veto, the report on it and the precept issued; and the pages' reads.
 */
export function createPreceptService(deps: PreceptDeps) {
  return withDeps(deps, {
    listIndex,
    readBody,
    readYear,
    readVotes,
    readReportForm,
    readStepForm,
    listOfficesFor,
    upcomingDeadlines,
    proposePrecept,
    reportOnProposal,
    respondToReport,
    reportOnRevised,
    issuePrecept,
  });
}
