import type { Actor } from '../../../kernel/auth/actor.ts';
import { meetingCalendarUrl, PROGRAMME_CALENDAR_URL } from '../api/api.view-models.ts';
import { toAttendanceGroups } from '../attendance/attendance.view-models.ts';
import { toDeclarationsView } from '../interests/interests.view-models.ts';
import { toPaperGroups } from '../papers/papers.view-models.ts';
import type { AgendaItemRow, MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';

/**
 * What the meeting page shows beyond its agenda: the papers, who attended and what they declared (once the
 * meeting is held, or to its officer before), and links to the agenda pack, the calendar files and the
 * register of interests.
 */
export async function meetingPageRecords(
  scrutiny: ScrutinyService,
  actor: Actor,
  read: { meeting: MeetingRow; items: AgendaItemRow[]; canManage: boolean },
) {
  const { meeting } = read;
  const [papers, attendance, declarations] = await Promise.all([
    scrutiny.papers.listPapers(actor, meeting),
    scrutiny.attendance.listMeetingAttendance(actor, meeting),
    scrutiny.interests.listMeetingDeclarations(actor, meeting),
  ]);
  return {
    records: {
      paperGroups: toPaperGroups(read.items, papers),
      attendance: attendance ? { groups: toAttendanceGroups(attendance) } : null,
      declarations: declarations ? { list: toDeclarationsView(declarations) } : null,
      links: {
        pack: `/meetings/${meeting.id}/pack`,
        calendar: meetingCalendarUrl(meeting.id),
        programme: PROGRAMME_CALENDAR_URL,
        register: `/panels/${meeting.bodySlug}/interests`,
        upload: `/meetings/${meeting.id}/papers/new`,
        attendance: `/meetings/${meeting.id}/attendance`,
      },
      canManage: read.canManage,
    },
  };
}
