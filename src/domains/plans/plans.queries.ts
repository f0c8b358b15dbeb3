import type { Insertable, Selectable } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { PlansDb as Db, PlansTables } from './plans.tables.ts';

export type PlanRow = Omit<Selectable<PlansTables['plan']>, 'createdAt'>;

const PLAN_COLUMNS = [
  'id',
  'slug',
  'bodyId',
  'forceAreaId',
  'title',
  'authorName',
  'authorOffice',
  'termStart',
  'termEnd',
  'electionDate',
  'summary',
  'sourceUrl',
] as const;

export type PlanValues = Omit<PlanRow, 'id'>;

export function findPlanBySlug(db: Db, slug: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export function findPlanById(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The slugs a plan file names its body and force area by (the plan row keeps their ids). */
export function findPlanOwnerSlugs(db: Db, planId: number): Promise<{ body: string; forceArea: string }> {
  return db
    .selectFrom('plan')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'plan.bodyId')
    .innerJoin('areasPublishedForceArea as forceArea', 'forceArea.id', 'plan.forceAreaId')
    .select(['body.slug as body', 'forceArea.slug as forceArea'])
    .where('plan.id', '=', planId)
    .executeTakeFirstOrThrow();
}

export function listPlans(db: Db): Promise<PlanRow[]> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).orderBy('termStart', 'desc').execute();
}

export async function insertPlan(db: Db, values: PlanValues): Promise<number> {
  return insertedId(db.insertInto('plan').values(values).returning('id'));
}

export async function updatePlan(db: Db, id: number, values: PlanValues): Promise<void> {
  await db.updateTable('plan').set(values).where('id', '=', id).execute();
}

// Versions

export type VersionRow = Omit<Selectable<PlansTables['planVersion']>, 'createdAt'>;

const VERSION_COLUMNS = ['id', 'planId', 'number', 'state', 'issuedOn', 'contentChangedAt'] as const;

export function listVersionsByPlan(db: Db, planId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('planVersion')
    .select(VERSION_COLUMNS)
    .where('planId', '=', planId)
    .orderBy('number')
    .execute();
}

export function listVersionsByPlans(db: Db, planIds: number[]): Promise<VersionRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('planVersion')
    .select(VERSION_COLUMNS)
    .where('planId', 'in', planIds)
    .orderBy('number')
    .execute();
}

export async function insertVersion(db: Db, planId: number, number: number, at: Date): Promise<number> {
  return insertedId(
    db
      .insertInto('planVersion')
      .values({ planId: planId, number, state: 'draft', contentChangedAt: at, createdAt: at })
      .returning('id'),
  );
}

export async function markVersionIssued(db: Db, versionId: number, issuedOn: string): Promise<void> {
  await db
    .updateTable('planVersion')
    .set({ state: 'issued', issuedOn: issuedOn })
    .where('id', '=', versionId)
    .execute();
}

export async function markVersionContentChanged(db: Db, versionId: number, at: Date): Promise<void> {
  await db.updateTable('planVersion').set({ contentChangedAt: at }).where('id', '=', versionId).execute();
}

/** Clears a draft's tree before it is written again; pillars cascade to priorities, aims and measures. */
export async function deleteVersionTree(db: Db, versionId: number): Promise<void> {
  await db.deleteFrom('planLinkedItem').where('versionId', '=', versionId).execute();
  await db.deleteFrom('planPillar').where('versionId', '=', versionId).execute();
  await db.deleteFrom('planStatutorySection').where('versionId', '=', versionId).execute();
}

export async function insertStatutorySections(
  db: Db,
  sections: Insertable<PlansTables['planStatutorySection']>[],
): Promise<void> {
  if (sections.length > 0) await db.insertInto('planStatutorySection').values(sections).execute();
}

// The tree

export async function insertPillar(db: Db, pillar: Insertable<PlansTables['planPillar']>): Promise<number> {
  return insertedId(db.insertInto('planPillar').values(pillar).returning('id'));
}

export async function insertPriority(
  db: Db,
  priority: Insertable<PlansTables['planPriority']>,
): Promise<number> {
  return insertedId(db.insertInto('planPriority').values(priority).returning('id'));
}

export async function insertAims(db: Db, aims: Insertable<PlansTables['planAim']>[]): Promise<void> {
  if (aims.length === 0) return;
  await db.insertInto('planAim').values(aims).execute();
}

export async function insertMeasures(
  db: Db,
  measures: Insertable<PlansTables['planMeasure']>[],
): Promise<void> {
  if (measures.length === 0) return;
  await db.insertInto('planMeasure').values(measures).execute();
}

export async function insertLinkedItem(
  db: Db,
  { priorityIds, ...item }: Insertable<PlansTables['planLinkedItem']> & { priorityIds: number[] },
): Promise<void> {
  const row = await db.insertInto('planLinkedItem').values(item).returning('id').executeTakeFirstOrThrow();
  if (priorityIds.length === 0) return;
  await db
    .insertInto('planLinkedItemPriority')
    .values(priorityIds.map((priorityId) => ({ itemId: row.id, priorityId: priorityId })))
    .execute();
}

export type VersionTreeRows = Awaited<ReturnType<typeof loadVersionTree>>;

/** A version's whole tree in seven queries, each in its display order. */
export async function loadVersionTree(db: Db, versionId: number) {
  const [pillars, priorities, aims, measures, linkedItems, links, statutory] = await Promise.all([
    db
      .selectFrom('planPillar')
      .select(['id', 'code', 'title', 'summary'])
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('planPriority')
      .select(['id', 'pillarId', 'code', 'title', 'summary'])
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('planAim')
      .select(['priorityId', 'code', 'text'])
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('planMeasure')
      .select(['priorityId', 'code', 'text', 'direction'])
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('planLinkedItem')
      .select(['id', 'kind', 'code', 'title', 'summary'])
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('planLinkedItemPriority')
      .innerJoin('planLinkedItem', 'planLinkedItem.id', 'planLinkedItemPriority.itemId')
      .select(['planLinkedItemPriority.itemId', 'planLinkedItemPriority.priorityId'])
      .where('planLinkedItem.versionId', '=', versionId)
      .execute(),
    db
      .selectFrom('planStatutorySection')
      .select(['section', 'text'])
      .where('versionId', '=', versionId)
      .execute(),
  ]);
  return { pillars, priorities, aims, measures, linkedItems, links, statutory };
}

// Lifecycle

export type StepRow = Omit<Selectable<PlansTables['planStep']>, 'planId'>;

export function listStepsByPlan(db: Db, planId: number): Promise<StepRow[]> {
  return db
    .selectFrom('planStep')
    .select(['id', 'versionId', 'step', 'occurredOn', 'note', 'documents', 'recordedBy', 'recordedAt'])
    .where('planId', '=', planId)
    .orderBy('occurredOn')
    .orderBy('id')
    .execute();
}

export async function insertStep(
  db: Db,
  { documents, ...step }: Omit<Selectable<PlansTables['planStep']>, 'id'>,
): Promise<number> {
  return insertedId(
    db
      .insertInto('planStep')
      .values({ ...step, documents: JSON.stringify(documents) })
      .returning('id'),
  );
}

// Coverage

export async function upsertCoverageSource(
  db: Db,
  source: {
    slug: string;
    planId: number;
    kind: 'manifesto' | 'consultation';
    title: string;
    author: string;
    publishedOn: string;
  },
): Promise<number> {
  const values = {
    planId: source.planId,
    kind: source.kind,
    title: source.title,
    author: source.author,
    publishedOn: source.publishedOn,
  };
  const row = await db
    .insertInto('coverageSource')
    .values({ slug: source.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceCoveragePoints(
  db: Db,
  sourceId: number,
  points: { code: string; groupTitle: string; text: string; priorityCodes: string[] }[],
): Promise<void> {
  await db.deleteFrom('coveragePoint').where('sourceId', '=', sourceId).execute();
  if (points.length === 0) return;
  await db
    .insertInto('coveragePoint')
    .values(
      points.map((point, position) => ({
        sourceId: sourceId,
        code: point.code,
        position,
        groupTitle: point.groupTitle,
        text: point.text,
        priorityCodes: point.priorityCodes,
      })),
    )
    .execute();
}

export function listCoverageSourcesByPlan(db: Db, planId: number) {
  return db
    .selectFrom('coverageSource')
    .select(['id', 'slug', 'kind', 'title', 'author', 'publishedOn'])
    .where('planId', '=', planId)
    .orderBy('publishedOn')
    .execute();
}

export function listCoveragePoints(db: Db, sourceIds: number[]) {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coveragePoint')
    .select(['sourceId', 'code', 'groupTitle', 'text', 'priorityCodes'])
    .where('sourceId', 'in', sourceIds)
    .orderBy('sourceId')
    .orderBy('position')
    .execute();
}
