import type { Selectable } from 'kysely';
import { insertedId } from '../../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db, MeetingStatus } from '../scrutiny.tables.ts';
import type { ScrutinyRecordsTables } from '../scrutiny-records.tables.ts';

export type MinutesRow = Omit<Selectable<ScrutinyRecordsTables['minutes']>, 'createdAt'>;

export function findMinutes(db: Db, meetingId: number): Promise<MinutesRow | undefined> {
  return db
    .selectFrom('minutes')
    .select(['meetingId', 'bodyId', 'approvedAtMeetingId', 'approvedAt'])
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
}

export async function insertMinutes(db: Db, meetingId: number, bodyId: number): Promise<void> {
  await db.insertInto('minutes').values({ meetingId: meetingId, bodyId: bodyId }).execute();
}

export async function updateMinutesApproval(
  db: Db,
  meetingId: number,
  approval: { approvedAtMeetingId: number; approvedAt: Date },
): Promise<void> {
  await db
    .updateTable('minutes')
    .set({ approvedAtMeetingId: approval.approvedAtMeetingId, approvedAt: approval.approvedAt })
    .where('meetingId', '=', meetingId)
    .execute();
}

export async function updateMeetingStatus(db: Db, meetingId: number, status: MeetingStatus): Promise<void> {
  await db.updateTable('meeting').set({ status }).where('id', '=', meetingId).execute();
}

/** The first and last minute numbers of each of a body's minuted meetings, in meeting order. */
export function listMinuteNumberRanges(db: Db, bodyId: number) {
  return db
    .selectFrom('minuteItem')
    .innerJoin('meeting', 'meeting.id', 'minuteItem.meetingId')
    .select((eb) => [
      'minuteItem.meetingId',
      'meeting.startsAt',
      eb.fn.min<number>('minuteItem.number').as('first'),
      eb.fn.max<number>('minuteItem.number').as('last'),
      eb.fn.countAll<string | number>().as('count'),
    ])
    .where('minuteItem.bodyId', '=', bodyId)
    .groupBy(['minuteItem.meetingId', 'meeting.startsAt'])
    .orderBy('meeting.startsAt')
    .execute()
    .then((rows) =>
      rows.map((row) => ({
        meetingId: row.meetingId,
        startsAt: row.startsAt,
        first: Number(row.first),
        last: Number(row.last),
        count: Number(row.count),
      })),
    );
}

// Items

export type MinuteItemRow = Omit<Selectable<ScrutinyRecordsTables['minuteItem']>, 'bodyId'>;
export type MinuteItemValues = Omit<MinuteItemRow, 'id'>;

export function listMinuteItems(db: Db, meetingId: number): Promise<MinuteItemRow[]> {
  return db
    .selectFrom('minuteItem')
    .select(['id', 'meetingId', 'number', 'agendaItemId', 'title', 'text', 'exemptParagraph'])
    .where('meetingId', '=', meetingId)
    .orderBy('number')
    .execute();
}

/** A minute item with the meeting it belongs to, e.g. for the ledger's link back to it. */
export function findMinuteItemById(db: Db, id: number) {
  return db
    .selectFrom('minuteItem')
    .select(['id', 'meetingId', 'bodyId', 'number'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMinuteItemByNumber(db: Db, bodyId: number, number: number) {
  return db
    .selectFrom('minuteItem')
    .select(['id', 'meetingId', 'number'])
    .where('bodyId', '=', bodyId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function insertMinuteItem(db: Db, bodyId: number, values: MinuteItemValues): Promise<number> {
  return insertedId(
    db
      .insertInto('minuteItem')
      .values({ ...values, bodyId })
      .returning('id'),
  );
}

/** Changes an item's own columns; the meeting it belongs to stays. */
export async function updateMinuteItem(
  db: Db,
  id: number,
  { meetingId: _stays, ...values }: MinuteItemValues,
): Promise<void> {
  await db.updateTable('minuteItem').set(values).where('id', '=', id).execute();
}

export async function updateMinuteItemNumber(db: Db, id: number, number: number): Promise<void> {
  await db.updateTable('minuteItem').set({ number }).where('id', '=', id).execute();
}

export async function deleteMinuteItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('minuteItem').where('id', '=', id).execute();
}

// Decisions and actions

export type MinuteDecisionRow = Omit<Selectable<ScrutinyRecordsTables['minuteDecision']>, 'id'>;
export type MinuteActionRow = Omit<Selectable<ScrutinyRecordsTables['minuteAction']>, 'id'>;

export function listMinuteDecisions(db: Db, itemIds: number[]): Promise<MinuteDecisionRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('minuteDecision')
    .select(['minuteItemId', 'position', 'kind', 'text'])
    .where('minuteItemId', 'in', itemIds)
    .orderBy('minuteItemId')
    .orderBy('position')
    .execute();
}

export function listMinuteActions(db: Db, itemIds: number[]): Promise<MinuteActionRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('minuteAction')
    .select(['minuteItemId', 'position', 'text', 'owner', 'dueOn', 'doneOn'])
    .where('minuteItemId', 'in', itemIds)
    .orderBy('minuteItemId')
    .orderBy('position')
    .execute();
}

export async function insertMinuteDecision(db: Db, values: MinuteDecisionRow): Promise<void> {
  await db.insertInto('minuteDecision').values(values).execute();
}

export async function insertMinuteAction(db: Db, values: MinuteActionRow): Promise<void> {
  await db.insertInto('minuteAction').values(values).execute();
}

export async function updateMinuteDecision(
  db: Db,
  itemId: number,
  position: number,
  values: Pick<MinuteDecisionRow, 'kind' | 'text'>,
): Promise<void> {
  await db
    .updateTable('minuteDecision')
    .set({ kind: values.kind, text: values.text })
    .where('minuteItemId', '=', itemId)
    .where('position', '=', position)
    .execute();
}

export async function updateMinuteActionDates(
  db: Db,
  itemId: number,
  position: number,
  dates: Pick<MinuteActionRow, 'dueOn' | 'doneOn'>,
): Promise<void> {
  await db
    .updateTable('minuteAction')
    .set({ dueOn: dates.dueOn, doneOn: dates.doneOn })
    .where('minuteItemId', '=', itemId)
    .where('position', '=', position)
    .execute();
}

/** Removes an item's decisions and actions, so a reviewed file can set them afresh. */
export async function deleteMinuteDecisionsAndActions(db: Db, itemId: number): Promise<void> {
  await db.deleteFrom('minuteDecision').where('minuteItemId', '=', itemId).execute();
  await db.deleteFrom('minuteAction').where('minuteItemId', '=', itemId).execute();
}

/** A body's meetings after the given one, for choosing the meeting that approved its minutes. */
export function listLaterMeetings(db: Db, bodyId: number, after: Date) {
  return db
    .selectFrom('meeting')
    .select(['id', 'title', 'startsAt', 'status'])
    .where('bodyId', '=', bodyId)
    .where('startsAt', '>', after)
    .orderBy('startsAt')
    .execute();
}
