import type { z } from 'zod';
import type { CalendarEvent } from '../../../kernel/formats/icalendar.ts';
import type { AttendanceRow } from '../attendance/attendance.queries.ts';
import type { DeclarationRow } from '../interests/interests.queries.ts';
import type { PaperRow } from '../papers/papers.queries.ts';
import { paperUrl } from '../papers/papers.view-models.ts';
import { deadlineInWords, type QuestionDeadline, toLondonIso } from '../questions/questions.deadline.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import type { AgendaItemRow, MeetingRow, QuestionRulesRow } from '../scrutiny.queries.ts';
import {
  exemptReason,
  MEMBER_ROLE_LABELS,
  meetingEndOrDefault,
  toMeetingJson,
} from '../scrutiny.view-models.ts';
import type { AttendanceKind } from '../scrutiny-attendance.tables.ts';
import type { MinutesJson } from '../scrutiny-records.schemas.ts';
import type { MeetingDetailJson, MeetingListJson } from './api.schemas.ts';

/** An uploaded paper as an OParl 1.1 File: what it is, how big, its checksum and where to download it. */
export function toFileJson(paper: PaperRow) {
  const url = paperUrl(paper);
  return {
    id: paper.id,
    type: 'File' as const,
    name: paper.title,
    fileName: paper.fileName,
    mimeType: paper.mediaType,
    size: paper.byteSize,
    sha256Checksum: paper.sha256,
    created: toLondonIso(paper.uploadedAt),
    accessUrl: url,
    downloadUrl: url,
    exemptReason: exemptReason(paper.effectiveExemptParagraph),
  };
}

/** OParl's Meeting.end: the recorded end, or null where none is recorded (the feeds' default is not data). */
function endJson(meeting: MeetingRow): string | null {
  return meeting.endsAt ? toLondonIso(meeting.endsAt) : null;
}

function organizationJson(meeting: MeetingRow) {
  return { type: 'Organization' as const, id: meeting.bodySlug, name: meeting.bodyName };
}

/** A meeting as it appears in the list: names after OParl 1.1's Meeting. */
export function toMeetingListJson(entry: {
  meeting: MeetingRow;
  deadline: QuestionDeadline | null;
  window: { open: boolean };
}): z.input<typeof MeetingListJson>['meetings'][number] {
  return {
    ...toMeetingJson(entry),
    organization: organizationJson(entry.meeting),
    end: endJson(entry.meeting),
    ics: meetingPaths.calendar({ id: entry.meeting.id }),
  };
}

function personJson(row: AttendanceRow, meeting: MeetingRow) {
  if (row.memberId === null)
    return {
      type: 'Person' as const,
      name: row.name,
      status: row.capacity ? [row.capacity] : [],
      ...(row.substituteForName
        ? { substituteFor: { type: 'Person' as const, name: row.substituteForName } }
        : {}),
    };
  return {
    type: 'Person' as const,
    id: row.memberId,
    name: row.name,
    membership: [
      {
        type: 'Membership' as const,
        organization: organizationJson(meeting),
        role: row.memberRole ? MEMBER_ROLE_LABELS[row.memberRole] : null,
        onBehalfOf: row.capacity ? { type: 'Organization' as const, name: row.capacity } : null,
      },
    ],
  };
}

function attendanceJson(rows: AttendanceRow[], meeting: MeetingRow) {
  const of = (kind: AttendanceKind) =>
    rows.filter((row) => row.kind === kind).map((row) => personJson(row, meeting));
  return {
    present: of('present'),
    substitute: of('substitute'),
    apologies: of('apologies'),
    absent: of('absent'),
    officer: of('officer'),
    other: of('other'),
  };
}

function declarationJson(row: DeclarationRow) {
  return {
    person: { type: 'Person' as const, id: row.memberId, name: row.memberName },
    agendaItem: row.agendaItemId,
    kind: row.kind,
    description: row.description,
    participation: row.participation,
  };
}

export interface MeetingRecords {
  papers: PaperRow[];
  /** Null until the meeting has been held (unless the reader is its officer). */
  attendance: AttendanceRow[] | null;
  declarations: DeclarationRow[] | null;
  /** Null until a later meeting has approved the minutes. */
  minutes: z.input<typeof MinutesJson> | null;
}

/**
 * One meeting with everything published about it: agenda items with their papers (OParl's auxiliaryFile),
 * the public question deadline, and once the meeting has been held its attendance (participant, as OParl
 * names those who took part) and declarations of interest; `minutes` stays null until they are published.
 */
export function toMeetingDetailJson(
  read: {
    meeting: MeetingRow;
    items: AgendaItemRow[];
    deadline: QuestionDeadline | null;
    rules: QuestionRulesRow | null;
    window: { open: boolean };
  },
  records: MeetingRecords,
): z.input<typeof MeetingDetailJson> {
  const base = toMeetingJson(read);
  const filesFor = (itemId: number | null) =>
    records.papers.filter((paper) => paper.agendaItemId === itemId).map(toFileJson);
  return {
    ...base,
    organization: organizationJson(read.meeting),
    end: endJson(read.meeting),
    ics: meetingPaths.calendar({ id: read.meeting.id }),
    agendaPack: meetingPaths.pack({ id: read.meeting.id }),
    auxiliaryFile: filesFor(null),
    agendaItem: (base.agendaItem ?? []).map((item, index) => {
      const id = read.items[index]?.id ?? null;
      return { id, ...item, auxiliaryFile: filesFor(id) };
    }),
    participant: records.attendance
      ? records.attendance
          .filter((row) => row.kind === 'present' || row.kind === 'substitute')
          .map((row) => personJson(row, read.meeting))
      : null,
    attendance: records.attendance ? attendanceJson(records.attendance, read.meeting) : null,
    declarations: records.declarations ? records.declarations.map(declarationJson) : null,
    minutes: records.minutes ?? null,
  };
}

/**
 * A meeting as a calendar event, at its London time, pointing back to its page; it ends when recorded, or
 * after the default duration (DEFAULT_MEETING_HOURS).
 */
export function toMeetingEvent(
  entry: { meeting: MeetingRow; deadline: QuestionDeadline | null },
  baseUrl: string,
): CalendarEvent {
  const { meeting, deadline } = entry;
  const lines = [meeting.bodyName];
  if (deadline && meeting.status !== 'cancelled')
    lines.push(`Public questions must be sent by ${deadlineInWords(deadline)}.`);
  lines.push(`Agenda and papers: ${baseUrl}${meetingPaths.meeting({ id: meeting.id })}`);
  return {
    uid: `meeting-${meeting.id}`,
    start: meeting.startsAt,
    end: meetingEndOrDefault(meeting),
    summary: meeting.title,
    location: meeting.venue,
    description: lines.join('\n'),
    url: `${baseUrl}${meetingPaths.meeting({ id: meeting.id })}`,
    cancelled: meeting.status === 'cancelled',
  };
}
