import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { PackContent } from './packs.content.ts';
import type { PacksDb as Db, PackStatus } from './packs.tables.ts';

export interface PackValues {
  bodyId: number;
  planSlug: string;
  planVersion: number;
  financialYear: number;
  quarter: number;
  edition: number;
  meetingId: number | null;
}

export interface PackRow extends PackValues {
  id: number;
  bodySlug: string;
  bodyName: string;
  status: PackStatus;
  content: PackContent | null;
  createdAt: Date;
  issuedAt: Date | null;
}

function selectPacks(db: Db) {
  return db
    .selectFrom('performancePack as p')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'p.bodyId')
    .select([
      'p.id',
      'p.bodyId',
      'p.planSlug',
      'p.planVersion',
      'p.financialYear',
      'p.quarter',
      'p.edition',
      'p.meetingId',
      'p.status',
      'p.content',
      'p.createdAt',
      'p.issuedAt',
      'body.slug as bodySlug',
      'body.name as bodyName',
    ]);
}

export function findPack(db: Db, id: number): Promise<PackRow | undefined> {
  return selectPacks(db).where('p.id', '=', id).executeTakeFirst();
}

/** Packs newest quarter first, then newest edition; only issued ones unless drafts are asked for. */
export function listPacks(db: Db, withDrafts: boolean): Promise<PackRow[]> {
  return selectPacks(db)
    .$if(!withDrafts, (qb) => qb.where('p.status', '=', 'issued'))
    .orderBy('p.financialYear', 'desc')
    .orderBy('p.quarter', 'desc')
    .orderBy('p.edition', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

/** The editions of one quarter's pack for one plan version, oldest first. */
export function listEditions(db: Db, key: Omit<PackValues, 'edition' | 'meetingId'>) {
  return db
    .selectFrom('performancePack')
    .select(['id', 'edition', 'status'])
    .where('bodyId', '=', key.bodyId)
    .where('planSlug', '=', key.planSlug)
    .where('planVersion', '=', key.planVersion)
    .where('financialYear', '=', key.financialYear)
    .where('quarter', '=', key.quarter)
    .orderBy('edition')
    .execute();
}

export function insertPack(db: Db, values: PackValues): Promise<number> {
  return insertedId(db.insertInto('performancePack').values(values).returning('id'));
}

/** Freezes a draft; returns false when it was no longer a draft (issued meanwhile). */
export async function freezePack(db: Db, id: number, content: PackContent, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('performancePack')
    .set({ status: 'issued', content: JSON.stringify(content), issuedAt: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The policing bodies (the Commissioners' offices) that draw up packs. */
export function listPolicingBodies(db: Db) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('kind', '=', 'policing-body')
    .orderBy('name')
    .execute();
}

/** Every issued plan version, newest plan first, for the form. */
export function listIssuedPlanVersions(db: Db) {
  return db
    .selectFrom('plansPublishedPlan as p')
    .innerJoin('plansPublishedVersion as v', 'v.planId', 'p.id')
    .select(['p.slug', 'p.title', 'v.number'])
    .where('v.state', '=', 'issued')
    .orderBy('p.termStart', 'desc')
    .orderBy('v.number', 'desc')
    .execute();
}

/** A plan version's priorities in plan order (those with measures: plans publishes priorities through them). */
export async function listPlanPriorities(db: Db, planSlug: string, version: number) {
  const rows = await db
    .selectFrom('plansPublishedMeasure as m')
    .innerJoin('plansPublishedVersion as v', 'v.id', 'm.versionId')
    .innerJoin('plansPublishedPlan as p', 'p.id', 'v.planId')
    .select(['m.priorityCode', 'm.priorityTitle', 'm.pillarTitle'])
    .where('p.slug', '=', planSlug)
    .where('v.number', '=', version)
    .where('v.state', '=', 'issued')
    .orderBy('m.pillarPosition')
    .orderBy('m.priorityPosition')
    .execute();
  const seen = new Map<string, { code: string; title: string; pillar: string }>();
  for (const row of rows)
    if (!seen.has(row.priorityCode))
      seen.set(row.priorityCode, {
        code: row.priorityCode,
        title: row.priorityTitle,
        pillar: row.pillarTitle,
      });
  return [...seen.values()];
}
