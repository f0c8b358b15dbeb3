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
  'body_id as bodyId',
  'force_area_id as forceAreaId',
  'title',
  'author_name as authorName',
  'author_office as authorOffice',
  'term_start as termStart',
  'term_end as termEnd',
  'election_date as electionDate',
  'summary',
  'source_url as sourceUrl',
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
    .innerJoin('accounts_published_body as body', 'body.id', 'plan.body_id')
    .innerJoin('areas_published_force_area as force_area', 'force_area.id', 'plan.force_area_id')
    .select(['body.slug as body', 'force_area.slug as forceArea'])
    .where('plan.id', '=', planId)
    .executeTakeFirstOrThrow();
}

export function listPlans(db: Db): Promise<PlanRow[]> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).orderBy('term_start', 'desc').execute();
}

function planColumns(values: PlanValues) {
  return {
    slug: values.slug,
    body_id: values.bodyId,
    force_area_id: values.forceAreaId,
    title: values.title,
    author_name: values.authorName,
    author_office: values.authorOffice,
    term_start: values.termStart,
    term_end: values.termEnd,
    election_date: values.electionDate,
    summary: values.summary,
    source_url: values.sourceUrl,
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

const VERSION_COLUMNS = [
  'id',
  'plan_id as planId',
  'number',
  'state',
  'issued_on as issuedOn',
  'content_changed_at as contentChangedAt',
] as const;

export function listVersionsByPlan(db: Db, planId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('plan_version')
    .select(VERSION_COLUMNS)
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
}

export function listVersionsByPlans(db: Db, planIds: number[]): Promise<VersionRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_version')
    .select(VERSION_COLUMNS)
    .where('plan_id', 'in', planIds)
    .orderBy('number')
    .execute();
}

export async function insertVersion(db: Db, planId: number, number: number, at: Date): Promise<number> {
  const row = await db
    .insertInto('plan_version')
    .values({ plan_id: planId, number, state: 'draft', content_changed_at: at, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markVersionIssued(db: Db, versionId: number, issuedOn: string): Promise<void> {
  await db
    .updateTable('plan_version')
    .set({ state: 'issued', issued_on: issuedOn })
    .where('id', '=', versionId)
    .execute();
}

export async function markVersionContentChanged(db: Db, versionId: number, at: Date): Promise<void> {
  await db.updateTable('plan_version').set({ content_changed_at: at }).where('id', '=', versionId).execute();
}

/** Clears a draft's tree before it is written again; pillars cascade to priorities, aims and measures. */
export async function deleteVersionTree(db: Db, versionId: number): Promise<void> {
  await db.deleteFrom('plan_linked_item').where('version_id', '=', versionId).execute();
  await db.deleteFrom('plan_pillar').where('version_id', '=', versionId).execute();
}

// The tree

export async function insertPillar(
  db: Db,
  pillar: { versionId: number; code: string; position: number; title: string; summary: string | null },
): Promise<number> {
  const row = await db
    .insertInto('plan_pillar')
    .values({
      version_id: pillar.versionId,
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
    .insertInto('plan_priority')
    .values({
      version_id: priority.versionId,
      pillar_id: priority.pillarId,
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
    .insertInto('plan_aim')
    .values(
      aims.map((aim) => ({
        version_id: aim.versionId,
        priority_id: aim.priorityId,
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
    .insertInto('plan_measure')
    .values(
      measures.map((measure) => ({
        version_id: measure.versionId,
        priority_id: measure.priorityId,
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
    .insertInto('plan_linked_item')
    .values({
      version_id: item.versionId,
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
    .insertInto('plan_linked_item_priority')
    .values(item.priorityIds.map((priorityId) => ({ item_id: row.id, priority_id: priorityId })))
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
      .selectFrom('plan_pillar')
      .select(['id', 'code', 'title', 'summary'])
      .where('version_id', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_priority')
      .select(['id', 'pillar_id as pillarId', 'code', 'title', 'summary'])
      .where('version_id', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_aim')
      .select(['priority_id as priorityId', 'code', 'text'])
      .where('version_id', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_measure')
      .select(['priority_id as priorityId', 'code', 'text', 'direction'])
      .where('version_id', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_linked_item')
      .select(['id', 'kind', 'code', 'title', 'summary'])
      .where('version_id', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_linked_item_priority')
      .innerJoin('plan_linked_item', 'plan_linked_item.id', 'plan_linked_item_priority.item_id')
      .select([
        'plan_linked_item_priority.item_id as itemId',
        'plan_linked_item_priority.priority_id as priorityId',
      ])
      .where('plan_linked_item.version_id', '=', versionId)
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
    .selectFrom('plan_step')
    .select([
      'id',
      'version_id as versionId',
      'step',
      'occurred_on as occurredOn',
      'note',
      'documents',
      'recorded_by as recordedBy',
      'recorded_at as recordedAt',
    ])
    .where('plan_id', '=', planId)
    .orderBy('occurred_on')
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
    .insertInto('plan_step')
    .values({
      plan_id: step.planId,
      version_id: step.versionId,
      step: step.step,
      occurred_on: step.occurredOn,
      note: step.note,
      documents: JSON.stringify(step.documents),
      recorded_by: step.recordedBy,
      recorded_at: step.recordedAt,
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
    plan_id: source.planId,
    kind: source.kind,
    title: source.title,
    author: source.author,
    published_on: source.publishedOn,
  };
  const row = await db
    .insertInto('coverage_source')
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
  await db.deleteFrom('coverage_point').where('source_id', '=', sourceId).execute();
  if (points.length === 0) return;
  await db
    .insertInto('coverage_point')
    .values(
      points.map((point, position) => ({
        source_id: sourceId,
        code: point.code,
        position,
        group_title: point.groupTitle,
        text: point.text,
        priority_codes: point.priorityCodes,
      })),
    )
    .execute();
}

export function listCoverageSourcesByPlan(db: Db, planId: number) {
  return db
    .selectFrom('coverage_source')
    .select(['id', 'slug', 'kind', 'title', 'author', 'published_on as publishedOn'])
    .where('plan_id', '=', planId)
    .orderBy('published_on')
    .execute();
}

export function listCoveragePoints(db: Db, sourceIds: number[]) {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coverage_point')
    .select([
      'source_id as sourceId',
      'code',
      'group_title as groupTitle',
      'text',
      'priority_codes as priorityCodes',
    ])
    .where('source_id', 'in', sourceIds)
    .orderBy('source_id')
    .orderBy('position')
    .execute();
}
