import type { MeasureDirection } from './plans.file-schema.ts';
import type { PlansDb as Db, LinkedItemKind, PlanStep } from './plans.tables.ts';

export interface PlanRow {
  id: number;
  slug: string;
  bodyId: number;
  forceAreaId: number;
  title: string;
  authorName: string;
  authorOffice: string;
  termStart: string;
  termEnd: string;
  electionDate: string | null;
  summary: string | null;
  sourceUrl: string | null;
}

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

function planColumns(values: PlanValues) {
  return {
    slug: values.slug,
    bodyId: values.bodyId,
    forceAreaId: values.forceAreaId,
    title: values.title,
    authorName: values.authorName,
    authorOffice: values.authorOffice,
    termStart: values.termStart,
    termEnd: values.termEnd,
    electionDate: values.electionDate,
    summary: values.summary,
    sourceUrl: values.sourceUrl,
  };
}

export async function insertPlan(db: Db, values: PlanValues): Promise<number> {
  const row = await db
    .insertInto('plan')
    .values(planColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(db: Db, id: number, values: PlanValues): Promise<void> {
  await db.updateTable('plan').set(planColumns(values)).where('id', '=', id).execute();
}

// Versions

export interface VersionRow {
  id: number;
  planId: number;
  number: number;
  state: 'draft' | 'issued';
  issuedOn: string | null;
  contentChangedAt: Date;
}

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
  const row = await db
    .insertInto('planVersion')
    .values({ planId: planId, number, state: 'draft', contentChangedAt: at, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
}

// The tree

export async function insertPillar(
  db: Db,
  pillar: { versionId: number; code: string; position: number; title: string; summary: string | null },
): Promise<number> {
  const row = await db
    .insertInto('planPillar')
    .values({
      versionId: pillar.versionId,
      code: pillar.code,
      position: pillar.position,
      title: pillar.title,
      summary: pillar.summary,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPriority(
  db: Db,
  priority: {
    versionId: number;
    pillarId: number;
    code: string;
    position: number;
    title: string;
    summary: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('planPriority')
    .values({
      versionId: priority.versionId,
      pillarId: priority.pillarId,
      code: priority.code,
      position: priority.position,
      title: priority.title,
      summary: priority.summary,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAims(
  db: Db,
  aims: { versionId: number; priorityId: number; code: string; position: number; text: string }[],
): Promise<void> {
  if (aims.length === 0) return;
  await db
    .insertInto('planAim')
    .values(
      aims.map((aim) => ({
        versionId: aim.versionId,
        priorityId: aim.priorityId,
        code: aim.code,
        position: aim.position,
        text: aim.text,
      })),
    )
    .execute();
}

export async function insertMeasures(
  db: Db,
  measures: {
    versionId: number;
    priorityId: number;
    code: string;
    position: number;
    text: string;
    direction: MeasureDirection;
  }[],
): Promise<void> {
  if (measures.length === 0) return;
  await db
    .insertInto('planMeasure')
    .values(
      measures.map((measure) => ({
        versionId: measure.versionId,
        priorityId: measure.priorityId,
        code: measure.code,
        position: measure.position,
        text: measure.text,
        direction: measure.direction,
      })),
    )
    .execute();
}

export async function insertLinkedItem(
  db: Db,
  item: {
    versionId: number;
    kind: LinkedItemKind;
    code: string;
    position: number;
    title: string;
    summary: string | null;
    priorityIds: number[];
  },
): Promise<void> {
  const row = await db
    .insertInto('planLinkedItem')
    .values({
      versionId: item.versionId,
      kind: item.kind,
      code: item.code,
      position: item.position,
      title: item.title,
      summary: item.summary,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (item.priorityIds.length === 0) return;
  await db
    .insertInto('planLinkedItemPriority')
    .values(item.priorityIds.map((priorityId) => ({ itemId: row.id, priorityId: priorityId })))
    .execute();
}

export interface VersionTreeRows {
  pillars: { id: number; code: string; title: string; summary: string | null }[];
  priorities: { id: number; pillarId: number; code: string; title: string; summary: string | null }[];
  aims: { priorityId: number; code: string; text: string }[];
  measures: { priorityId: number; code: string; text: string; direction: MeasureDirection }[];
  linkedItems: { id: number; kind: LinkedItemKind; code: string; title: string; summary: string | null }[];
  links: { itemId: number; priorityId: number }[];
}

/** A version's whole tree in six queries, each in its display order. */
export async function loadVersionTree(db: Db, versionId: number): Promise<VersionTreeRows> {
  const [pillars, priorities, aims, measures, linkedItems, links] = await Promise.all([
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
  ]);
  return { pillars, priorities, aims, measures, linkedItems, links };
}

// Lifecycle

export interface StepRow {
  id: number;
  versionId: number | null;
  step: PlanStep;
  occurredOn: string;
  note: string | null;
  documents: { title: string; url: string }[];
  recordedBy: string;
  recordedAt: Date;
}

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
  step: {
    planId: number;
    versionId: number | null;
    step: PlanStep;
    occurredOn: string;
    note: string | null;
    documents: { title: string; url: string }[];
    recordedBy: string;
    recordedAt: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('planStep')
    .values({
      planId: step.planId,
      versionId: step.versionId,
      step: step.step,
      occurredOn: step.occurredOn,
      note: step.note,
      documents: JSON.stringify(step.documents),
      recordedBy: step.recordedBy,
      recordedAt: step.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
