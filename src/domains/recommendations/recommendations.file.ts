import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { type LedgerDeps, requireManage, todayOf } from './recommendations.context.ts';
import {
  checkMeasureLinks,
  listMeasureLinks,
  type MeasureLink,
  replaceMeasureLinks,
} from './recommendations.measures.ts';
import {
  deleteActionsAndProgress,
  findRecommendationById,
  findRecommendationByReference,
  insertProgress,
  insertRecommendation,
  insertRecommendationAction,
  listProgress,
  listRecommendationActions,
  type RecommendationValues,
  updateRecommendation,
} from './recommendations.queries.ts';
import type { RecommendationsDb as Db, RecommendationsLedger } from './recommendations.tables.ts';
import { asLedgerDb } from './recommendations.write.ts';

/**
 * A recommendation as a reviewed file sets it: its values, its actions and its progress updates, in order.
 * Who may see it is not the file's to say: its origin keeps that current (`setVisibility`).
 */
export interface RecommendationState {
  values: Omit<RecommendationValues, 'visibility'>;
  actions: { position: number; text: string; owner: string; dueOn: string | null; doneOn: string | null }[];
  progress: { position: number; reportedOn: string; text: string }[];
  /** The plan measures it is about; none when the origin names none. */
  measures?: MeasureLink[];
}

/** A recommendation as it stands, in the shape a file gives, to tell whether loading a file changes it. */
async function currentState(trx: Db, today: string, id: number) {
  const row = await findRecommendationById(trx, today, id);
  if (!row) return undefined;
  const {
    id: _id,
    bodySlug: _slug,
    bodyName: _name,
    status: _status,
    overdue: _overdue,
    visibility,
    ...values
  } = row;
  return {
    visibility,
    values,
    actions: (await listRecommendationActions(trx, [id])).map(
      ({ recommendationId: _r, ...action }) => action,
    ),
    progress: (await listProgress(trx, [id])).map(({ recommendationId: _r, ...update }) => update),
    measures: (await listMeasureLinks(trx, [id])).map(({ recommendationId: _r, ...link }) => link),
  };
}

/**
 * Makes the body's recommendation with the file's reference what the file says, inside the origin's
 * transaction: added if it is new, replaced with its actions, progress and measures if it differs, left alone
 * if not. An unknown measure is refused under `path` (where the entry is in the file), so nothing is saved.
 */
export async function setRecommendationFromFile<DB extends RecommendationsLedger>(
  deps: LedgerDeps,
  originTrx: Kysely<DB>,
  actor: Actor,
  given: RecommendationState,
  path = 'recommendation',
): Promise<{ id: number; changed: boolean }> {
  requireManage(deps, actor, given.values.bodyId);
  const trx = asLedgerDb(originTrx);
  const desired = { ...given, measures: given.measures ?? [] };
  await checkMeasureLinks(trx, desired.measures, `${path}.measures`);
  const existing = await findRecommendationByReference(trx, desired.values.bodyId, desired.values.reference);
  const current = existing ? await currentState(trx, todayOf(deps), existing.id) : undefined;
  const { visibility = 'public', ...before } = current ?? {};
  if (existing && isDeepStrictEqual(before, desired)) return { id: existing.id, changed: false };
  const values = { ...desired.values, visibility };
  const id = existing ? existing.id : await insertRecommendation(trx, values);
  if (existing) {
    await updateRecommendation(trx, id, values);
    await deleteActionsAndProgress(trx, id);
  }
  for (const action of desired.actions)
    await insertRecommendationAction(trx, { recommendationId: id, ...action });
  for (const update of desired.progress) await insertProgress(trx, { recommendationId: id, ...update });
  await replaceMeasureLinks(trx, id, desired.measures);
  await recordChange(trx, actor, { type: 'recommendation', id }, current && before, desired);
  return { id, changed: true };
}

/** Whether the body's ledger has a recommendation with this reference, inside the origin's transaction. */
export function findByReference<DB extends RecommendationsLedger>(
  originTrx: Kysely<DB>,
  bodyId: number,
  reference: string,
) {
  return findRecommendationByReference(asLedgerDb(originTrx), bodyId, reference);
}
