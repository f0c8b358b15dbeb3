import type { Selectable } from 'kysely';
import { insertedId } from '../../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { ScrutinyRecordsTables } from '../scrutiny-records.tables.ts';

type WorkProgrammeEntry = Omit<Selectable<ScrutinyRecordsTables['workProgrammeEntry']>, 'createdAt'>;
/** An entry with the name of the body whose programme it is in. */
export type WorkProgrammeEntryRow = WorkProgrammeEntry & { bodyName: string };
export type WorkProgrammeEntryValues = Omit<WorkProgrammeEntry, 'id'>;
export type WorkProgrammeItemRow = Omit<Selectable<ScrutinyRecordsTables['workProgrammeItem']>, 'id'>;

function selectEntries(db: Db) {
  return db
    .selectFrom('workProgrammeEntry as e')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'e.bodyId')
    .select([
      'e.id',
      'e.bodyId',
      'body.name as bodyName',
      'e.programme',
      'e.meetsOn',
      'e.mainFocus',
      'e.function',
    ]);
}

export function listWorkProgrammeEntries(db: Db): Promise<WorkProgrammeEntryRow[]> {
  return selectEntries(db).orderBy('e.meetsOn').orderBy('body.name').execute();
}

export function findWorkProgrammeEntry(db: Db, bodyId: number, meetsOn: string) {
  return selectEntries(db).where('e.bodyId', '=', bodyId).where('e.meetsOn', '=', meetsOn).executeTakeFirst();
}

export function findWorkProgrammeEntryById(db: Db, id: number): Promise<WorkProgrammeEntryRow | undefined> {
  return selectEntries(db).where('e.id', '=', id).executeTakeFirst();
}

export function listWorkProgrammeItems(db: Db, entryIds: number[]): Promise<WorkProgrammeItemRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('workProgrammeItem')
    .select(['entryId', 'position', 'title', 'function'])
    .where('entryId', 'in', entryIds)
    .orderBy('entryId')
    .orderBy('position')
    .execute();
}

export async function insertWorkProgrammeEntry(db: Db, values: WorkProgrammeEntryValues): Promise<number> {
  return insertedId(db.insertInto('workProgrammeEntry').values(values).returning('id'));
}

export async function updateWorkProgrammeEntry(
  db: Db,
  id: number,
  values: WorkProgrammeEntryValues,
): Promise<void> {
  await db.updateTable('workProgrammeEntry').set(values).where('id', '=', id).execute();
}

/** Removes an entry; its items go with it. */
export async function deleteWorkProgrammeEntry(db: Db, id: number): Promise<void> {
  await db.deleteFrom('workProgrammeEntry').where('id', '=', id).execute();
}

/** Sets an entry's other items afresh. */
export async function replaceWorkProgrammeItems(
  db: Db,
  entryId: number,
  items: Omit<WorkProgrammeItemRow, 'entryId'>[],
): Promise<void> {
  await db.deleteFrom('workProgrammeItem').where('entryId', '=', entryId).execute();
  if (items.length > 0)
    await db
      .insertInto('workProgrammeItem')
      .values(items.map((item) => ({ entryId, ...item })))
      .execute();
}
