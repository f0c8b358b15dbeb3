import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import {
  findRecommendationById,
  listPolicingBodiesOf,
  type RecommendationRow,
} from './recommendations.queries.ts';
import type { RecommendationsDb as Db, Visibility } from './recommendations.tables.ts';

/** What the ledger's use-cases are built from. */
export interface LedgerDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
}

export function todayOf(deps: LedgerDeps): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: LedgerDeps, actor: Actor, bodyId: number): boolean {
  return deps.policy.can(actor, 'recommendations:manage', { bodyId });
}

export function requireManage(deps: LedgerDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

const READ_ACTION: Record<Exclude<Visibility, 'public'>, string> = {
  private: 'recommendations:read-private',
  draft: 'recommendations:read-draft',
};

/** Whether the actor may see a recommendation, by the visibility its origin keeps on it. */
export function canSee(deps: LedgerDeps, actor: Actor, row: { bodyId: number; visibility: Visibility }) {
  if (row.visibility === 'public') return true;
  return deps.policy.can(actor, READ_ACTION[row.visibility], { bodyId: row.bodyId });
}

/**
 * Whether the actor may record the response: the body's officer, or an officer of the policing body that
 * answers to it (s29 of the 2011 Act: the commissioner responds to the panel's reports).
 */
export async function canRespond(deps: LedgerDeps, trx: Db, actor: Actor, row: RecommendationRow) {
  if (canManage(deps, actor, row.bodyId)) return true;
  if (!deps.policy.can(actor, 'recommendations:record-response')) return false;
  const bodies = await listPolicingBodiesOf(trx, row.bodyId);
  return bodies.some((body) =>
    deps.policy.can(actor, 'recommendations:respond-as-policing-body', { bodyId: body.id }),
  );
}

export async function findRecommendation(deps: LedgerDeps, trx: Db, id: number): Promise<RecommendationRow> {
  const recommendation = await findRecommendationById(trx, todayOf(deps), id);
  if (!recommendation) throw new NotFoundError('There is no such recommendation');
  return recommendation;
}

export function refuseIfClosed(recommendation: RecommendationRow): void {
  if (recommendation.outcome !== null)
    throw new ConflictError(
      `Recommendation ${recommendation.reference} is closed (its outcome was recorded on ${formatDate(recommendation.outcomeOn)}), so nothing more can be added`,
    );
}

/** A recommendation the actor keeps and that is still open, for the use-cases that add to it. */
export async function requireOpen(deps: LedgerDeps, trx: Db, actor: Actor, id: number) {
  const recommendation = await findRecommendation(deps, trx, id);
  requireManage(deps, actor, recommendation.bodyId);
  refuseIfClosed(recommendation);
  return recommendation;
}
