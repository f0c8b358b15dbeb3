import type { Actor } from '../../../kernel/auth/actor.ts';
import { financialQuarter, packPaths } from '../../packs/index.ts';
import { toAttendanceGroups } from '../attendance/attendance.view-models.ts';
import { kindHas } from '../bodies.ts';
import { toDeclarationsView } from '../interests/interests.view-models.ts';
import { toPaperGroups } from '../papers/papers.view-models.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
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
  const [papers, performancePacks, attendance, declarations] = await Promise.all([
    scrutiny.papers.listPapers(actor, meeting),
    scrutiny.papers.listPerformancePacks(meeting.id),
    scrutiny.attendance.listMeetingAttendance(actor, meeting),
    scrutiny.interests.listMeetingDeclarations(actor, meeting),
  ]);
  return {
    records: {
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
