import type { Selectable, Updateable } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { InspectionsDb as Db, InspectionsTables } from './inspections.tables.ts';

type Inspection = Selectable<InspectionsTables['inspection']>;
export type GradeRow = Omit<Selectable<InspectionsTables['inspectionGrade']>, 'inspectionId'>;
export type FindingRow = Selectable<InspectionsTables['inspectionFinding']>;

/** A report as the office records it. */
export type InspectionValues = Omit<
  Inspection,
  'id' | 'createdAt' | 'status' | 'responsePublishedOn' | 'responseUrl'
>;

export interface InspectionRow extends Omit<Inspection, 'createdAt'> {
  bodySlug: string;
  bodyName: string;
}

function selectInspections(db: Db) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'i.bodyId')
    .select([
      'i.id',
      'i.bodyId',
      'i.code',
      'i.kind',
      'i.madeBy',
      'i.title',
      'i.summary',
      'i.fieldworkEndedOn',
      'i.reportPublishedOn',
      'i.reportUrl',
      'i.status',
      'i.responsePublishedOn',
      'i.responseUrl',
      'body.slug as bodySlug',
      'body.name as bodyName',
    ]);
}

/** Every report, newest first. */
export function listInspections(db: Db): Promise<InspectionRow[]> {
  return selectInspections(db).orderBy('i.reportPublishedOn', 'desc').orderBy('i.code').execute();
}

export function findInspection(db: Db, bodySlug: string, code: string): Promise<InspectionRow | undefined> {
  return selectInspections(db)
    .where('body.slug', '=', bodySlug)
    .where('i.code', '=', code)
    .executeTakeFirst();
}

export function listGrades(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspectionGrade')
    .selectAll()
    .where('inspectionId', 'in', ids)
    .orderBy('inspectionId')
    .orderBy('position')
    .execute();
}

/** Findings in the order a report gives them: causes of concern, recommendations, areas for improvement. */
export function listFindings(db: Db, ids: number[]): Promise<FindingRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspectionFinding')
    .selectAll()
    .where('inspectionId', 'in', ids)
    .orderBy('inspectionId')
    .orderBy('id')
    .execute();
}

/** The codes of a body's reports. */
export async function listInspectionCodes(db: Db, bodyId: number): Promise<string[]> {
  const rows = await db.selectFrom('inspection').select('code').where('bodyId', '=', bodyId).execute();
  return rows.map((row) => row.code);
}

/** The policing bodies (the Commissioners' offices) reports are kept for. */
export function listPolicingBodies(db: Db) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('kind', '=', 'policing-body')
    .orderBy('name')
    .execute();
}

export function insertInspection(db: Db, values: InspectionValues): Promise<number> {
  return insertedId(db.insertInto('inspection').values(values).returning('id'));
}

export async function updateInspection(
  db: Db,
  id: number,
  fields: Updateable<InspectionsTables['inspection']>,
) {
  await db.updateTable('inspection').set(fields).where('id', '=', id).execute();
}

/** Sets a report's grades to these, in order. */
export async function replaceGrades(
  db: Db,
  id: number,
  grades: { question: string; grade: GradeRow['grade'] }[],
) {
  await db.deleteFrom('inspectionGrade').where('inspectionId', '=', id).execute();
  if (grades.length)
    await db
      .insertInto('inspectionGrade')
      .values(grades.map((grade, index) => ({ inspectionId: id, position: index + 1, ...grade })))
      .execute();
}

export function insertFinding(db: Db, values: Omit<FindingRow, 'id'>): Promise<number> {
  return insertedId(db.insertInto('inspectionFinding').values(values).returning('id'));
}

export async function updateFinding(
  db: Db,
  id: number,
  fields: { text?: string; deliveryActionId?: number | null },
) {
  await db.updateTable('inspectionFinding').set(fields).where('id', '=', id).execute();
}

/** The ledger's published rows for these recommendations (their wording, response and outcome). */
export function listLedgerEntries(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendationsPublishedRecommendation')
    .select(['id', 'reference', 'text', 'response', 'outcome', 'visibility'])
    .where('id', 'in', ids)
    .execute();
}
