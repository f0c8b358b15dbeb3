import type { Insertable, Updateable } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { Timescales } from './complaints.rules.ts';
import type { ComplaintsTables, ComplaintsDb as Db } from './complaints.tables.ts';

export type CaseInsert = Insertable<ComplaintsTables['complaint']>;
export type CaseUpdate = Updateable<ComplaintsTables['complaint']>;

/** The Police and Crime Panels, by name. */
export function listPanels(db: Db) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('kind', '=', 'scrutiny-panel')
    .orderBy('name')
    .execute();
}
export type Panel = Awaited<ReturnType<typeof listPanels>>[number];

/** Every Panel's own timescales (a Panel not listed uses the defaults). */
export function listTimescales(db: Db) {
  return db.selectFrom('complaintTimescale').selectAll().execute();
}

export async function saveTimescales(db: Db, panelId: number, timescales: Timescales) {
  await db
    .insertInto('complaintTimescale')
    .values({ panelId, ...timescales })
    .onConflict((conflict) => conflict.column('panelId').doUpdateSet(timescales))
    .execute();
}

/** A Panel's cases, or every Panel's, newest received first. */
export function listCases(db: Db, panelId?: number) {
  let query = db.selectFrom('complaint').selectAll().orderBy('receivedOn', 'desc').orderBy('id', 'desc');
  if (panelId !== undefined) query = query.where('panelId', '=', panelId);
  return query.execute();
}
export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

export function findCase(db: Db, panelId: number, id: number) {
  return db
    .selectFrom('complaint')
    .selectAll()
    .where('panelId', '=', panelId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertCase(db: Db, values: CaseInsert) {
  return insertedId(db.insertInto('complaint').values(values).returning('id'));
}

export async function updateCase(db: Db, id: number, values: CaseUpdate) {
  await db.updateTable('complaint').set(values).where('id', '=', id).execute();
}
