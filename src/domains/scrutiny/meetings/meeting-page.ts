import type { Actor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { financialQuarter, packPaths } from '../../packs/index.ts';
import { toAttendanceGroups } from '../attendance/attendance.view-models.ts';
import { kindHas } from '../bodies.ts';
import { toDeclarationsView } from '../interests/interests.view-models.ts';
import { toPaperGroups } from '../papers/papers.view-models.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import type { AgendaItemRow, MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';

/** Public records of a force area dated from one day to another, newest first: the search's views, by date. */
export type RecordsBetween = (
  forceAreaId: number,
  range: { from: string; to: string },
) => Promise<{ label: string; url: string; title: string; dated: string }[]>;

/**
 * What "since the last meeting" lists: what was decided, answered or tabled between two meetings, and the
 * measures whose judgement moved.
 */
export const SINCE_LAST_MEETING_KINDS = ['decision', 'recommendation', 'paper', 'judgement-change'] as const;
/** Enough for a quarter between meetings; the page says when there may be more. */
export const SINCE_LAST_MEETING_LIMIT = 50;

/**
 * Since the body's previous meeting: the decisions published, recommendations answered and papers tabled
 * from the day after it up to the day before this one (or today, for a meeting still to come), so members
 * arrive knowing what changed. Null for a body's first meeting or a body outside any force area.
 */
async function sinceLastMeeting(
  recordsBetween: RecordsBetween,
  read: { meeting: MeetingRow; previous: MeetingRow | null },
  today: string,
) {
  const { meeting, previous } = read;
  if (!previous || meeting.bodyForceAreaId === null) return null;
  const from = addDays(londonDateOf(previous.startsAt), 1);
  const dayBefore = addDays(londonDateOf(meeting.startsAt), -1);
  const to = dayBefore < today ? dayBefore : today;
  const records = from <= to ? await recordsBetween(meeting.bodyForceAreaId, { from, to }) : [];
  return {
    previous: {
      title: previous.title,
      url: meetingPaths.meeting({ id: previous.id }),
      date: formatDate(londonDateOf(previous.startsAt)),
    },
    records: records.map((record) => ({ ...record, date: formatDate(record.dated) })),
    mayBeMore: records.length >= SINCE_LAST_MEETING_LIMIT,
  };
}

/**
 * What the meeting page shows beyond its agenda: the papers, who attended and what they declared (once the
 * meeting is held, or to its officer before), and links to the agenda pack, the calendar files and the
 * register of interests.
 */
export async function meetingPageRecords(
  scrutiny: ScrutinyService,
  actor: Actor,
  read: { meeting: MeetingRow; previous: MeetingRow | null; items: AgendaItemRow[]; canManage: boolean },
  recordsBetween: RecordsBetween,
) {
  const { meeting } = read;
  const [papers, performancePacks, attendance, declarations, since] = await Promise.all([
    scrutiny.papers.listPapers(actor, meeting),
    scrutiny.papers.listPerformancePacks(meeting.id),
    scrutiny.attendance.listMeetingAttendance(actor, meeting),
    scrutiny.interests.listMeetingDeclarations(actor, meeting),
    sinceLastMeeting(recordsBetween, read, londonDateOf(new Date())),
  ]);
  return {
    records: {
      since,
      paperGroups: toPaperGroups(read.items, papers),
      performancePacks: performancePacks.map((pack) => ({
        url: packPaths.pack({ id: pack.id }),
        text: `Performance pack: ${financialQuarter(pack.financialYear, pack.quarter).label}${pack.edition > 1 ? `, edition ${pack.edition}` : ''}`,
      })),
      attendance: attendance ? { groups: toAttendanceGroups(attendance) } : null,
      declarations: declarations ? { list: toDeclarationsView(declarations) } : null,
      links: {
        pack: meetingPaths.pack({ id: meeting.id }),
        calendar: meetingPaths.calendar({ id: meeting.id }),
        programme: meetingPaths.programmeCalendar(),
        // Only a body with members keeps a register of their interests.
        register: kindHas(meeting.bodyKind, 'members')
          ? meetingPaths.interests({ slug: meeting.bodySlug })
          : null,
        upload: meetingPaths.paperForm({ id: meeting.id }),
        attendance: meetingPaths.attendance({ id: meeting.id }),
      },
      canManage: read.canManage,
    },
  };
}
