import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateTimeOf } from '../../../kernel/calendar/index.ts';
import type { FormProblem } from '../../../kernel/http/form-route.ts';
import { view } from '../../../kernel/http/views.ts';
import type { BodyRef } from '../scrutiny.context.ts';
import type { MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import {
  DEFAULT_MEETING_HOURS,
  EXEMPT_OPTIONS,
  toAgendaView,
  toDeadlineView,
  toMeetingSummary,
  toMembersView,
} from '../scrutiny.view-models.ts';
import { meetingPageRecords, type RecordsBetween } from './meeting-page.ts';

const VIEWS = 'scrutiny/meetings/views';

/** What a form page shows again after a mistake; nothing on its first showing. */
type FormState = Partial<Pick<FormProblem, 'errorList' | 'fieldErrors'>> & {
  values: Record<string, unknown>;
};

function formState(problem: FormProblem | undefined, values: Record<string, unknown> = {}): FormState {
  return problem
    ? { values: problem.values, errorList: problem.errorList, fieldErrors: problem.fieldErrors }
    : { values };
}

type Summary = ReturnType<typeof toMeetingSummary>;

export interface MeetingsPageModel {
  pageTitle: string;
  upcoming: (Summary & { questionsOpen: boolean })[];
  past: (Summary & { questionsOpen: boolean })[];
  canManage: boolean;
  /** How long the feeds take a meeting to be where its end is not recorded, said beside the feed's link. */
  defaultMeetingHours: number;
}
export const MEETINGS_PAGE = view<MeetingsPageModel>(`${VIEWS}/meetings.njk`);

/** The list of meetings, coming ones soonest first and past ones newest first. */
export function toMeetingsPage(
  entries: { meeting: MeetingRow; window: { open: boolean } }[],
  now: Date,
  canManage: boolean,
): MeetingsPageModel {
  const rows = entries.map((entry) => ({
    ...toMeetingSummary(entry.meeting),
    upcoming: entry.meeting.startsAt.getTime() >= now.getTime(),
    questionsOpen: entry.window.open,
  }));
  return {
    pageTitle: 'Meetings',
    upcoming: rows.filter((row) => row.upcoming).reverse(),
    past: rows.filter((row) => !row.upcoming),
    canManage,
    defaultMeetingHours: DEFAULT_MEETING_HOURS,
  };
}

export type MeetingPageModel = Awaited<ReturnType<typeof toMeetingPage>>;
export const MEETING_PAGE = view<MeetingPageModel>(`${VIEWS}/meeting.njk`);

/** A meeting's page: its details, question deadline, agenda, records and members; with the agenda item form. */
export async function toMeetingPage(
  scrutiny: ScrutinyService,
  recordsBetween: RecordsBetween,
  actor: Actor,
  id: number,
  problem?: FormProblem,
) {
  const read = await scrutiny.readMeeting(actor, id);
  return {
    pageTitle: read.meeting.title,
    meeting: toMeetingSummary(read.meeting),
    agenda: toAgendaView(read.items, read.meeting),
    agendaDraft: read.agendaDraft,
    members: toMembersView(read.members),
    deadline: toDeadlineView(read.deadline, read.rules),
    window: read.window,
    canManage: read.canManage,
    ...(await meetingPageRecords(scrutiny, actor, read, recordsBetween)),
    exemptOptions: EXEMPT_OPTIONS,
    ...formState(problem),
  };
}

export interface NewMeetingPageModel extends FormState {
  pageTitle: string;
  bodies: { value: string; text: string }[];
  defaultMeetingHours: number;
}
export const NEW_MEETING_PAGE = view<NewMeetingPageModel>(`${VIEWS}/new-meeting.njk`);

/** The form for a new meeting, offering the bodies whose meetings the actor runs. */
export function toNewMeetingPage(bodies: BodyRef[], problem?: FormProblem): NewMeetingPageModel {
  // One body to choose from is chosen already.
  const only = bodies.length === 1 ? { panel: bodies[0]?.slug } : {};
  return {
    pageTitle: 'Add a meeting',
    bodies: bodies.map((body) => ({ value: body.slug, text: body.name })),
    defaultMeetingHours: DEFAULT_MEETING_HOURS,
    ...formState(problem, only),
  };
}

export interface EditMeetingPageModel extends FormState {
  pageTitle: string;
  meeting: Summary;
  /** The stored date, as `YYYY-MM-DD`, for the date input's boxes before anything is typed. */
  date: string;
  defaultMeetingHours: number;
}
export const EDIT_MEETING_PAGE = view<EditMeetingPageModel>(`${VIEWS}/edit-meeting.njk`);

/** The form to change, reschedule or cancel a meeting: its stored details, or what was typed. */
export function toEditMeetingPage(meeting: MeetingRow, problem?: FormProblem): EditMeetingPageModel {
  const { date, time } = londonDateTimeOf(meeting.startsAt);
  const endTime = meeting.endsAt ? londonDateTimeOf(meeting.endsAt).time : '';
  return {
    pageTitle: `Change ${meeting.title}`,
    meeting: toMeetingSummary(meeting),
    date,
    defaultMeetingHours: DEFAULT_MEETING_HOURS,
    ...formState(problem, { title: meeting.title, time, endTime, venue: meeting.venue }),
  };
}
