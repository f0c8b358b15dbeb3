import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { ActionStatus, DeliveryDb as Db, DeliveryOwner, TargetKind } from './delivery.tables.ts';

export interface DeliveryPlanRow {
  id: number;
  bodyId: number;
  owner: DeliveryOwner;
  title: string;
  summary: string | null;
  publishedOn: string | null;
  planVersionId: number;
  planSlug: string;
  planTitle: string;
  /** The last day of the police and crime plan's term. */
  planTermEnd: string;
  versionNumber: number;
}

export interface StatusRow {
  id: number;
  actionId: number;
  status: ActionStatus;
  changedOn: string;
  evidence: string;
  recovery: string | null;
  recordedBy: string;
}

export interface MilestoneRow {
  id: number;
  actionId: number;
  title: string;
  dueOn: string;
  completedOn: string | null;
}

export interface ActionValues {
  reference: string;
  title: string;
  description: string | null;
  actionOwner: string;
  startsOn: string;
  dueOn: string;
}

export interface ActionRow extends ActionValues {
  id: number;
  deliveryPlanId: number;
  targets: { kind: TargetKind; code: string }[];
  milestones: MilestoneRow[];
  history: StatusRow[];
}

function selectPlans(db: Db) {
  return db
    .selectFrom('deliveryPlan as d')
    .innerJoin('plansPublishedVersion as v', 'v.id', 'd.planVersionId')
    .innerJoin('plansPublishedPlan as p', 'p.id', 'v.planId')
    .select([
      'd.id',
      'd.bodyId',
      'd.owner',
      'd.title',
      'd.summary',
      'd.publishedOn',
      'd.planVersionId',
      'p.slug as planSlug',
      'p.title as planTitle',
      'p.termEnd as planTermEnd',
      'v.number as versionNumber',
    ]);
}

/** Every delivery plan, by plan, version and owner (the office's first). */
export function listDeliveryPlans(db: Db): Promise<DeliveryPlanRow[]> {
  return selectPlans(db)
    .orderBy('p.termStart', 'desc')
    .orderBy('v.number', 'desc')
    .orderBy('d.owner', 'desc')
    .execute() as Promise<DeliveryPlanRow[]>;
}

export async function findDeliveryPlan(
  db: Db,
  key: { plan: string; version: number; owner: DeliveryOwner },
): Promise<DeliveryPlanRow | undefined> {
  return (await selectPlans(db)
    .where('p.slug', '=', key.plan)
    .where('v.number', '=', key.version)
    .where('d.owner', '=', key.owner)
    .executeTakeFirst()) as DeliveryPlanRow | undefined;
}

/** The actions of the given delivery plans, by reference, each with its aims and measures, milestones and history. */
export async function listActions(db: Db, planIds: readonly number[]): Promise<ActionRow[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom('deliveryAction')
    .select(['id', 'deliveryPlanId', 'reference', 'title', 'description', 'actionOwner', 'startsOn', 'dueOn'])
    .where('deliveryPlanId', 'in', planIds)
    .orderBy('deliveryPlanId')
    .orderBy('reference')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [targets, milestones, history] = await Promise.all([
    db
      .selectFrom('deliveryActionTarget')
      .select(['actionId', 'kind', 'code'])
      .where('actionId', 'in', ids)
      .orderBy('kind')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('deliveryMilestone')
      .select(['id', 'actionId', 'title', 'dueOn', 'completedOn'])
      .where('actionId', 'in', ids)
      .orderBy('dueOn')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('deliveryStatus')
      .select(['id', 'actionId', 'status', 'changedOn', 'evidence', 'recovery', 'recordedBy'])
      .where('actionId', 'in', ids)
      .orderBy('changedOn')
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((row) => ({
    ...row,
    targets: targets.filter((target) => target.actionId === row.id).map(({ kind, code }) => ({ kind, code })),
    milestones: milestones.filter((milestone) => milestone.actionId === row.id),
    history: history.filter((status) => status.actionId === row.id),
  }));
}

export async function insertDeliveryPlan(
  db: Db,
  values: {
    planVersionId: number;
    bodyId: number;
    owner: DeliveryOwner;
    title: string;
    summary: string | null;
  },
) {
  return insertedId(db.insertInto('deliveryPlan').values(values).returning('id'));
}

export async function updateDeliveryPlan(
  db: Db,
  id: number,
  values: { title?: string; summary?: string | null; publishedOn?: string | null },
) {
  await db.updateTable('deliveryPlan').set(values).where('id', '=', id).execute();
}

export async function insertAction(db: Db, deliveryPlanId: number, values: ActionValues) {
  return insertedId(
    db
      .insertInto('deliveryAction')
      .values({ ...values, deliveryPlanId })
      .returning('id'),
  );
}

export async function updateAction(db: Db, id: number, values: ActionValues) {
  await db.updateTable('deliveryAction').set(values).where('id', '=', id).execute();
}

export async function setTargets(
  db: Db,
  actionId: number,
  targets: readonly { kind: TargetKind; code: string }[],
) {
  await db.deleteFrom('deliveryActionTarget').where('actionId', '=', actionId).execute();
  if (targets.length)
    await db
      .insertInto('deliveryActionTarget')
      .values(targets.map((target) => ({ actionId, ...target })))
      .execute();
}

export async function insertMilestone(
  db: Db,
  values: { actionId: number; title: string; dueOn: string; completedOn: string | null },
) {
  return insertedId(db.insertInto('deliveryMilestone').values(values).returning('id'));
}

export async function updateMilestone(
  db: Db,
  id: number,
  values: { dueOn: string; completedOn: string | null },
) {
  await db.updateTable('deliveryMilestone').set(values).where('id', '=', id).execute();
}

export async function insertStatus(db: Db, values: Omit<StatusRow, 'id'>) {
  return insertedId(db.insertInto('deliveryStatus').values(values).returning('id'));
}
