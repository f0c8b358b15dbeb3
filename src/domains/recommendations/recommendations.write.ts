import type { Kysely } from 'kysely';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import { narrowTo } from '../../kernel/db/domain-db.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import {
  canRespond,
  canSee,
  findRecommendation,
  type LedgerDeps,
  refuseIfClosed,
  requireManage,
  requireOpen,
  todayOf,
} from './recommendations.context.ts';
import {
  countReferencesLike,
  findRecommendationByReference,
  insertProgress,
  insertRecommendation,
  insertRecommendationAction,
  listProgress,
  listRecommendationActions,
  type RecommendationValues,
  updateRecommendationFields,
} from './recommendations.queries.ts';
import type { ActionForm, OutcomeForm, ProgressForm, ResponseForm } from './recommendations.schemas.ts';
import type { RecommendationsLedger, Visibility } from './recommendations.tables.ts';

/** An origin's transaction, seen as the ledger's own (see `RecommendationsLedger`). */
export const asLedgerDb = narrowTo<RecommendationsLedger>();
type OriginTrx<DB extends RecommendationsLedger> = Kysely<DB>;

/** A recommendation as it is made: no response and no outcome yet. */
export const NOT_YET_ANSWERED = {
  response: null,
  responseText: null,
  respondedOn: null,
  outcome: null,
  outcomeText: null,
  outcomeOn: null,
} as const;

/** A date something happened on: not in the future, and not before the recommendation was made. */
function checkDate(today: IsoDate, date: IsoDate, field: string, words: string, made: string | null) {
  if (date > today) throw new ValidationError([{ field, message: `${words} cannot be in the future` }]);
  if (made && date < made)
    throw new ValidationError([
      { field, message: `${words} cannot be before the recommendation was made, on ${formatDate(made)}` },
    ]);
}

/**
 * Records a new recommendation under the body's next reference for the year it was made ("2017-1", …), inside
 * the origin's transaction, for a keeper of the body's ledger.
 */
export async function recordRecommendation<DB extends RecommendationsLedger>(
  deps: LedgerDeps,
  originTrx: OriginTrx<DB>,
  actor: Actor,
  unnumbered: Omit<RecommendationValues, 'reference'> & { madeOn: string },
  requestId?: string,
) {
  requireManage(deps, actor, unnumbered.bodyId);
  const trx = asLedgerDb(originTrx);
  const year = unnumbered.madeOn.slice(0, 4);
  const values: RecommendationValues = {
    ...unnumbered,
    reference: `${year}-${(await countReferencesLike(trx, unnumbered.bodyId, `${year}-`)) + 1}`,
  };
  if (await findRecommendationByReference(trx, unnumbered.bodyId, values.reference))
    throw new ConflictError('Another recommendation was added at the same moment: send the form again');
  const id = await insertRecommendation(trx, values);
  await recordChange(trx, actor, { type: 'recommendation', id }, undefined, values, requestId);
  return { id, reference: values.reference };
}

/**
 * Records the addressee's written response, by the body's officer or the policing body's own officer; a
 * later, revised response replaces it (the audit keeps both, and who recorded each).
 */
export function recordResponse(
  deps: LedgerDeps,
  actor: Actor,
  id: number,
  form: ResponseForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const recommendation = await findRecommendation(deps, trx, id);
    if (!canSee(deps, actor, recommendation)) throw new NotFoundError('There is no such recommendation');
    if (!(await canRespond(deps, trx, actor, recommendation))) throw new ForbiddenError();
    refuseIfClosed(recommendation);
    checkDate(
      todayOf(deps),
      form.respondedOn,
      'respondedOn',
      'The date of the response',
      recommendation.madeOn,
    );
    await updateRecommendationFields(trx, [id], form);
    const { response, responseText, respondedOn } = recommendation;
    await recordChange(
      trx,
      actor,
      { type: 'recommendation', id },
      { response, responseText, respondedOn },
      form,
      requestId,
    );
  });
}

export function reportProgress(
  deps: LedgerDeps,
  actor: Actor,
  id: number,
  form: ProgressForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const recommendation = await requireOpen(deps, trx, actor, id);
    checkDate(todayOf(deps), form.reportedOn, 'reportedOn', 'The date of the update', recommendation.madeOn);
    const values = { recommendationId: id, position: (await listProgress(trx, [id])).length + 1, ...form };
    await insertProgress(trx, values);
    const record = { type: 'recommendation_progress', id: `${id}/${values.position}` };
    await recordChange(trx, actor, record, undefined, values, requestId);
  });
}

export function addAction(deps: LedgerDeps, actor: Actor, id: number, form: ActionForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    await requireOpen(deps, trx, actor, id);
    const position = (await listRecommendationActions(trx, [id])).length + 1;
    const values = { recommendationId: id, position, doneOn: null, ...form };
    await insertRecommendationAction(trx, values);
    const record = { type: 'recommendation_action', id: `${id}/${values.position}` };
    await recordChange(trx, actor, record, undefined, values, requestId);
  });
}

/** Closes the recommendation with its outcome; nothing more can be added after it. */
export function recordOutcome(
  deps: LedgerDeps,
  actor: Actor,
  id: number,
  form: OutcomeForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const recommendation = await requireOpen(deps, trx, actor, id);
    checkDate(todayOf(deps), form.outcomeOn, 'outcomeOn', 'The date of the outcome', recommendation.madeOn);
    if (form.outcome === 'implemented' && recommendation.response === null)
      throw new ValidationError([
        {
          field: 'outcome',
          message: 'Record the response before recording that the recommendation was implemented',
        },
      ]);
    await updateRecommendationFields(trx, [id], form);
    const before = { outcome: null, outcomeText: null, outcomeOn: null };
    await recordChange(trx, actor, { type: 'recommendation', id }, before, form, requestId);
  });
}

/**
 * Rewords a recommendation whose origin's own wording was corrected (e.g. a draft minute), inside the
 * origin's transaction; the origin decides when its wording still speaks for the recommendation.
 */
export async function rewordRecommendation<DB extends RecommendationsLedger>(
  originTrx: OriginTrx<DB>,
  actor: Actor,
  change: { id: number; from: string; to: string },
  requestId?: string,
) {
  const trx = asLedgerDb(originTrx);
  await updateRecommendationFields(trx, [change.id], { text: change.to });
  const record = { type: 'recommendation', id: change.id };
  await recordChange(trx, actor, record, { text: change.from }, { text: change.to }, requestId);
}

/**
 * Sets who may see recommendations, inside the origin's transaction: the origin keeps it current as what it
 * depends on changes (minutes approved, an item found to be exempt). Not audited: it follows a change the
 * origin audits itself.
 */
export async function setVisibility<DB extends RecommendationsLedger>(
  originTrx: OriginTrx<DB>,
  ids: number[],
  visibility: Visibility,
) {
  await updateRecommendationFields(asLedgerDb(originTrx), ids, { visibility });
}
