import type { ScrutinyDb as Db, MemberRole } from '../scrutiny.tables.ts';
import type { AttendanceKind } from '../scrutiny-attendance.tables.ts';

export interface AttendanceRow {
  id: number;
  meetingId: number;
  kind: AttendanceKind;
  memberId: number | null;
  /** The member's name when the person is a member, else the name recorded. */
  name: string;
  memberRole: MemberRole | null;
  /** The member's council when the person is a member, else what the record says they attend for. */
  capacity: string | null;
  substituteForMemberId: number | null;
  substituteForName: string | null;
  position: number;
}

export interface AttendanceValues {
  meetingId: number;
  kind: AttendanceKind;
  memberId: number | null;
  name: string | null;
  capacity: string | null;
  substituteForMemberId: number | null;
  position: number;
}

export function listAttendance(db: Db, meetingId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('meeting_attendance as a')
    .leftJoin('scrutiny_member as m', 'm.id', 'a.member_id')
    .leftJoin('scrutiny_member as s', 's.id', 'a.substitute_for_member_id')
    .select((eb) => [
      'a.id',
      'a.meeting_id as meetingId',
      'a.kind',
      'a.member_id as memberId',
      eb.fn.coalesce('m.name', 'a.name').$castTo<string>().as('name'),
      'm.role as memberRole',
      eb.fn.coalesce('m.nominating_authority', 'a.capacity').as('capacity'),
      'a.substitute_for_member_id as substituteForMemberId',
      's.name as substituteForName',
      'a.position',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

/** The rows as they are stored, for the audit trail's before and after. */
export function listAttendanceValues(
  db: Db,
  meetingId: number,
): Promise<(AttendanceValues & { id: number })[]> {
  return db
    .selectFrom('meeting_attendance')
    .select([
      'id',
      'meeting_id as meetingId',
      'kind',
      'member_id as memberId',
      'name',
      'capacity',
      'substitute_for_member_id as substituteForMemberId',
      'position',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function insertAttendance(db: Db, values: AttendanceValues): Promise<number> {
  const row = await db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: values.meetingId,
      kind: values.kind,
      member_id: values.memberId,
      name: values.name,
      capacity: values.capacity,
      substitute_for_member_id: values.substituteForMemberId,
      position: values.position,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAttendance(db: Db, meetingId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('meeting_attendance')
    .where('meeting_id', '=', meetingId)
    .where('id', 'in', ids)
    .execute();
}

export async function deleteAllAttendance(db: Db, meetingId: number): Promise<void> {
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
}

/** The position after a meeting's last recorded person. */
export async function nextAttendancePosition(db: Db, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('meeting_attendance')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}
