import type { ScrutinyDb as Db, MeetingStatus } from '../scrutiny.tables.ts';
import type { DecisionKind } from '../scrutiny-records.tables.ts';

export interface MinutesRow {
  meetingId: number;
  bodyId: number;
  approvedAtMeetingId: number | null;
  approvedAt: Date | null;
}

export function findMinutes(db: Db, meetingId: number): Promise<MinutesRow | undefined> {
  return db
    .selectFrom('minutes')
    .select([
      'meeting_id as meetingId',
      'body_id as bodyId',
      'approved_at_meeting_id as approvedAtMeetingId',
      'approved_at as approvedAt',
    ])
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

export async function insertMinutes(db: Db, meetingId: number, bodyId: number): Promise<void> {
  await db.insertInto('minutes').values({ meeting_id: meetingId, body_id: bodyId }).execute();
}

export async function updateMinutesApproval(
  db: Db,
  meetingId: number,
  approval: { approvedAtMeetingId: number; approvedAt: Date },
): Promise<void> {
  await db
    .updateTable('minutes')
    .set({ approved_at_meeting_id: approval.approvedAtMeetingId, approved_at: approval.approvedAt })
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function updateMeetingStatus(db: Db, meetingId: number, status: MeetingStatus): Promise<void> {
  await db.updateTable('meeting').set({ status }).where('id', '=', meetingId).execute();
}

/** The first and last minute numbers of each of a body's minuted meetings, in meeting order. */
export function listMinuteNumberRanges(db: Db, bodyId: number) {
  return db
    .selectFrom('minute_item')
    .innerJoin('meeting', 'meeting.id', 'minute_item.meeting_id')
    .select((eb) => [
      'minute_item.meeting_id as meetingId',
      'meeting.starts_at as startsAt',
      eb.fn.min<number>('minute_item.number').as('first'),
      eb.fn.max<number>('minute_item.number').as('last'),
      eb.fn.countAll<string | number>().as('count'),
    ])
    .where('minute_item.body_id', '=', bodyId)
    .groupBy(['minute_item.meeting_id', 'meeting.starts_at'])
    .orderBy('meeting.starts_at')
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

export interface MinuteItemRow {
  id: number;
  meetingId: number;
  number: number;
  agendaItemId: number | null;
  title: string;
  text: string;
  exemptParagraph: number | null;
}
export type MinuteItemValues = Omit<MinuteItemRow, 'id'>;

export function listMinuteItems(db: Db, meetingId: number): Promise<MinuteItemRow[]> {
  return db
    .selectFrom('minute_item')
    .select([
      'id',
      'meeting_id as meetingId',
      'number',
      'agenda_item_id as agendaItemId',
      'title',
      'text',
      'exempt_paragraph as exemptParagraph',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('number')
    .execute();
}

/** A minute item with the meeting it belongs to, e.g. for the ledger's link back to it. */
export function findMinuteItemById(db: Db, id: number) {
  return db
    .selectFrom('minute_item')
    .select(['id', 'meeting_id as meetingId', 'body_id as bodyId', 'number'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMinuteItemByNumber(db: Db, bodyId: number, number: number) {
  return db
    .selectFrom('minute_item')
    .select(['id', 'meeting_id as meetingId', 'number'])
    .where('body_id', '=', bodyId)
    .where('number', '=', number)
    .executeTakeFirst();
}

function itemColumns(values: MinuteItemValues) {
  return {
    number: values.number,
    agenda_item_id: values.agendaItemId,
    title: values.title,
    text: values.text,
    exempt_paragraph: values.exemptParagraph,
  };
}

export async function insertMinuteItem(db: Db, bodyId: number, values: MinuteItemValues): Promise<number> {
  const row = await db
    .insertInto('minute_item')
    .values({ meeting_id: values.meetingId, body_id: bodyId, ...itemColumns(values) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMinuteItem(db: Db, id: number, values: MinuteItemValues): Promise<void> {
  await db.updateTable('minute_item').set(itemColumns(values)).where('id', '=', id).execute();
}

export async function updateMinuteItemNumber(db: Db, id: number, number: number): Promise<void> {
  await db.updateTable('minute_item').set({ number }).where('id', '=', id).execute();
}

export async function deleteMinuteItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('minute_item').where('id', '=', id).execute();
}

// Decisions and actions

export interface MinuteDecisionRow {
  minuteItemId: number;
  position: number;
  kind: DecisionKind;
  text: string;
}

export interface MinuteActionRow {
  minuteItemId: number;
  position: number;
  text: string;
  owner: string;
  dueOn: string | null;
  doneOn: string | null;
}

export function listMinuteDecisions(db: Db, itemIds: number[]): Promise<MinuteDecisionRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('minute_decision')
    .select(['minute_item_id as minuteItemId', 'position', 'kind', 'text'])
    .where('minute_item_id', 'in', itemIds)
    .orderBy('minute_item_id')
    .orderBy('position')
    .execute();
}

export function listMinuteActions(db: Db, itemIds: number[]): Promise<MinuteActionRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('minute_action')
    .select([
      'minute_item_id as minuteItemId',
      'position',
      'text',
      'owner',
      'due_on as dueOn',
      'done_on as doneOn',
    ])
    .where('minute_item_id', 'in', itemIds)
    .orderBy('minute_item_id')
    .orderBy('position')
    .execute();
}

export async function insertMinuteDecision(db: Db, values: MinuteDecisionRow): Promise<void> {
  await db
    .insertInto('minute_decision')
    .values({
      minute_item_id: values.minuteItemId,
      position: values.position,
      kind: values.kind,
      text: values.text,
    })
    .execute();
}

export async function insertMinuteAction(db: Db, values: MinuteActionRow): Promise<void> {
  await db
    .insertInto('minute_action')
    .values({
      minute_item_id: values.minuteItemId,
      position: values.position,
      text: values.text,
      owner: values.owner,
      due_on: values.dueOn,
      done_on: values.doneOn,
    })
    .execute();
}

export async function updateMinuteDecision(
  db: Db,
  itemId: number,
  position: number,
  values: Pick<MinuteDecisionRow, 'kind' | 'text'>,
): Promise<void> {
  await db
    .updateTable('minute_decision')
    .set({ kind: values.kind, text: values.text })
    .where('minute_item_id', '=', itemId)
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
    .updateTable('minute_action')
    .set({ due_on: dates.dueOn, done_on: dates.doneOn })
    .where('minute_item_id', '=', itemId)
    .where('position', '=', position)
    .execute();
}

/** Removes an item's decisions and actions, so a reviewed file can set them afresh. */
export async function deleteMinuteDecisionsAndActions(db: Db, itemId: number): Promise<void> {
  await db.deleteFrom('minute_decision').where('minute_item_id', '=', itemId).execute();
  await db.deleteFrom('minute_action').where('minute_item_id', '=', itemId).execute();
}

/** A body's meetings after the given one, for choosing the meeting that approved its minutes. */
export function listLaterMeetings(db: Db, bodyId: number, after: Date) {
  return db
    .selectFrom('meeting')
    .select(['id', 'title', 'starts_at as startsAt', 'status'])
    .where('body_id', '=', bodyId)
    .where('starts_at', '>', after)
    .orderBy('starts_at')
    .execute();
}
