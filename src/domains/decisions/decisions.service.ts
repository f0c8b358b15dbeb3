import { withDeps } from '../../kernel/use-cases.ts';
import type { DecisionsDeps } from './decisions.context.ts';
import {
  listFeed,
  listForwardPlan,
  listOfficesFor,
  listRegister,
  listRegisterYears,
  listUnpublished,
  readDecision,
  readDraftToEdit,
  readForwardPlan,
  registerAccess,
  upcomingDeadlines,
} from './decisions.read.ts';
import {
  deferPublication,
  editDecision,
  publishDecision,
  recordDecision,
  signOffDecision,
} from './decisions.write.ts';

export type DecisionsService = ReturnType<typeof createDecisionsService>;

/**
 * The decision register of each Commissioner's office: record a decision (a draft; a coming key decision is on
 * the forward plan), change the draft, sign it off, defer or publish it; and read the register, a decision, the forward plan and
 * the publication deadlines, each as the reader may see them.
 */
export function createDecisionsService(deps: DecisionsDeps) {
  return withDeps(deps, {
    listRegister,
    listRegisterYears,
    listUnpublished,
    listFeed,
    listForwardPlan,
    readForwardPlan,
    readDecision,
    readDraftToEdit,
    registerAccess,
    listOfficesFor,
    upcomingDeadlines,
    recordDecision,
    editDecision,
    signOffDecision,
    deferPublication,
    publishDecision,
  });
}
