import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { type ActionRow, type DeliveryPlanRow, findDeliveryPlan, listActions } from './delivery.queries.ts';
import type { PlanKey } from './delivery.schemas.ts';
import { CLOSED_STATUSES, type DeliveryDb as Db } from './delivery.tables.ts';

/** A plan version's key aims and measures, under their priorities, as plans gives them. */
export interface PlanVersionSeen {
  bodyId: number;
  slug: string;
  title: string;
  versionId: number;
  versionNumber: number;
  priorities: {
    code: string;
    title: string;
    aims: { code: string; text: string }[];
    measures: { code: string; text: string }[];
  }[];
}

/** A record elsewhere that an action answers, as the action's page lists it. */
export interface ActionAnswer {
  actionId: number;
  text: string;
  url: string;
}

/**
 * Where the records an action answers come from (an inspection's findings, say). A later domain registers its
 * source, as delivery cannot read the tables of domains built after it; each source returns only what the
 * reader may see.
 */
export type ActionAnswerSource = (actor: Actor, actionIds: readonly number[]) => Promise<ActionAnswer[]>;

/** What delivery's use-cases are built from: its database, and plans' versions read through plans' service. */
export interface DeliveryDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  findPlanVersion(actor: Actor, slug: string, version: number): Promise<PlanVersionSeen | undefined>;
  listPlanVersions(
    actor: Actor,
  ): Promise<{ slug: string; title: string; versionNumber: number; bodyId: number }[]>;
  /** The sources of the records actions answer, registered by later domains. */
  answerSources: ActionAnswerSource[];
}

export function todayOf(deps: Pick<DeliveryDeps, 'now'>): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: DeliveryDeps, actor: Actor, bodyId?: number): boolean {
  return deps.policy.can(actor, 'delivery:manage', bodyId === undefined ? undefined : { bodyId });
}

export function requireManage(deps: DeliveryDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

/** Published delivery plans are public; until then only the office that keeps them sees them. */
export function mayRead(deps: DeliveryDeps, actor: Actor, plan: DeliveryPlanRow): boolean {
  return (
    plan.publishedOn !== null || deps.policy.can(actor, 'delivery:read-unpublished', { bodyId: plan.bodyId })
  );
}

export async function findOrRefuse(deps: DeliveryDeps, actor: Actor, key: PlanKey, db: Db = deps.db) {
  const plan = await findDeliveryPlan(db, key);
  if (!plan || !mayRead(deps, actor, plan)) throw new NotFoundError('There is no such delivery plan');
  return plan;
}

/** An action as pages, downloads and the API show it: its latest status, when it was done, whether overdue. */
export interface ActionRecord extends ActionRow {
  status: ActionRow['history'][number]['status'] | null;
  statusOn: string | null;
  completedOn: string | null;
  overdue: boolean;
  atRisk: boolean;
}

export function recordOf(action: ActionRow, today: IsoDate): ActionRecord {
  const latest = action.history.at(-1) ?? null;
  const status = latest?.status ?? null;
  const closed = status !== null && CLOSED_STATUSES.includes(status);
  return {
    ...action,
    status,
    statusOn: latest?.changedOn ?? null,
    completedOn: status === 'completed' ? (latest?.changedOn ?? null) : null,
    overdue: !closed && action.dueOn < today,
    atRisk: status === 'at-risk' || status === 'off-track',
  };
}

export async function actionsOf(
  deps: DeliveryDeps,
  plans: readonly DeliveryPlanRow[],
): Promise<ActionRecord[]> {
  const today = todayOf(deps);
  return (
    await listActions(
      deps.db,
      plans.map((plan) => plan.id),
    )
  ).map((action) => recordOf(action, today));
}
