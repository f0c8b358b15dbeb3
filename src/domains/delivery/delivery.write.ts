import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, actorLabel } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import {
  type DeliveryDeps,
  findOrRefuse,
  type PlanVersionSeen,
  requireManage,
  todayOf,
} from './delivery.context.ts';
import {
  findDeliveryPlan,
  insertAction,
  insertDeliveryPlan,
  insertMilestone,
  insertStatus,
  listActions,
  setTargets,
  updateAction,
  updateDeliveryPlan,
} from './delivery.queries.ts';
import {
  checkActionDates,
  checkDatesKeepRecords,
  checkMilestone,
  checkStatus,
  checkTargets,
} from './delivery.rules.ts';
import type {
  ActionChangeForm,
  ActionForm,
  ActionKey,
  MilestoneForm,
  NewPlanForm,
  PlanKey,
  StatusForm,
} from './delivery.schemas.ts';

export const AUDIT = {
  plan: (id: number) => ({ type: 'delivery-plan', id }),
  action: (id: number) => ({ type: 'delivery-action', id }),
};

export function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** Who recorded a change, as the history shows it: a person by name; a token or the system by its label. */
export function recorderOf(actor: Actor): string {
  return actor.kind === 'user' ? actor.displayName : actorLabel(actor);
}

export async function versionOrRefuse(
  deps: DeliveryDeps,
  actor: Actor,
  key: { plan: string; version: number },
  field: string,
): Promise<PlanVersionSeen> {
  const version = await deps.findPlanVersion(actor, key.plan, key.version);
  if (!version)
    throw new ValidationError([
      { field, message: `There is no version ${key.version} of a plan called ${key.plan}` },
    ]);
  return version;
}

/** Starts a delivery plan (unpublished) for a plan version: the office's own or the force's. */
export async function createDeliveryPlan(
  deps: DeliveryDeps,
  actor: Actor,
  form: NewPlanForm,
  requestId?: string,
) {
  const key = { ...form.planVersion, owner: form.owner };
  const version = await versionOrRefuse(deps, actor, key, 'planVersion');
  requireManage(deps, actor, version.bodyId);
  return deps.db.transaction().execute(async (trx) => {
    if (await findDeliveryPlan(trx, key))
      refuse([
        {
          field: 'owner',
          message: `${version.title}, version ${version.versionNumber} already has this delivery plan`,
        },
      ]);
    const values = {
      planVersionId: version.versionId,
      bodyId: version.bodyId,
      owner: form.owner,
      title: form.title,
      summary: form.summary,
    };
    const id = await insertDeliveryPlan(trx, values);
    await recordChange(trx, actor, AUDIT.plan(id), undefined, values, requestId);
    return key;
  });
}

/** Publishes a delivery plan: from today, it and its actions are public. */
export function publishDeliveryPlan(deps: DeliveryDeps, actor: Actor, key: PlanKey, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const plan = await findOrRefuse(deps, actor, key, trx);
    requireManage(deps, actor, plan.bodyId);
    if (plan.publishedOn) throw new ConflictError('This delivery plan is already published');
    const change = { publishedOn: todayOf(deps) };
    await updateDeliveryPlan(trx, plan.id, change);
    await recordChange(trx, actor, AUDIT.plan(plan.id), { publishedOn: null }, change, requestId);
  });
}

/** Adds an action to a delivery plan, linked to the key aims and measures it serves. */
export async function addAction(
  deps: DeliveryDeps,
  actor: Actor,
  key: PlanKey,
  form: ActionForm,
  requestId?: string,
) {
  const plan = await findOrRefuse(deps, actor, key);
  requireManage(deps, actor, plan.bodyId);
  const version = await versionOrRefuse(deps, actor, key, 'targets');
  refuse([
    ...checkActionDates(form, { dueOn: 'dueOn' }),
    ...checkTargets(version, form.targets, () => 'targets'),
  ]);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await listActions(trx, [plan.id]);
    if (existing.some((action) => action.reference === form.reference))
      refuse([{ field: 'reference', message: `Action ${form.reference} is already in this delivery plan` }]);
    const { targets, ...values } = form;
    const id = await insertAction(trx, plan.id, values);
    await setTargets(trx, id, targets);
    await recordChange(trx, actor, AUDIT.action(id), undefined, { ...values, targets }, requestId);
    return { ...key, ref: form.reference };
  });
}

async function actionToChange(deps: DeliveryDeps, trx: DeliveryDeps['db'], actor: Actor, key: ActionKey) {
  const plan = await findOrRefuse(deps, actor, key, trx);
  requireManage(deps, actor, plan.bodyId);
  const action = (await listActions(trx, [plan.id])).find((each) => each.reference === key.ref);
  if (!action) throw new NotFoundError('There is no such action');
  return action;
}

/**
 * Changes what an action says — its wording, owner, dates and the aims and measures it serves — keeping its
 * reference, and its status history and milestones true; the audit trail keeps what it said before.
 */
export async function changeAction(
  deps: DeliveryDeps,
  actor: Actor,
  key: ActionKey,
  form: ActionChangeForm,
  requestId?: string,
) {
  const version = await versionOrRefuse(deps, actor, key, 'targets');
  return deps.db.transaction().execute(async (trx) => {
    const action = await actionToChange(deps, trx, actor, key);
    refuse([
      ...checkActionDates(form, { dueOn: 'dueOn' }),
      ...checkDatesKeepRecords(form, action, { startsOn: 'startsOn', dueOn: 'dueOn' }),
      ...checkTargets(version, form.targets, () => 'targets'),
    ]);
    const { targets, ...details } = form;
    const before = {
      title: action.title,
      description: action.description,
      actionOwner: action.actionOwner,
      startsOn: action.startsOn,
      dueOn: action.dueOn,
      targets: action.targets,
    };
    await updateAction(trx, action.id, { reference: action.reference, ...details });
    await setTargets(trx, action.id, targets);
    await recordChange(trx, actor, AUDIT.action(action.id), before, form, requestId);
    return key;
  });
}

/** Records a change of an action's status, with its evidence (and a recovery note when off track). */
export function recordStatus(
  deps: DeliveryDeps,
  actor: Actor,
  key: ActionKey,
  form: StatusForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const action = await actionToChange(deps, trx, actor, key);
    const context = {
      today: todayOf(deps),
      startsOn: action.startsOn,
      lastOn: action.history.at(-1)?.changedOn ?? null,
    };
    refuse(
      checkStatus(form, context, { changedOn: 'changedOn', evidence: 'evidence', recovery: 'recovery' }),
    );
    const values = { actionId: action.id, ...form, recordedBy: recorderOf(actor) };
    await insertStatus(trx, values);
    const before = { status: action.history.at(-1)?.status ?? null };
    await recordChange(trx, actor, AUDIT.action(action.id), before, form, requestId);
  });
}

/** Adds a milestone to an action, within its dates. */
export function addMilestone(
  deps: DeliveryDeps,
  actor: Actor,
  key: ActionKey,
  form: MilestoneForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const action = await actionToChange(deps, trx, actor, key);
    refuse(
      checkMilestone(
        form,
        { today: todayOf(deps), ...action },
        { dueOn: 'dueOn', completedOn: 'completedOn' },
      ),
    );
    if (action.milestones.some((milestone) => milestone.title === form.title))
      refuse([{ field: 'title', message: 'This action already has a milestone with that name' }]);
    await insertMilestone(trx, { actionId: action.id, ...form });
    await recordChange(trx, actor, AUDIT.action(action.id), undefined, { milestone: form }, requestId);
  });
}
