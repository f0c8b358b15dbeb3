import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, actorLabel } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, ValidationError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import {
  applicantsApplication,
  type GrantsDeps,
  organisationOf,
  refuse,
  termsOf,
  todayOf,
} from './grants.context.ts';
import {
  insertApplication,
  listApplicationsOf,
  listRounds,
  saveOrganisation,
  updateApplication,
} from './grants.queries.ts';
import { amountProblems, organisationProblems, roundOpen, roundProblems } from './grants.rules.ts';
import {
  type OrganisationForm,
  QUESTION_SCHEMAS,
  QUESTIONS,
  type Question,
  type StartForm,
} from './grants.schemas.ts';
import type { OrganisationType } from './grants.tables.ts';

const AUDIT = (id: number) => ({ type: 'grant-application', id });

/** The applicant's organisation, its applications and the rounds open today. */
export async function readOrganisationHome(deps: GrantsDeps, actor: Actor) {
  const organisation = await organisationOf(deps.db, actor);
  const today = todayOf(deps);
  const [applications, rounds] = await Promise.all([
    listApplicationsOf(deps.db, [organisation.id]),
    listRounds(deps.db),
  ]);
  return { organisation, applications, rounds: rounds.filter((round) => roundOpen(round, today)) };
}
export type OrganisationHome = Awaited<ReturnType<typeof readOrganisationHome>>;

export async function readOrganisation(deps: GrantsDeps, actor: Actor) {
  return organisationOf(deps.db, actor);
}

/** Records the organisation's type and register numbers; only the number its type needs is kept. */
export function saveOrganisationDetails(
  deps: GrantsDeps,
  actor: Actor,
  form: OrganisationForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const organisation = await organisationOf(trx, actor);
    refuse(organisationProblems(form));
    const keeps = (types: OrganisationType[]) => types.includes(form.type);
    const values = {
      bodyId: organisation.id,
      type: form.type,
      charityNumber: keeps(['charity']) ? form.charityNumber : null,
      companyNumber: keeps(['company', 'community-interest-company']) ? form.companyNumber : null,
      localAuthorityCode: keeps(['local-authority']) ? form.localAuthorityCode : null,
    };
    const before = organisation.type
      ? {
          bodyId: organisation.id,
          type: organisation.type,
          charityNumber: organisation.charityNumber,
          companyNumber: organisation.companyNumber,
          localAuthorityCode: organisation.localAuthorityCode,
        }
      : undefined;
    await saveOrganisation(trx, values);
    await recordChange(
      trx,
      actor,
      { type: 'grant-organisation', id: organisation.id },
      before,
      values,
      requestId,
    );
  });
}

/** Starts a draft application to a round open today, if the organisation's type may apply to the fund. */
export function startApplication(deps: GrantsDeps, actor: Actor, form: StartForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const organisation = await organisationOf(trx, actor);
    if (!organisation.type)
      throw new ValidationError([
        { field: 'round', message: 'Give your organisation’s details before applying' },
      ]);
    const round = (await listRounds(trx)).find(
      (each) => each.fundSlug === form.fund && each.roundName === form.round,
    );
    if (!round) throw new ValidationError([{ field: 'round', message: 'Select a round that is open' }]);
    const { terms } = await termsOf(trx, round);
    refuse(roundProblems(terms, organisation.type, todayOf(deps)));
    const values = {
      organisationId: organisation.id,
      fundId: round.fundId,
      roundName: form.round,
      startedBy: actorLabel(actor),
    };
    const id = await insertApplication(trx, values);
    await recordChange(trx, actor, AUDIT(id), undefined, { ...values, state: 'draft' }, requestId);
    return id;
  });
}

export async function readDraft(deps: GrantsDeps, actor: Actor, id: number) {
  const application = await applicantsApplication(deps, actor, id);
  const { terms } = await termsOf(deps.db, application);
  return { application, terms };
}

function requireDraft(state: string) {
  if (state !== 'draft')
    throw new ConflictError('The application has been submitted, so its answers can no longer be changed');
}

/** Saves one question page's answer to the draft (save and return: nothing else is checked yet). */
export function answerQuestion(
  deps: GrantsDeps,
  actor: Actor,
  id: number,
  question: Question,
  body: unknown,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await applicantsApplication(deps, actor, id, trx);
    requireDraft(application.state);
    const answer = parseInput(QUESTION_SCHEMAS[question], body) as Record<string, unknown>;
    const change =
      'amount' in answer ? { amountPence: answer.amount as number } : (answer as { project?: string });
    if ('amountPence' in change) {
      const { terms } = await termsOf(trx, application);
      refuse(amountProblems(terms, change.amountPence));
    }
    const before = Object.fromEntries(
      Object.keys(change).map((key) => [key, application[key as keyof typeof application]]),
    );
    await updateApplication(trx, id, change);
    await recordChange(trx, actor, AUDIT(id), before, change, requestId);
  });
}

/** The next question after this one, or none (then the check-your-answers page). */
export function nextQuestion(question: Question): Question | undefined {
  return QUESTIONS[QUESTIONS.indexOf(question) + 1];
}

const MISSING: Record<Question, FieldError> = {
  project: { field: 'project', message: 'Enter the name of your project' },
  purpose: { field: 'purpose', message: 'Enter what the money is for' },
  amount: { field: 'amount', message: 'Enter the amount you are asking for' },
  contact: { field: 'contact', message: 'Enter the name of the person to contact' },
};

/**
 * Submits the draft once every question is answered and the round still takes it: open today, the
 * organisation's type eligible, the amount within the round and the fund's budget. Nothing is saved otherwise.
 */
export function submitApplication(deps: GrantsDeps, actor: Actor, id: number, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await applicantsApplication(deps, actor, id, trx);
    requireDraft(application.state);
    const organisation = await organisationOf(trx, actor);
    const { terms } = await termsOf(trx, application);
    const answers: Record<Question, unknown> = {
      project: application.project,
      purpose: application.purpose,
      amount: application.amountPence,
      contact: application.contactName,
    };
    const errors = [
      ...QUESTIONS.filter((question) => answers[question] === null).map((question) => MISSING[question]),
      ...roundProblems(terms, organisation.type as OrganisationType, todayOf(deps)),
      ...(application.amountPence === null ? [] : amountProblems(terms, application.amountPence)),
    ];
    if (errors.length) throw new ValidationError(errors);
    const change = { state: 'submitted' as const, submittedOn: todayOf(deps) };
    await updateApplication(trx, id, change);
    await recordChange(trx, actor, AUDIT(id), { state: 'draft', submittedOn: null }, change, requestId);
  });
}
