import type { Actor } from '../../../kernel/auth/actor.ts';
import { type FieldError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { canSeeMeetingRecord } from '../interests/interests.declarations.ts';
import { listDeclarations } from '../interests/interests.queries.ts';
import { requireManagedMeeting, type ScrutinyDeps } from '../scrutiny.context.ts';
import { listAgendaItems, listMembersByBody, type MeetingRow, type MemberRow } from '../scrutiny.queries.ts';
import type { MemberAttendanceKind } from '../scrutiny-attendance.tables.ts';
import {
  type AttendanceRow,
  deleteAttendance,
  insertAttendance,
  listAttendance,
  listAttendanceValues,
  nextAttendancePosition,
} from './attendance.queries.ts';
import type { AttendeeForm } from './attendance.schemas.ts';
import { auditAttendance, type Entry, replaceAttendance, snapshot } from './attendance.steps.ts';

/** A meeting's attendance for those who may see it now: everyone once it is held, else its officer. */
export async function listMeetingAttendance(
  deps: ScrutinyDeps,
  actor: Actor,
  meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>,
): Promise<AttendanceRow[] | null> {
  if (!canSeeMeetingRecord(deps, actor, meeting)) return null;
  return listAttendance(deps.db, meeting.id);
}

/** What the officer's attendance page needs: the meeting, its members, agenda and what is recorded. */
export async function readAttendancePage(deps: ScrutinyDeps, actor: Actor, meetingId: number) {
  const { db } = deps;
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  const [members, items, attendance, declarations] = await Promise.all([
    listMembersByBody(db, meeting.bodyId),
    listAgendaItems(db, meetingId),
    listAttendance(db, meetingId),
    listDeclarations(db, meetingId),
  ]);
  return { meeting, members, items, attendance, declarations };
}

/** A member's entry in the attendance, as the member list records them. */
export const memberEntry = (kind: MemberAttendanceKind, memberId: number): Entry => ({
  kind,
  memberId,
  name: null,
  capacity: null,
  substituteForMemberId: null,
});

/**
 * Records each listed member as present, sending apologies, absent, or not recorded, keeping everyone
 * else on the list as they were. A member with a substitute cannot also be present.
 */
export async function recordMemberAttendance(
  deps: ScrutinyDeps,
  actor: Actor,
  meetingId: number,
  choices: Map<number, MemberAttendanceKind | null>,
  requestId?: string,
) {
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  const members = await listMembersByBody(deps.db, meeting.bodyId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, meetingId);
    const substituted = new Set(before.map((entry) => entry.substituteForMemberId).filter(Boolean));
    const problems: FieldError[] = members
      .filter((member) => choices.get(member.id) === 'present' && substituted.has(member.id))
      .map((member) => ({
        field: `member-${member.id}`,
        message: `${member.name} has a substitute recorded, so cannot also be present: remove the substitute first`,
      }));
    if (problems.length > 0) throw new ValidationError(problems);
    const memberEntries = members.flatMap((member) => {
      const kind = choices.get(member.id);
      return kind ? [memberEntry(kind, member.id)] : [];
    });
    const others = before.filter((entry) => entry.memberId === null);
    await replaceAttendance(
      trx,
      actor,
      meetingId,
      { before, after: [...memberEntries, ...others] },
      requestId,
    );
  });
}

/** A substitute stands in for a member of the panel who is not recorded as present. */
function refuseSubstituteFor(members: MemberRow[], before: Entry[], memberId: number) {
  const member = members.find((candidate) => candidate.id === memberId);
  if (!member)
    throw new ValidationError([{ field: 'substituteFor', message: 'Select a member of this panel' }]);
  if (before.some((entry) => entry.memberId === member.id && entry.kind === 'present'))
    throw new ValidationError([
      { field: 'substituteFor', message: `${member.name} is recorded as present, so needs no substitute` },
    ]);
}

/** Adds someone who is not on the member list: a substitute, an officer, another person, or apologies. */
export async function addAttendee(
  deps: ScrutinyDeps,
  actor: Actor,
  meetingId: number,
  form: AttendeeForm,
  requestId?: string,
) {
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  const members = await listMembersByBody(deps.db, meeting.bodyId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, meetingId);
    if (form.substituteFor !== null) refuseSubstituteFor(members, before, form.substituteFor);
    const entry: Entry = {
      kind: form.attendedAs,
      memberId: null,
      name: form.name,
      capacity: form.capacity,
      substituteForMemberId: form.substituteFor,
    };
    const position = await nextAttendancePosition(trx, meetingId);
    await insertAttendance(trx, { meetingId, ...entry, position });
    await auditAttendance(trx, actor, meetingId, { before, after: [...before, entry] }, requestId);
  });
}

export async function removeAttendee(
  deps: ScrutinyDeps,
  actor: Actor,
  meetingId: number,
  attendanceId: number,
  requestId?: string,
) {
  await requireManagedMeeting(deps, actor, meetingId);
  await deps.db.transaction().execute(async (trx) => {
    const rows = await listAttendanceValues(trx, meetingId);
    if (!rows.some((row) => row.id === attendanceId))
      throw new NotFoundError('There is no such person on this meeting’s attendance');
    const before = await snapshot(trx, meetingId);
    await deleteAttendance(trx, meetingId, [attendanceId]);
    await auditAttendance(
      trx,
      actor,
      meetingId,
      { before, after: await snapshot(trx, meetingId) },
      requestId,
    );
  });
}
