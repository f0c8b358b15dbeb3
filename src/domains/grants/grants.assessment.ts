import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, ValidationError } from '../../kernel/errors.ts';
import {
  canAssess,
  type GrantsDeps,
  officerOf,
  officersApplication,
  readableApplication,
  requireState,
  todayOf,
} from './grants.context.ts';
import {
  type ApplicationRow,
  findAward,
  insertAssessment,
  listCriteria,
  listDeclarations,
  listInstalments,
  listScores,
  listSubmitted,
  moderateAssessment,
  saveDeclaration,
  updateApplication,
} from './grants.queries.ts';
import { SCORES, weightedTotal } from './grants.rules.ts';
import type { DecisionForm, DeclarationForm, ModerationForm } from './grants.schemas.ts';
import type { GrantsDb as Db } from './grants.tables.ts';

const AUDIT = (id: number) => ({ type: 'grant-application', id });

/** Submitted and decided applications to the funds of the bodies the officer assesses for. */
export async function listForOfficer(deps: GrantsDeps, actor: Actor) {
  return (await listSubmitted(deps.db)).filter((row) => canAssess(deps, actor, row.bodyId));
}

/** An application with its declarations, scores, the round's criteria and any award, for its applicant or officer. */
export async function readApplication(deps: GrantsDeps, actor: Actor, id: number) {
  const { application, as } = await readableApplication(deps, actor, id);
  const [declarations, scores, criteria, award] = await Promise.all([
    as === 'officer' ? listDeclarations(deps.db, id) : [],
    as === 'officer' ? listScores(deps.db, id) : [],
    listCriteria(deps.db, application.fundId),
    application.awardId === null ? undefined : findAward(deps.db, application.awardId),
  ]);
  const instalments = award ? await listInstalments(deps.db, award.id) : [];
  const me = actor.kind === 'user' ? actor.userId : null;
  const mine = declarations.find((each) => each.userId === me);
  return { application, as, declarations, scores, criteria, award, instalments, myDeclaration: mine ?? null };
}
export type ApplicationRead = Awaited<ReturnType<typeof readApplication>>;

/** The officer must have declared no conflict of interest in this application before acting on it. */
async function requireUnconflicted(db: Db, applicationId: number, userId: number) {
  const declaration = (await listDeclarations(db, applicationId)).find((each) => each.userId === userId);
  if (!declaration)
    throw new ConflictError('Declare whether you have a conflict of interest in this application first');
  if (declaration.conflicted)
    throw new ConflictError(
      'You declared a conflict of interest in this application, so you cannot assess, moderate or decide it',
    );
}

/** Records the officer's declaration of interest; once made it stands (a changed mind is a new officer's job). */
export function declareInterest(
  deps: GrantsDeps,
  actor: Actor,
  id: number,
  form: DeclarationForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await officersApplication(deps, actor, id, trx);
    const officer = officerOf(actor);
    const existing = (await listDeclarations(trx, id)).find((each) => each.userId === officer.userId);
    const conflicted = form.conflicted === 'yes';
    if (existing) {
      if (existing.conflicted === conflicted) return;
      throw new ConflictError('You have already declared your interest in this application');
    }
    const values = {
      applicationId: application.id,
      userId: officer.userId,
      officerName: officer.name,
      conflicted,
      note: form.note,
      declaredOn: todayOf(deps),
    };
    await saveDeclaration(trx, values);
    await recordChange(
      trx,
      actor,
      { type: 'grant-declaration', id: `${id}-${officer.userId}` },
      undefined,
      values,
      requestId,
    );
  });
}

/** Each criterion's score from the form's `score-1`, `score-2`…: a whole number from 0 to 5, each named. */
function readScores(
  criteria: readonly { name: string; weight: number }[],
  form: Record<string, unknown>,
): { name: string; weight: number; score: number }[] {
  const errors: FieldError[] = [];
  const scores = criteria.map((criterion, index) => {
    const field = `score-${index + 1}`;
    const text = String(form[field] ?? '').trim();
    const score = Number(text);
    if (text === '' || !SCORES.includes(score as (typeof SCORES)[number]))
      errors.push({ field, message: `Score “${criterion.name}” from 0 to 5` });
    return { ...criterion, score };
  });
  if (errors.length) throw new ValidationError(errors);
  return scores;
}

async function criteriaOf(db: Db, application: ApplicationRow) {
  const criteria = await listCriteria(db, application.fundId);
  if (criteria.length === 0)
    throw new ConflictError(`${application.fundName} has no assessment criteria to score against`);
  return criteria;
}

/** Scores the application against its fund's weighted criteria; the weighted total is kept in whole numbers. */
export function scoreApplication(
  deps: GrantsDeps,
  actor: Actor,
  id: number,
  form: Record<string, unknown>,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await officersApplication(deps, actor, id, trx);
    const officer = officerOf(actor);
    requireState(application, 'submitted', 'The application has been decided, so it can no longer be scored');
    if (application.assessorUserId !== null)
      throw new ConflictError('The application has already been scored');
    await requireUnconflicted(trx, id, officer.userId);
    const scores = readScores(await criteriaOf(trx, application), form);
    const assessment = {
      applicationId: id,
      assessorUserId: officer.userId,
      assessorName: officer.name,
      assessedOn: todayOf(deps),
      weightedTotal: weightedTotal(scores),
    };
    await insertAssessment(
      trx,
      assessment,
      scores.map((each, index) => ({
        applicationId: id,
        criterion: each.name,
        weight: each.weight,
        score: each.score,
        position: index + 1,
      })),
    );
    const after = { ...assessment, scores: scores.map(({ name, score }) => ({ name, score })) };
    await recordChange(trx, actor, AUDIT(id), undefined, after, requestId);
  });
}

/**
 * A second officer moderates the scores: agrees (the totals match) or changes them, with a note saying why.
 * The assessor cannot moderate their own scores.
 */
export function moderateApplication(
  deps: GrantsDeps,
  actor: Actor,
  id: number,
  form: ModerationForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await officersApplication(deps, actor, id, trx);
    const officer = officerOf(actor);
    requireState(
      application,
      'submitted',
      'The application has been decided, so it can no longer be moderated',
    );
    if (application.assessorUserId === null)
      throw new ConflictError('The application has not been scored yet');
    if (application.moderatedOn !== null) throw new ConflictError('The scores have already been moderated');
    if (application.assessorUserId === officer.userId)
      throw new ConflictError('A second officer must moderate the scores, not the officer who gave them');
    await requireUnconflicted(trx, id, officer.userId);
    const scored = await listScores(trx, id);
    const changed = form.moderation === 'changed';
    if (changed && !form.note)
      throw new ValidationError([{ field: 'note', message: 'Enter why you changed the scores' }]);
    const moderated = changed
      ? readScores(
          scored.map((each) => ({ name: each.criterion, weight: each.weight })),
          form,
        )
      : scored.map((each) => ({ name: each.criterion, weight: each.weight, score: each.score }));
    const change = {
      moderatorUserId: officer.userId,
      moderatorName: officer.name,
      moderatedOn: todayOf(deps),
      moderation: form.moderation,
      moderationNote: form.note,
      moderatedTotal: weightedTotal(moderated),
    };
    await moderateAssessment(
      trx,
      id,
      change,
      moderated.map((each) => ({ criterion: each.name, moderatedScore: each.score })),
    );
    const after = { ...change, scores: moderated.map(({ name, score }) => ({ name, score })) };
    await recordChange(trx, actor, AUDIT(id), { moderatedOn: null }, after, requestId);
  });
}

/** Approves or rejects a moderated application, with the reason. */
export function decideApplication(
  deps: GrantsDeps,
  actor: Actor,
  id: number,
  form: DecisionForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await officersApplication(deps, actor, id, trx);
    const officer = officerOf(actor);
    requireState(application, 'submitted', 'The application has already been decided');
    if (application.moderatedOn === null)
      throw new ConflictError('The scores must be moderated before the application is decided');
    await requireUnconflicted(trx, id, officer.userId);
    const change = {
      state: form.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
      decidedOn: todayOf(deps),
      decidedBy: officer.name,
      decisionReason: form.reason,
    };
    await updateApplication(trx, id, change);
    await recordChange(
      trx,
      actor,
      AUDIT(id),
      { state: 'submitted', decidedOn: null, decidedBy: null, decisionReason: null },
      change,
      requestId,
    );
  });
}
