import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { FieldError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { type DeliveryDeps, type PlanVersionSeen, requireManage, todayOf } from './delivery.context.ts';
import {
  type ActionRow,
  type DeliveryPlanRow,
  findDeliveryPlan,
  insertAction,
  insertDeliveryPlan,
  insertMilestone,
  insertStatus,
  listActions,
  setTargets,
  updateAction,
  updateDeliveryPlan,
  updateMilestone,
} from './delivery.queries.ts';
import { checkActionDates, checkMilestone, checkStatus, checkTargets } from './delivery.rules.ts';
import type { DeliveryFile } from './delivery.schemas.ts';
import type { TargetKind } from './delivery.tables.ts';
import { AUDIT, recorderOf, refuse, versionOrRefuse } from './delivery.write.ts';

type FileAction = DeliveryFile['actions'][number];
type Db = DeliveryDeps['db'];

const targetsOf = (action: FileAction) => [
  ...action.aims.map((code) => ({ kind: 'aim' as TargetKind, code })),
  ...action.measures.map((code) => ({ kind: 'measure' as TargetKind, code })),
];

/** Every problem of one action in the file, each at its path ("actions.3.statuses.1.evidence"). */
function checkFileAction(
  version: PlanVersionSeen,
  action: FileAction,
  at: string,
  today: string,
): FieldError[] {
  const errors = [
    ...checkActionDates(action, { dueOn: `${at}.dueOn` }),
    ...checkTargets(version, targetsOf(action), (index, kind) => {
      if (index === null) return `${at}.aims`;
      return kind === 'aim' ? `${at}.aims.${index}` : `${at}.measures.${index - action.aims.length}`;
    }),
  ];
  action.milestones.forEach((milestone, index) => {
    const path = `${at}.milestones.${index}`;
    const fields = { dueOn: `${path}.dueOn`, completedOn: `${path}.completedOn` };
    errors.push(
      ...checkMilestone(
        { ...milestone, completedOn: milestone.completedOn ?? null },
        { today, ...action },
        fields,
      ),
    );
  });
  action.statuses.forEach((status, index) => {
    const path = `${at}.statuses.${index}`;
    const change = {
      status: status.status,
      changedOn: status.on,
      evidence: status.evidence,
      recovery: status.recovery ?? null,
    };
    const context = { today, startsOn: action.startsOn, lastOn: action.statuses[index - 1]?.on ?? null };
    errors.push(
      ...checkStatus(change, context, {
        changedOn: `${path}.on`,
        evidence: `${path}.evidence`,
        recovery: `${path}.recovery`,
      }),
    );
  });
  const titles = action.milestones.map((milestone) => milestone.title);
  titles.forEach((title, index) => {
    if (titles.indexOf(title) !== index)
      errors.push({
        field: `${at}.milestones.${index}.title`,
        message: 'names a milestone already given for this action',
      });
  });
  return errors;
}

function duplicateReferences(file: DeliveryFile): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  file.actions.forEach((action, index) => {
    const first = seen.get(action.reference);
    if (first === undefined) seen.set(action.reference, index);
    else
      errors.push({
        field: `actions.${index}.reference`,
        message: `${action.reference} is already action ${first + 1} of the file`,
      });
  });
  return errors;
}

/** The history recorded must be where the file's begins: a status history is added to, never rewritten. */
function historyClashes(recorded: ActionRow | undefined, action: FileAction, at: string): FieldError[] {
  return (recorded?.history ?? []).flatMap((status, index) => {
    const given = action.statuses[index];
    const same =
      given &&
      given.on === status.changedOn &&
      given.status === status.status &&
      given.evidence === status.evidence;
    if (same) return [];
    return [
      {
        field: given ? `${at}.statuses.${index}` : `${at}.statuses`,
        message: `must keep the ${status.status} status recorded on ${formatDate(status.changedOn)} as entry ${index + 1}: a status history is added to, never rewritten`,
      },
    ];
  });
}

async function upsertPlan(
  trx: Db,
  actor: Actor,
  version: PlanVersionSeen,
  file: DeliveryFile,
  found?: DeliveryPlanRow,
) {
  const values = {
    title: file.title,
    summary: file.summary ?? null,
    publishedOn: file.publishedOn ?? found?.publishedOn ?? null,
  };
  if (!found) {
    const id = await insertDeliveryPlan(trx, {
      planVersionId: version.versionId,
      bodyId: version.bodyId,
      owner: file.owner,
      title: values.title,
      summary: values.summary,
    });
    if (values.publishedOn) await updateDeliveryPlan(trx, id, { publishedOn: values.publishedOn });
    await recordChange(trx, actor, AUDIT.plan(id), undefined, values);
    return { id, changes: 1 };
  }
  const before = { title: found.title, summary: found.summary, publishedOn: found.publishedOn };
  if (isDeepStrictEqual(before, values)) return { id: found.id, changes: 0 };
  await updateDeliveryPlan(trx, found.id, values);
  await recordChange(trx, actor, AUDIT.plan(found.id), before, values);
  return { id: found.id, changes: 1 };
}

async function upsertAction(trx: Db, actor: Actor, planId: number, action: FileAction, recorded?: ActionRow) {
  const values = {
    reference: action.reference,
    title: action.title,
    description: action.description ?? null,
    actionOwner: action.owner,
    startsOn: action.startsOn,
    dueOn: action.dueOn,
  };
  const targets = targetsOf(action).sort((a, b) => (`${a.kind} ${a.code}` < `${b.kind} ${b.code}` ? -1 : 1));
  let changes = 0;
  let id = recorded?.id;
  if (
    !recorded ||
    !isDeepStrictEqual({ ...values, targets }, { ...pickValues(recorded), targets: recorded.targets })
  ) {
    if (recorded) await updateAction(trx, recorded.id, values);
    else id = await insertAction(trx, planId, values);
    await setTargets(trx, id as number, targets);
    const before = recorded ? { ...pickValues(recorded), targets: recorded.targets } : undefined;
    await recordChange(trx, actor, AUDIT.action(id as number), before, { ...values, targets });
    changes += 1;
  }
  return { id: id as number, changes };
}

function pickValues(row: ActionRow) {
  const { reference, title, description, actionOwner, startsOn, dueOn } = row;
  return { reference, title, description, actionOwner, startsOn, dueOn };
}

async function applyMilestonesAndStatuses(
  trx: Db,
  actor: Actor,
  actionId: number,
  action: FileAction,
  recorded?: ActionRow,
) {
  let changes = 0;
  for (const milestone of action.milestones) {
    const values = { dueOn: milestone.dueOn, completedOn: milestone.completedOn ?? null };
    const found = recorded?.milestones.find((each) => each.title === milestone.title);
    if (found && found.dueOn === values.dueOn && found.completedOn === values.completedOn) continue;
    if (found) await updateMilestone(trx, found.id, values);
    else await insertMilestone(trx, { actionId, title: milestone.title, ...values });
    await recordChange(trx, actor, AUDIT.action(actionId), found ? { milestone: found } : undefined, {
      milestone,
    });
    changes += 1;
  }
  for (const status of action.statuses.slice(recorded?.history.length ?? 0)) {
    const change = {
      status: status.status,
      changedOn: status.on,
      evidence: status.evidence,
      recovery: status.recovery ?? null,
    };
    await insertStatus(trx, { actionId, ...change, recordedBy: recorderOf(actor) });
    await recordChange(trx, actor, AUDIT.action(actionId), undefined, change);
    changes += 1;
  }
  return changes;
}

/**
 * Loads a delivery plan file in one transaction: any problem anywhere saves nothing, each named by its path
 * in the file. Actions are matched by reference and brought up to the file; milestones by name; statuses
 * the file adds after those recorded are appended. Loading the same file again changes nothing.
 */
export async function importDeliveryFile(deps: DeliveryDeps, actor: Actor, file: DeliveryFile) {
  const version = await versionOrRefuse(deps, actor, file, 'version');
  requireManage(deps, actor, version.bodyId);
  const today = todayOf(deps);
  refuse([
    ...duplicateReferences(file),
    ...file.actions.flatMap((action, index) => checkFileAction(version, action, `actions.${index}`, today)),
  ]);
  return deps.db.transaction().execute(async (trx) => {
    const found = await findDeliveryPlan(trx, file);
    const recorded = found ? await listActions(trx, [found.id]) : [];
    const byReference = new Map(recorded.map((action) => [action.reference, action]));
    refuse(
      file.actions.flatMap((action, index) =>
        historyClashes(byReference.get(action.reference), action, `actions.${index}`),
      ),
    );
    const plan = await upsertPlan(trx, actor, version, file, found);
    let changes = plan.changes;
    for (const action of file.actions) {
      const before = byReference.get(action.reference);
      const upserted = await upsertAction(trx, actor, plan.id, action, before);
      changes +=
        upserted.changes + (await applyMilestonesAndStatuses(trx, actor, upserted.id, action, before));
    }
    return {
      plan: file.plan,
      version: file.version,
      owner: file.owner,
      actions: file.actions.length,
      changes,
    };
  });
}
