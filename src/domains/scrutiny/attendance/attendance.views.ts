import type { FormProblem } from '../../../kernel/http/form-route.ts';
import { type PageModel, view } from '../../../kernel/http/views.ts';
import type { options, toDeclarationsView } from '../interests/interests.view-models.ts';
import type { agendaItemOptions } from '../papers/papers.view-models.ts';
import type { toMeetingSummary } from '../scrutiny.view-models.ts';
import type { memberOptions, toMemberAttendanceForm, toNamedAttendees } from './attendance.view-models.ts';

type Values = Record<string, unknown>;

export interface AttendancePage extends PageModel, Partial<Omit<FormProblem, 'values' | 'errors'>> {
  meeting: ReturnType<typeof toMeetingSummary>;
  memberRows: ReturnType<typeof toMemberAttendanceForm>;
  namedPeople: ReturnType<typeof toNamedAttendees>;
  /** What was typed in the form adding a person, after a mistake. */
  people: Values;
  attendeeKinds: ReturnType<typeof options>;
  substituteOptions: ReturnType<typeof memberOptions>;
  declarations: ReturnType<typeof toDeclarationsView>;
  /** What was typed in the form recording a declaration, after a mistake. */
  declaration: Values;
  declarationMembers: ReturnType<typeof memberOptions>;
  declarationItems: ReturnType<typeof agendaItemOptions>;
  declarationKinds: ReturnType<typeof options>;
  participations: ReturnType<typeof options>;
}

/** The officer's attendance and declarations page, bound to the model it is rendered with. */
export const attendanceViews = {
  attendance: view<AttendancePage>('scrutiny/attendance/views/attendance.njk'),
};
