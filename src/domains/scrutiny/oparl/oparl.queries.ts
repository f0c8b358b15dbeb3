import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';

/** A record's place in an OParl list: its id and its stamps (migration 0030). */
export interface StampRow {
  id: number;
  createdAt: Date;
  modifiedAt: Date;
}

type StampKind = 'meeting' | 'agenda_item' | 'meeting_paper' | 'scrutiny_member' | 'scrutiny_group';

/** The stamps of some records of one kind, by id. */
export async function listStamps(db: Db, kind: StampKind, ids: number[]): Promise<Map<number, StampRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('scrutinyRecordStamp')
    .select(['recordId as id', 'createdAt', 'modifiedAt'])
    .where('kind', '=', kind)
    .where('recordId', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

function stamped(db: Db, kind: StampKind) {
  return db
    .selectFrom('scrutinyRecordStamp as s')
    .select(['s.recordId as id', 's.createdAt', 's.modifiedAt'])
    .where('s.kind', '=', kind);
}

/** Every meeting of a body (all are public, cancelled ones too), earliest first. */
export function meetingStamps(db: Db, bodyId: number): Promise<StampRow[]> {
  return stamped(db, 'meeting')
    .innerJoin('meeting', 'meeting.id', 's.recordId')
    .where('meeting.bodyId', '=', bodyId)
    .orderBy('meeting.startsAt')
    .orderBy('meeting.id')
    .execute();
}

/**
 * Agenda items and papers, each created when it was and changed when its meeting last was: publishing an
 * agenda changes only the meeting, yet makes its items and papers public, and a client asking for what
 * changed since its last visit must be given them (any change to an item or paper stamps its meeting too).
 */
function partOfMeeting(db: Db, kind: 'agenda_item' | 'meeting_paper') {
  return db
    .selectFrom('scrutinyRecordStamp as s')
    .innerJoin('scrutinyRecordStamp as ms', (join) => join.on('ms.kind', '=', 'meeting'))
    .select(['s.recordId as id', 's.createdAt', 'ms.modifiedAt'])
    .where('s.kind', '=', kind);
}

/**
 * The agenda items of a body's meetings whose agenda is published (`isAgendaDraft`: status "scheduled" is a
 * draft). Each is then read through the meeting as an anonymous reader, which applies the same rule.
 */
export function agendaItemStamps(db: Db, bodyId: number): Promise<StampRow[]> {
  return partOfMeeting(db, 'agenda_item')
    .innerJoin('agendaItem', 'agendaItem.id', 's.recordId')
    .innerJoin('meeting', (join) =>
      join.onRef('meeting.id', '=', 'agendaItem.meetingId').onRef('meeting.id', '=', 'ms.recordId'),
    )
    .where('meeting.bodyId', '=', bodyId)
    .where('meeting.status', '<>', 'scheduled')
    .orderBy('meeting.startsAt')
    .orderBy('agendaItem.position')
    .execute();
}

/** The public papers of a body's published agendas: not exempt by their own paragraph or their item's. */
export function fileStamps(db: Db, bodyId: number): Promise<StampRow[]> {
  return partOfMeeting(db, 'meeting_paper')
    .innerJoin('meetingPaper', 'meetingPaper.id', 's.recordId')
    .innerJoin('meeting', (join) =>
      join.onRef('meeting.id', '=', 'meetingPaper.meetingId').onRef('meeting.id', '=', 'ms.recordId'),
    )
    .leftJoin('agendaItem', 'agendaItem.id', 'meetingPaper.agendaItemId')
    .where('meeting.bodyId', '=', bodyId)
    .where('meeting.status', '<>', 'scheduled')
    .where('meetingPaper.exemptParagraph', 'is', null)
    .where('agendaItem.exemptParagraph', 'is', null)
    .orderBy('meeting.startsAt')
    .orderBy('meetingPaper.id')
    .execute();
}

/** A body's members, by name. */
export function memberStamps(db: Db, bodyId: number): Promise<StampRow[]> {
  return stamped(db, 'scrutiny_member')
    .innerJoin('scrutinyMember', 'scrutinyMember.id', 's.recordId')
    .where('scrutinyMember.bodyId', '=', bodyId)
    .orderBy('scrutinyMember.name')
    .orderBy('scrutinyMember.id')
    .execute();
}

/** A body's sub-committees and groups, by name. */
export function groupStamps(db: Db, bodyId: number): Promise<StampRow[]> {
  return stamped(db, 'scrutiny_group')
    .innerJoin('scrutinyGroup', 'scrutinyGroup.id', 's.recordId')
    .where('scrutinyGroup.bodyId', '=', bodyId)
    .orderBy('scrutinyGroup.name')
    .execute();
}

/** The meeting an agenda item or a paper belongs to, to read it through its meeting. */
export async function meetingOf(db: Db, kind: 'agendaItem' | 'meetingPaper', id: number) {
  const row = await db.selectFrom(kind).select('meetingId').where('id', '=', id).executeTakeFirst();
  return row?.meetingId;
}

export function findMemberById(db: Db, id: number) {
  return db
    .selectFrom('scrutinyMember')
    .select(['id', 'bodyId', 'name', 'role', 'nominatingAuthority', 'termStart', 'termEnd'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The groups a member sits on, with their role there. */
export function listMemberGroups(db: Db, memberId: number) {
  return db
    .selectFrom('scrutinyGroupMember')
    .select(['groupId', 'role'])
    .where('memberId', '=', memberId)
    .orderBy('groupId')
    .execute();
}
