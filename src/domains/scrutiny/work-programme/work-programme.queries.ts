import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { ScrutinyFunction } from '../scrutiny-functions.ts';

export interface WorkProgrammeEntryRow {
  id: number;
  bodyId: number;
  bodyName: string;
  programme: string;
  meetsOn: string;
  mainFocus: string | null;
  function: ScrutinyFunction | null;
}
export type WorkProgrammeEntryValues = Omit<WorkProgrammeEntryRow, 'id' | 'bodyName'>;

export interface WorkProgrammeItemRow {
  entryId: number;
  position: number;
  title: string;
  function: ScrutinyFunction | null;
}

function selectEntries(db: Db) {
  return db
    .selectFrom('work_programme_entry as e')
    .innerJoin('accounts_published_body as body', 'body.id', 'e.body_id')
    .select([
      'e.id',
      'e.body_id as bodyId',
      'body.name as bodyName',
      'e.programme',
      'e.meets_on as meetsOn',
      'e.main_focus as mainFocus',
      'e.function',
    ]);
}

export function listWorkProgrammeEntries(db: Db): Promise<WorkProgrammeEntryRow[]> {
  return selectEntries(db).orderBy('e.meets_on').orderBy('body.name').execute();
}

export function findWorkProgrammeEntry(db: Db, bodyId: number, meetsOn: string) {
  return selectEntries(db)
    .where('e.body_id', '=', bodyId)
    .where('e.meets_on', '=', meetsOn)
    .executeTakeFirst();
}

export function findWorkProgrammeEntryById(db: Db, id: number): Promise<WorkProgrammeEntryRow | undefined> {
  return selectEntries(db).where('e.id', '=', id).executeTakeFirst();
}

export function listWorkProgrammeItems(db: Db, entryIds: number[]): Promise<WorkProgrammeItemRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('work_programme_item')
    .select(['entry_id as entryId', 'position', 'title', 'function'])
    .where('entry_id', 'in', entryIds)
    .orderBy('entry_id')
    .orderBy('position')
    .execute();
}

function entryColumns(values: WorkProgrammeEntryValues) {
  return {
    body_id: values.bodyId,
    programme: values.programme,
    meets_on: values.meetsOn,
    main_focus: values.mainFocus,
    function: values.function,
  };
}

export async function insertWorkProgrammeEntry(db: Db, values: WorkProgrammeEntryValues): Promise<number> {
  const row = await db
    .insertInto('work_programme_entry')
    .values(entryColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWorkProgrammeEntry(
  db: Db,
  id: number,
  values: WorkProgrammeEntryValues,
): Promise<void> {
  await db.updateTable('work_programme_entry').set(entryColumns(values)).where('id', '=', id).execute();
}

/** Removes an entry; its items go with it. */
export async function deleteWorkProgrammeEntry(db: Db, id: number): Promise<void> {
  await db.deleteFrom('work_programme_entry').where('id', '=', id).execute();
}

/** Sets an entry's other items afresh. */
export async function replaceWorkProgrammeItems(
  db: Db,
  entryId: number,
  items: Omit<WorkProgrammeItemRow, 'entryId'>[],
): Promise<void> {
  await db.deleteFrom('work_programme_item').where('entry_id', '=', entryId).execute();
  if (items.length > 0)
    await db
      .insertInto('work_programme_item')
      .values(
        items.map((item) => ({
          entry_id: entryId,
          position: item.position,
          title: item.title,
          function: item.function,
        })),
      )
      .execute();
}
