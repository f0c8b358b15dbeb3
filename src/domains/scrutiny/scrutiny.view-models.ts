import { londonDateTimeOf } from '../../kernel/calendar/index.ts';
import { formatDateWithWeekday } from '../../kernel/formats/dates.ts';
import { isMeetingChangeable } from './meetings/agenda.ts';
import { deadlineInWords, type QuestionDeadline, toLondonIso } from './questions/questions.deadline.ts';
import { meetingPaths } from './scrutiny.paths.ts';
import type { AgendaItemRow, MeetingRow, MemberRow, QuestionRulesRow } from './scrutiny.queries.ts';
import type { MeetingStatus, MemberRole } from './scrutiny.tables.ts';

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  'agenda-published': 'Agenda published',
  held: 'Held',
  'minutes-approved': 'Minutes approved',
  cancelled: 'Cancelled',
};

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  'co-opted-independent': 'Co-opted independent member',
};

/** Schedule 12A to the Local Government Act 1972, Part 1: the descriptions of exempt information, briefly. */
export const EXEMPT_PARAGRAPHS: Record<number, string> = {
  1: 'information about a particular person',
  2: 'information likely to identify a person',
  3: 'financial or business affairs',
  4: 'labour relations consultations or negotiations',
  5: 'legal professional privilege',
  6: 'notices, orders or directions under an enactment',
  7: 'the prevention, investigation or prosecution of crime',
};

/** The choice between public and each exempt paragraph, for forms. */
export const EXEMPT_OPTIONS = [
  { value: '', text: 'Public' },
  ...Object.entries(EXEMPT_PARAGRAPHS).map(([paragraph, words]) => ({
    value: paragraph,
    text: `Exempt: paragraph ${paragraph}, ${words}`,
  })),
];

export function exemptReason(paragraph: number | null): string | null {
  if (paragraph === null) return null;
  return `Exempt: Local Government Act 1972, Schedule 12A, paragraph ${paragraph} (${EXEMPT_PARAGRAPHS[paragraph]})`;
}

/**
 * How long a meeting is taken to last where nobody has recorded its end, for the iCalendar feeds (which need
 * an end) and said so on the meeting forms: two hours, as the Thames Valley Panel's meetings run (its minutes
 * of 21 October 2016 record 11am to 1pm; the agenda of 16 December 2016 is timed from 11am to 1pm). It is
 * never stored: the record keeps only an end someone has given.
 */
export const DEFAULT_MEETING_HOURS = 2;

/** When a meeting ends: as recorded, or its start plus the default duration. */
export function meetingEndOrDefault(meeting: Pick<MeetingRow, 'startsAt' | 'endsAt'>): Date {
  return meeting.endsAt ?? new Date(meeting.startsAt.getTime() + DEFAULT_MEETING_HOURS * 3_600_000);
}

/**
 * "Friday 16 December 2016 at 11:00am" — a meeting's start, London time; with a recorded end, "Friday
 * 21 October 2016, 11:00am to 1:00pm".
 */
export function meetingWhen(startsAt: Date, endsAt: Date | null = null): string {
  const { date, time } = londonDateTimeOf(startsAt);
  const day = formatDateWithWeekday(date);
  if (!endsAt) return `${day} at ${clockTime(time)}`;
  return `${day}, ${clockTime(time)} to ${clockTime(londonDateTimeOf(endsAt).time)}`;
}

/** '11:05' → '11:05am', '13:00' → '1:00pm', '12:00' → 'midday'. */
export function clockTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (hours === 12 && minutes === 0) return 'midday';
  if (hours === 0 && minutes === 0) return 'midnight';
  const suffix = hours < 12 ? 'am' : 'pm';
  return `${hours % 12 || 12}:${String(minutes).padStart(2, '0')}${suffix}`;
}

export function toMeetingSummary(meeting: MeetingRow) {
  return {
    id: meeting.id,
    title: meeting.title,
    bodyName: meeting.bodyName,
    when: meetingWhen(meeting.startsAt, meeting.endsAt),
    venue: meeting.venue,
    status: MEETING_STATUS_LABELS[meeting.status],
    url: meetingPaths.meeting({ id: meeting.id }),
    changeable: isMeetingChangeable(meeting),
  };
}

export function toAgendaView(items: AgendaItemRow[], meeting?: Pick<MeetingRow, 'id'>) {
  return items.map((item, index) => ({
    url: meeting ? meetingPaths.agendaItem({ id: meeting.id, itemId: item.id }) : null,
    first: index === 0,
    last: index === items.length - 1,
    position: item.position,
    slot: item.slotTime ? clockTime(item.slotTime) : null,
    title: item.title,
    purpose: item.purpose,
    lead: item.lead,
    exempt: exemptReason(item.exemptParagraph),
  }));
}

export function toMembersView(members: MemberRow[]) {
  const order: MemberRole[] = ['chair', 'vice-chair', 'member', 'co-opted-independent'];
  return [...members]
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name))
    .map((member) => ({
      id: member.id,
      name: member.name,
      role: MEMBER_ROLE_LABELS[member.role],
      nominatedBy: member.nominatingAuthority,
    }));
}

export function toDeadlineView(deadline: QuestionDeadline | null, rules: QuestionRulesRow | null) {
  if (!deadline || !rules) return null;
  return {
    words: deadlineInWords(deadline),
    basis: deadline.basis,
    minutesAllowed: rules.minutesAllowed,
    maxQuestionsPerPerson: rules.maxQuestionsPerPerson,
    maxQuestionLength: rules.maxQuestionLength,
  };
}

/** The meeting as the public API shows it: names after OParl 1.1's Meeting and AgendaItem where they fit. */
export function toMeetingJson(read: {
  meeting: MeetingRow;
  items?: AgendaItemRow[];
  deadline: QuestionDeadline | null;
  rules?: QuestionRulesRow | null;
  window: { open: boolean };
}) {
  const { meeting } = read;
  return {
    id: meeting.id,
    type: 'Meeting' as const,
    name: meeting.title,
    organization: { slug: meeting.bodySlug, name: meeting.bodyName },
    start: toLondonIso(meeting.startsAt),
    location: meeting.venue,
    meetingState: meeting.status,
    cancelled: meeting.status === 'cancelled',
    url: meetingPaths.apiMeeting({ id: meeting.id }),
    web: meetingPaths.meeting({ id: meeting.id }),
    publicQuestions: read.deadline
      ? {
          deadline: read.deadline.iso,
          rule: read.deadline.basis,
          open: read.window.open,
          ...(read.rules
            ? {
                minutesAllowed: read.rules.minutesAllowed,
                maxQuestionsPerPerson: read.rules.maxQuestionsPerPerson,
                maxLength: read.rules.maxQuestionLength,
              }
            : {}),
        }
      : null,
    ...(read.items
      ? {
          agendaItem: read.items.map((item) => ({
            type: 'AgendaItem' as const,
            number: String(item.position),
            order: item.position,
            start: item.slotTime,
            name: item.title,
            purpose: item.purpose,
            lead: item.lead,
            public: item.exemptParagraph === null,
            exemptReason: exemptReason(item.exemptParagraph),
          })),
        }
      : {}),
  };
}
