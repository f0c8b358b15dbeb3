import type { Selectable } from 'kysely';
import { insertedId } from '../../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db, MemberRole, ScrutinyTables } from '../scrutiny.tables.ts';
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

export type AttendanceValues = Omit<Selectable<ScrutinyTables['meetingAttendance']>, 'id'>;

export function listAttendance(db: Db, meetingId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('meetingAttendance as a')
    .leftJoin('scrutinyMember as m', 'm.id', 'a.memberId')
    .leftJoin('scrutinyMember as s', 's.id', 'a.substituteForMemberId')
    .select((eb) => [
      'a.id',
      'a.meetingId',
      'a.kind',
      'a.memberId',
      eb.fn.coalesce('m.name', 'a.name').$castTo<string>().as('name'),
      'm.role as memberRole',
      eb.fn.coalesce('m.nominatingAuthority', 'a.capacity').as('capacity'),
      'a.substituteForMemberId',
      's.name as substituteForName',
      'a.position',
    ])
    .where('a.meetingId', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

/** The rows as they are stored, for the audit trail's before and after. */
export function listAttendanceValues(
  db: Db,
  meetingId: number,
): Promise<(AttendanceValues & { id: number })[]> {
  return db
    .selectFrom('meetingAttendance')
    .select(['id', 'meetingId', 'kind', 'memberId', 'name', 'capacity', 'substituteForMemberId', 'position'])
    .where('meetingId', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function insertAttendance(db: Db, values: AttendanceValues): Promise<number> {
  return insertedId(db.insertInto('meetingAttendance').values(values).returning('id'));
}

export async function deleteAttendance(db: Db, meetingId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('meetingAttendance')
    .where('meetingId', '=', meetingId)
    .where('id', 'in', ids)
    .execute();
}

export async function deleteAllAttendance(db: Db, meetingId: number): Promise<void> {
  await db.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
}

/** The position after a meeting's last recorded person. */
export async function nextAttendancePosition(db: Db, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('meetingAttendance')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}
