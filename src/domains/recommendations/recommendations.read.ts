import type { Actor } from '../../kernel/auth/actor.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { canManage, canRespond, canSee, type LedgerDeps, todayOf } from './recommendations.context.ts';
import { NO_DETAILS, type OriginDetails, type OriginRegistry } from './recommendations.origins.ts';
import {
  findRecommendationById,
  type LedgerFilter,
  listProgress,
  listRecommendationActions,
  listRecommendations,
  type ProgressRow,
  type RecommendationActionRow,
  type RecommendationRow,
} from './recommendations.queries.ts';

export const NO_FILTER: LedgerFilter = { status: null, origin: null, overdue: null };

/** A recommendation with what its origin says of it, its actions and its progress updates. */
export interface LedgerEntry {
  recommendation: RecommendationRow;
  details: OriginDetails;
  actions: RecommendationActionRow[];
  progress: ProgressRow[];
}

/** The recommendations the actor may see, filtered, with their statuses for today (London). */
export async function listLedger(deps: LedgerDeps, actor: Actor, filter: LedgerFilter) {
  const rows = await listRecommendations(deps.db, todayOf(deps), filter);
  return rows.filter((row) => canSee(deps, actor, row));
}

/** Each of the rows with its origin's details. */
export async function withDetails(origins: OriginRegistry, rows: RecommendationRow[]) {
  const details = await origins.detailsOf(rows.map((row) => row.id));
  return rows.map((recommendation) => ({
    recommendation,
    details: details.get(recommendation.id) ?? NO_DETAILS,
  }));
}

/** The ledger with each recommendation's details, actions and progress, for the API and downloads. */
export async function listLedgerInFull(
  deps: LedgerDeps,
  origins: OriginRegistry,
  actor: Actor,
  filter: LedgerFilter,
): Promise<LedgerEntry[]> {
  const rows = await listLedger(deps, actor, filter);
  const ids = rows.map((row) => row.id);
  const [described, actions, progress] = await Promise.all([
    withDetails(origins, rows),
    listRecommendationActions(deps.db, ids),
    listProgress(deps.db, ids),
  ]);
  return described.map((entry) => ({
    ...entry,
    actions: actions.filter((action) => action.recommendationId === entry.recommendation.id),
    progress: progress.filter((update) => update.recommendationId === entry.recommendation.id),
  }));
}

/** One recommendation the actor may see, with what they may do to it. */
export async function readRecommendation(
  deps: LedgerDeps,
  origins: OriginRegistry,
  actor: Actor,
  id: number,
) {
  const recommendation = await findRecommendationById(deps.db, todayOf(deps), id);
  if (!recommendation || !canSee(deps, actor, recommendation))
    throw new NotFoundError('There is no such recommendation');
  const [[described], actions, progress, respond] = await Promise.all([
    withDetails(origins, [recommendation]),
    listRecommendationActions(deps.db, [id]),
    listProgress(deps.db, [id]),
    canRespond(deps, deps.db, actor, recommendation),
  ]);
  return {
    recommendation,
    details: described?.details ?? NO_DETAILS,
    actions,
    progress,
    canManage: canManage(deps, actor, recommendation.bodyId),
    canRespond: respond,
  };
}
export type RecommendationRead = Awaited<ReturnType<typeof readRecommendation>>;
