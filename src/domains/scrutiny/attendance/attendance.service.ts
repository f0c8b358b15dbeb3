import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { type FieldError, ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import { deleteDeclarations, insertDeclaration, listDeclarations } from '../interests/interests.queries.ts';
import { isHeld } from '../interests/interests.service.ts';
import type { ScrutinyDeps } from '../scrutiny.context.ts';
import {
  findMeetingById,
  findMeetingByStart,
  listAgendaItems,
  listMembersByBody,
  type MeetingRow,
  type MemberRow,
} from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { MemberAttendanceKind } from '../scrutiny-attendance.tables.ts';
import type { AttendanceFile, MeetingRecordEntry } from './attendance.file-schema.ts';
import {
  type AttendanceRow,
  type AttendanceValues,
  deleteAllAttendance,
  deleteAttendance,
  insertAttendance,
  listAttendance,
  listAttendanceValues,
  nextAttendancePosition,
} from './attendance.queries.ts';
import type { AttendeeForm } from './attendance.schemas.ts';

export type ScrutinyAttendanceService = ReturnType<typeof createScrutinyAttendanceService>;

type Entry = Omit<AttendanceValues, 'meetingId' | 'position'>;

/** A meeting's attendance as the audit trail keeps it: the whole list, in order, without row ids. */
async function snapshot(db: Db, meetingId: number): Promise<Entry[]> {
  const rows = await listAttendanceValues(db, meetingId);
  return rows.map(({ kind, memberId, name, capacity, substituteForMemberId }) => ({
    kind,
    memberId,
    name,
    capacity,
    substituteForMemberId,
  }));
}

/** A meeting's attendance for the audit trail: none recorded is no record, so the first list is a creation. */
const audited = (people: Entry[]) => (people.length > 0 ? { people } : undefined);

/** Writes a meeting's attendance whole, in the order given, and audits the list before and after. */
async function replaceAttendance(
  trx: Db,
  actor: Actor,
  meetingId: number,
  before: Entry[],
  after: Entry[],
  requestId?: string,
): Promise<boolean> {
  if (isDeepStrictEqual(before, after)) return false;
  await deleteAllAttendance(trx, meetingId);
  for (const [index, entry] of after.entries())
    await insertAttendance(trx, { meetingId, ...entry, position: index + 1 });
  await recordChange(
    trx,
    actor,
    { type: 'meeting_attendance', id: meetingId },
    audited(before),
    audited(after),
    requestId,
  );
  return true;
}

/**
 * Who attended a meeting: the panel's members (present, apologies or absent), substitutes standing in for
 * a member, officers supporting the panel, and others present such as the Commissioner. Recorded by the
 * scrutiny officer; public once the meeting has been held.
 */
export function createScrutinyAttendanceService(deps: ScrutinyDeps) {
  const { db, policy } = deps;
  const canManage = (actor: Actor, bodyId: number) => policy.can(actor, 'scrutiny:manage', { bodyId });

  async function requireManagedMeeting(actor: Actor, id: number): Promise<MeetingRow> {
    const meeting = await findMeetingById(db, id);
    if (!meeting) throw new NotFoundError('There is no such meeting');
    if (!canManage(actor, meeting.bodyId)) throw new ForbiddenError();
    return meeting;
  }

  /** A meeting's attendance for those who may see it now: everyone once it is held, else its officer. */
  async function listMeetingAttendance(
    actor: Actor,
    meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>,
  ): Promise<AttendanceRow[] | null> {
    if (!isHeld(meeting) && !canManage(actor, meeting.bodyId)) return null;
    return listAttendance(db, meeting.id);
  }

  /** What the officer's attendance page needs: the meeting, its members, agenda and what is recorded. */
  async function readAttendancePage(actor: Actor, meetingId: number) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    const [members, items, attendance, declarations] = await Promise.all([
      listMembersByBody(db, meeting.bodyId),
      listAgendaItems(db, meetingId),
      listAttendance(db, meetingId),
      listDeclarations(db, meetingId),
    ]);
    return { meeting, members, items, attendance, declarations };
  }

  /**
   * Records each listed member as present, sending apologies, absent, or not recorded, keeping everyone
   * else on the list as they were. A member with a substitute cannot also be present.
   */
  async function recordMemberAttendance(
    actor: Actor,
    meetingId: number,
    choices: Map<number, MemberAttendanceKind | null>,
    requestId?: string,
  ) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    const members = await listMembersByBody(db, meeting.bodyId);
    await db.transaction().execute(async (trx) => {
      const before = await snapshot(trx, meetingId);
      const substituted = new Set(before.map((entry) => entry.substituteForMemberId).filter(Boolean));
      const problems: FieldError[] = [];
      const memberEntries: Entry[] = [];
      for (const member of members) {
        const kind = choices.get(member.id) ?? null;
        if (kind === 'present' && substituted.has(member.id))
          problems.push({
            field: `member-${member.id}`,
            message: `${member.name} has a substitute recorded, so cannot also be present: remove the substitute first`,
          });
        if (kind)
          memberEntries.push({
            kind,
            memberId: member.id,
            name: null,
            capacity: null,
            substituteForMemberId: null,
          });
      }
      if (problems.length > 0) throw new ValidationError(problems);
      const others = before.filter((entry) => entry.memberId === null);
      await replaceAttendance(trx, actor, meetingId, before, [...memberEntries, ...others], requestId);
    });
  }

  /** Adds someone who is not on the member list: a substitute, an officer, another person, or apologies. */
  async function addAttendee(actor: Actor, meetingId: number, form: AttendeeForm, requestId?: string) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    const members = await listMembersByBody(db, meeting.bodyId);
    await db.transaction().execute(async (trx) => {
      const before = await snapshot(trx, meetingId);
      if (form.substituteFor !== null) {
        const member = members.find((candidate) => candidate.id === form.substituteFor);
        if (!member)
          throw new ValidationError([{ field: 'substituteFor', message: 'Select a member of this panel' }]);
        if (before.some((entry) => entry.memberId === member.id && entry.kind === 'present'))
          throw new ValidationError([
            {
              field: 'substituteFor',
              message: `${member.name} is recorded as present, so needs no substitute`,
            },
          ]);
      }
      const entry: Entry = {
        kind: form.attendedAs,
        memberId: null,
        name: form.name,
        capacity: form.capacity,
        substituteForMemberId: form.substituteFor,
      };
      const position = await nextAttendancePosition(trx, meetingId);
      await insertAttendance(trx, { meetingId, ...entry, position });
      await recordChange(
        trx,
        actor,
        { type: 'meeting_attendance', id: meetingId },
        audited(before),
        audited([...before, entry]),
        requestId,
      );
    });
  }

  async function removeAttendee(actor: Actor, meetingId: number, attendanceId: number, requestId?: string) {
    await requireManagedMeeting(actor, meetingId);
    await db.transaction().execute(async (trx) => {
      const rows = await listAttendanceValues(trx, meetingId);
      if (!rows.some((row) => row.id === attendanceId))
        throw new NotFoundError('There is no such person on this meeting’s attendance');
      const before = await snapshot(trx, meetingId);
      await deleteAttendance(trx, meetingId, [attendanceId]);
      await recordChange(
        trx,
        actor,
        { type: 'meeting_attendance', id: meetingId },
        audited(before),
        audited(await snapshot(trx, meetingId)),
        requestId,
      );
    });
  }

  /**
   * Loads an attendance file (who attended each meeting, and what was declared) as one transaction. A
   * meeting is found by its date and time; a member by their exact name on the panel's list. Loading the
   * same file again changes and audits nothing.
   */
  async function importAttendanceFile(actor: Actor, file: AttendanceFile) {
    const body = await deps.findBody(file.body);
    if (!bodyHas(body, 'meetings'))
      throw new ValidationError([
        { field: 'body', message: `names ${file.body}, which is not a scrutiny panel` },
      ]);
    if (!canManage(actor, body.id)) throw new ForbiddenError();
    const members = await listMembersByBody(db, body.id);
    return db.transaction().execute(async (trx) => {
      let changes = 0;
      for (const [index, entry] of file.meetings.entries()) {
        const path = `meetings.${index}`;
        const meeting = await findMeetingByStart(
          trx,
          body.id,
          londonDateTimeToInstant(entry.date, entry.time),
        );
        if (!meeting)
          throw new ValidationError([
            { field: `${path}.date`, message: `the panel has no meeting at ${entry.time} on ${entry.date}` },
          ]);
        const after = attendanceEntries(entry, members, path);
        if (await replaceAttendance(trx, actor, meeting.id, await snapshot(trx, meeting.id), after))
          changes += 1;
        changes += await replaceDeclarations(trx, actor, meeting.id, entry, members, path);
      }
      return { meetings: file.meetings.length, changes };
    });
  }

  return {
    listMeetingAttendance,
    readAttendancePage,
    recordMemberAttendance,
    addAttendee,
    removeAttendee,
    importAttendanceFile,
  };
}

function memberNamed(members: MemberRow[], name: string, field: string): MemberRow {
  const member = members.find((candidate) => candidate.name === name);
  if (!member)
    throw new ValidationError([{ field, message: `${name} is not on the panel's list of members` }]);
  return member;
}

function attendanceEntries(entry: MeetingRecordEntry, members: MemberRow[], path: string): Entry[] {
  const person = (kind: Entry['kind'], name: string, capacity: string | null): Entry => ({
    kind,
    memberId: null,
    name,
    capacity,
    substituteForMemberId: null,
  });
  const member = (kind: MemberAttendanceKind, name: string, field: string): Entry => ({
    kind,
    memberId: memberNamed(members, name, field).id,
    name: null,
    capacity: null,
    substituteForMemberId: null,
  });
  return [
    ...entry.present.map((name, i) => member('present', name, `${path}.present.${i}`)),
    ...entry.apologies.map((who, i) =>
      typeof who === 'string'
        ? member('apologies', who, `${path}.apologies.${i}`)
        : person('apologies', who.name, who.capacity),
    ),
    ...entry.absent.map((name, i) => member('absent', name, `${path}.absent.${i}`)),
    ...entry.substitutes.map((substitute, i) => ({
      ...person('substitute', substitute.name, substitute.capacity),
      substituteForMemberId: memberNamed(members, substitute.for, `${path}.substitutes.${i}.for`).id,
    })),
    ...entry.officers.map((officer) => person('officer', officer.name, officer.capacity)),
    ...entry.others.map((other) => person('other', other.name, other.capacity)),
  ];
}

/** Makes a meeting's declarations those in the file, touching nothing when they already are. */
async function replaceDeclarations(
  trx: Db,
  actor: Actor,
  meetingId: number,
  entry: MeetingRecordEntry,
  members: MemberRow[],
  path: string,
): Promise<number> {
  const items = await listAgendaItems(trx, meetingId);
  const wanted = entry.declarations.map((declaration, i) => {
    const item =
      declaration.item === null ? null : items.find((candidate) => candidate.position === declaration.item);
    if (item === undefined)
      throw new ValidationError([
        {
          field: `${path}.declarations.${i}.item`,
          message: `the meeting has no agenda item ${declaration.item}`,
        },
      ]);
    return {
      meetingId,
      agendaItemId: item?.id ?? null,
      memberId: memberNamed(members, declaration.member, `${path}.declarations.${i}.member`).id,
      kind: declaration.kind,
      description: declaration.description,
      participation: declaration.participation,
    };
  });
  const current = await listDeclarations(trx, meetingId);
  const have = current.map(({ agendaItemId, memberId, kind, description, participation }) => ({
    meetingId,
    agendaItemId,
    memberId,
    kind,
    description,
    participation,
  }));
  // Declarations have no order of their own (the page sorts them by agenda item), so compare as sets.
  const key = (values: object) => JSON.stringify(values);
  if (isDeepStrictEqual(have.map(key).sort(), wanted.map(key).sort())) return 0;
  await deleteDeclarations(
    trx,
    meetingId,
    current.map((row) => row.id),
  );
  for (const [i, row] of current.entries())
    await recordChange(trx, actor, { type: 'interest_declaration', id: row.id }, have[i], undefined);
  for (const values of wanted) {
    const id = await insertDeclaration(trx, values);
    await recordChange(trx, actor, { type: 'interest_declaration', id }, undefined, values);
  }
  return 1;
}
