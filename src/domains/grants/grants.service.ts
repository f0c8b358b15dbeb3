import { withDeps } from '../../kernel/use-cases.ts';
import {
  answerQuestion,
  readDraft,
  readOrganisation,
  readOrganisationHome,
  saveOrganisationDetails,
  startApplication,
  submitApplication,
} from './grants.applications.ts';
import {
  decideApplication,
  declareInterest,
  listForOfficer,
  moderateApplication,
  readApplication,
  scoreApplication,
} from './grants.assessment.ts';
import { listPublicAwards, makeAward, readAwardForm, readPublicAward } from './grants.awards.ts';
import type { GrantsDeps } from './grants.context.ts';

export type GrantsService = ReturnType<typeof createGrantsService>;

/**
 * Grants: an organisation's applications (save and return, check and submit), their assessment (declarations,
 * scores, moderation, decision) and the awards made on them.
 */
export function createGrantsService(deps: GrantsDeps) {
  return withDeps(deps, {
    readOrganisationHome,
    readOrganisation,
    saveOrganisationDetails,
    startApplication,
    readDraft,
    answerQuestion,
    submitApplication,
    listForOfficer,
    readApplication,
    declareInterest,
    scoreApplication,
    moderateApplication,
    decideApplication,
    readAwardForm,
    makeAward,
    listPublicAwards,
    readPublicAward,
  });
}
