import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline } from '../../kernel/calendar/deadlines.ts';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import {
  type ActionRecord,
  actionsOf,
  canManage,
  type DeliveryDeps,
  findOrRefuse,
  mayRead,
  todayOf,
} from './delivery.context.ts';
import { deliveryPaths as paths } from './delivery.paths.ts';
import { type DeliveryPlanRow, findDeliveryPlan, listDeliveryPlans } from './delivery.queries.ts';
import type { ActionKey, PlanKey } from './delivery.schemas.ts';
import { type ActionStatus, DELIVERY_OWNERS } from './delivery.tables.ts';

export const keyOf = (plan: DeliveryPlanRow): PlanKey => ({
  plan: plan.planSlug,
  version: plan.versionNumber,
  owner: plan.owner,
});

/** The delivery plans the reader may see: published ones, and the office's own drafts. */
export async function listPlansFor(deps: DeliveryDeps, actor: Actor) {
  const plans = (await listDeliveryPlans(deps.db)).filter((plan) => mayRead(deps, actor, plan));
  const actions = await actionsOf(deps, plans);
  return plans.map((plan) => ({
    plan,
    actions: actions.filter((action) => action.deliveryPlanId === plan.id),
  }));
}

/** A delivery plan with its actions and the plan version's aims and measures they serve. */
export async function readDeliveryPlan(deps: DeliveryDeps, actor: Actor, key: PlanKey) {
  const plan = await findOrRefuse(deps, actor, key);
  const [actions, version] = await Promise.all([
    actionsOf(deps, [plan]),
    deps.findPlanVersion(actor, key.plan, key.version),
  ]);
  return { plan, actions, version: version ?? null, canManage: canManage(deps, actor, plan.bodyId) };
}

/** An action with its plan, and the records elsewhere that it answers (an inspection's findings, say). */
export async function readAction(deps: DeliveryDeps, actor: Actor, key: ActionKey) {
  const read = await readDeliveryPlan(deps, actor, key);
  const action = read.actions.find((each) => each.reference === key.ref);
  if (!action) throw new NotFoundError('There is no such action');
  const answers = await Promise.all(deps.answerSources.map((source) => source(actor, [action.id])));
  return { ...read, action, answers: answers.flat() };
}

export interface ListedAction {
  plan: DeliveryPlanRow;
  action: ActionRecord;
}

/**
 * The actions of delivery plans whose police and crime plan is still in its term: once a plan's term is over,
 * its actions are history, shown on its pages but no longer chased as overdue or at risk, nor on the calendar.
 */
async function listedActions(deps: DeliveryDeps, actor: Actor): Promise<ListedAction[]> {
  const today = todayOf(deps);
  return (await listPlansFor(deps, actor))
    .filter(({ plan }) => plan.planTermEnd >= today)
    .flatMap(({ plan, actions }) => actions.map((action) => ({ plan, action })));
}

/** Open actions past their due date, the longest overdue first. */
export async function listOverdue(deps: DeliveryDeps, actor: Actor): Promise<ListedAction[]> {
  return (await listedActions(deps, actor))
    .filter(({ action }) => action.overdue)
    .sort((a, b) => (a.action.dueOn < b.action.dueOn ? -1 : a.action.dueOn > b.action.dueOn ? 1 : 0));
}

/** Actions whose latest status is at risk or off track, off track first, then by due date. */
export async function listAtRisk(deps: DeliveryDeps, actor: Actor): Promise<ListedAction[]> {
  const rank = (entry: ListedAction) =>
    `${entry.action.status === 'off-track' ? 0 : 1} ${entry.action.dueOn}`;
  return (await listedActions(deps, actor))
    .filter(({ action }) => action.atRisk)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/** For the statutory calendar: each open action's due date (overdue ones stay until done), as the reader may see it. */
export async function upcomingDeadlines(deps: DeliveryDeps, actor: Actor): Promise<Deadline[]> {
  return (await listedActions(deps, actor))
    .filter(({ action }) => action.status !== 'completed' && action.status !== 'withdrawn')
    .map(({ plan, action }) => ({
      uid: `delivery-action-${action.id}-due`,
      date: action.dueOn,
      title: `Delivery action ${action.reference} due: ${action.title}`,
      basis: `${plan.title} (${plan.planTitle}, version ${plan.versionNumber}); owner: ${action.actionOwner}`,
      url: paths.action({ ...keyOf(plan), ref: action.reference }),
      status: action.overdue ? 'overdue' : null,
    }));
}

/** A dated mark on a measure's chart: an action started or was completed. */
export interface MeasureAnnotation {
  date: string;
  label: string;
  url: string;
}

/**
 * For the measure page's SPC charts: when each action of a published delivery plan serving the measure began,
 * and when it was completed. Codes are stable across a plan's versions, so every version's plans count.
 */
export async function measureAnnotations(
  deps: DeliveryDeps,
  measure: { planSlug: string; code: string },
): Promise<MeasureAnnotation[]> {
  const plans = (await listDeliveryPlans(deps.db)).filter(
    (plan) => plan.planSlug === measure.planSlug && plan.publishedOn !== null,
  );
  const actions = await actionsOf(deps, plans);
  return actions
    .filter((action) =>
      action.targets.some((target) => target.kind === 'measure' && target.code === measure.code),
    )
    .flatMap((action) => {
      const plan = plans.find((each) => each.id === action.deliveryPlanId) as DeliveryPlanRow;
      const url = paths.action({ ...keyOf(plan), ref: action.reference });
      const name = `${action.reference} ${action.title}`;
      return [
        { date: action.startsOn, label: `Started: ${name}`, url },
        ...(action.completedOn ? [{ date: action.completedOn, label: `Completed: ${name}`, url }] : []),
      ];
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** What the delivery pages offer the reader beyond reading. */
export function deliveryAccess(deps: DeliveryDeps, actor: Actor) {
  return { canManage: canManage(deps, actor) };
}

/** The plan versions the actor may start a delivery plan for: those of the bodies whose office they work in. */
export async function listPlanVersionsFor(deps: DeliveryDeps, actor: Actor) {
  return (await deps.listPlanVersions(actor)).filter((version) => canManage(deps, actor, version.bodyId));
}

/** An action as a period's report tells it: its status when the period ended, and the priorities it serves. */
export interface ActionInPeriod {
  owner: DeliveryPlanRow['owner'];
  action: ActionRecord;
  statusAtEnd: ActionStatus | null;
  completedInPeriod: boolean;
  priorityCodes: string[];
}

/**
 * A plan version's actions, from the delivery plans the reader may see, that fell due or were completed in a
 * period, each with its status as recorded by the period's end (later statuses belong to later reports) and
 * the priorities whose key aims or measures it serves: delivery's part of a quarterly performance pack.
 */
export async function deliveryInPeriod(
  deps: DeliveryDeps,
  actor: Actor,
  version: { plan: string; version: number },
  period: { start: IsoDate; end: IsoDate },
): Promise<ActionInPeriod[]> {
  const plans: DeliveryPlanRow[] = [];
  for (const owner of DELIVERY_OWNERS) {
    const plan = await findDeliveryPlan(deps.db, { ...version, owner });
    if (plan && mayRead(deps, actor, plan)) plans.push(plan);
  }
  if (plans.length === 0) return [];
  const [actions, seen] = await Promise.all([
    actionsOf(deps, plans),
    deps.findPlanVersion(actor, version.plan, version.version),
  ]);
  const within = (date: string) => date >= period.start && date <= period.end;
  return actions.flatMap((action) => {
    const atEnd = action.history.filter((status) => status.changedOn <= period.end).at(-1) ?? null;
    const completedInPeriod = atEnd?.status === 'completed' && within(atEnd.changedOn);
    if (!within(action.dueOn) && !completedInPeriod) return [];
    const codes = new Set(action.targets.map((target) => target.code));
    const priorityCodes = (seen?.priorities ?? [])
      .filter((priority) => [...priority.aims, ...priority.measures].some((each) => codes.has(each.code)))
      .map((priority) => priority.code);
    const owner = plans.find((plan) => plan.id === action.deliveryPlanId)?.owner ?? 'opcc';
    return [{ owner, action, statusAtEnd: atEnd?.status ?? null, completedInPeriod, priorityCodes }];
  });
}
