import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import {
  type AttendanceValues,
  deleteAllAttendance,
  insertAttendance,
  listAttendanceValues,
} from './attendance.queries.ts';

/*
 * The steps the attendance use-cases share: a meeting's attendance as the audit trail keeps it, and writing it.
 */

export type Entry = Omit<AttendanceValues, 'meetingId' | 'position'>;

/** A meeting's attendance as the audit trail keeps it: the whole list, in order, without row ids. */
export async function snapshot(db: Db, meetingId: number): Promise<Entry[]> {
  const rows = await listAttendanceValues(db, meetingId);
  return rows.map(({ kind, memberId, name, capacity, substituteForMemberId }) => ({
    kind,
    memberId,
    name,
    capacity,
    substituteForMemberId,
  }));
}

/** Audits a change to a meeting's attendance: none recorded is no record, so the first list is a creation. */
export async function auditAttendance(
  trx: Db,
  actor: Actor,
  meetingId: number,
  change: { before: Entry[]; after: Entry[] },
  requestId?: string,
) {
  const audited = (people: Entry[]) => (people.length > 0 ? { people } : undefined);
  await recordChange(
    trx,
    actor,
    { type: 'meeting_attendance', id: meetingId },
    audited(change.before),
    audited(change.after),
    requestId,
  );
}

/** Writes a meeting's attendance whole, in the order given, and audits the list before and after. */
export async function replaceAttendance(
  trx: Db,
  actor: Actor,
  meetingId: number,
  change: { before: Entry[]; after: Entry[] },
  requestId?: string,
): Promise<boolean> {
  if (isDeepStrictEqual(change.before, change.after)) return false;
  await deleteAllAttendance(trx, meetingId);
  for (const [index, entry] of change.after.entries())
    await insertAttendance(trx, { meetingId, ...entry, position: index + 1 });
  await auditAttendance(trx, actor, meetingId, change, requestId);
  return true;
}
