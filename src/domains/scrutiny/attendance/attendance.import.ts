import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import { deleteDeclarations, insertDeclaration, listDeclarations } from '../interests/interests.queries.ts';
import { recordsAccess, type ScrutinyDeps } from '../scrutiny.context.ts';
import {
  findMeetingByStart,
  listAgendaItems,
  listMembersByBody,
  type MemberRow,
} from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { MemberAttendanceKind } from '../scrutiny-attendance.tables.ts';
import type { AttendanceFile, MeetingRecordEntry } from './attendance.file-schema.ts';
import { memberEntry } from './attendance.record.ts';
import { type Entry, replaceAttendance, snapshot } from './attendance.steps.ts';

/**
 * Loads an attendance file (who attended each meeting, and what was declared) as one transaction. A
 * meeting is found by its date and time; a member by their exact name on the panel's list. Loading the
 * same file again changes and audits nothing.
 */
export async function importAttendanceFile(deps: ScrutinyDeps, actor: Actor, file: AttendanceFile) {
  const { db } = deps;
  const body = await deps.findBody(file.body);
  if (!bodyHas(body, 'meetings'))
    throw new ValidationError([{ field: 'body', message: `names ${file.body}, which holds no meetings` }]);
  recordsAccess(deps.policy).requireManage(actor, body.id);
  const members = await listMembersByBody(db, body.id);
  return db.transaction().execute(async (trx) => {
    let changes = 0;
    for (const [index, entry] of file.meetings.entries()) {
      const path = `meetings.${index}`;
      const meeting = await findMeetingByStart(trx, body.id, londonDateTimeToInstant(entry.date, entry.time));
      if (!meeting)
        throw new ValidationError([
          { field: `${path}.date`, message: `the panel has no meeting at ${entry.time} on ${entry.date}` },
        ]);
      const change = {
        before: await snapshot(trx, meeting.id),
        after: attendanceEntries(entry, members, path),
      };
      if (await replaceAttendance(trx, actor, meeting.id, change)) changes += 1;
      changes += await replaceDeclarations(trx, actor, meeting.id, entry, members, path);
    }
    return { meetings: file.meetings.length, changes };
  });
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
  const member = (kind: MemberAttendanceKind, name: string, field: string): Entry =>
    memberEntry(kind, memberNamed(members, name, field).id);
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
