import { withDeps } from '../../kernel/use-cases.ts';
import type { DecisionsDeps } from './decisions.context.ts';
import {
  listForwardPlan,
  listOfficesFor,
  listRegister,
  listRegisterYears,
  listUnpublished,
  readDecision,
  readForwardPlan,
  registerAccess,
  upcomingDeadlines,
} from './decisions.read.ts';
import { deferPublication, publishDecision, recordDecision, signOffDecision } from './decisions.write.ts';

export type DecisionsService = ReturnType<typeof createDecisionsService>;

/**
 * The decision register of each Commissioner's office: record a decision (a draft; a coming key decision is on
 * the forward plan), sign it off, defer or publish it; and read the register, a decision, the forward plan and
 * the publication deadlines, each as the reader may see them.
 */
export function createDecisionsService(deps: DecisionsDeps) {
  return withDeps(deps, {
    listRegister,
    listRegisterYears,
    listUnpublished,
    listForwardPlan,
    readForwardPlan,
    readDecision,
    registerAccess,
    listOfficesFor,
    upcomingDeadlines,
    recordDecision,
    signOffDecision,
    deferPublication,
    publishDecision,
  });
}
