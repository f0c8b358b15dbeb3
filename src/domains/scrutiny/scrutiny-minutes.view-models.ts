import { formatDate } from '../../kernel/formats/dates.ts';
import { toLondonIso } from './scrutiny.deadline.ts';
import { exemptReason, MEETING_STATUS_LABELS, meetingWhen } from './scrutiny.view-models.ts';
import type { MinutesService } from './scrutiny-minutes.service.ts';
import { meetingDay } from './scrutiny-records.context.ts';
import type { DecisionKind } from './scrutiny-records.tables.ts';

type MinutesRead = Awaited<ReturnType<MinutesService['readMinutes']>>;

export const DECISION_LABELS: Record<DecisionKind, string> = {
  resolved: 'Resolved',
  recommended: 'Recommended',
  noted: 'Noted',
};

/** Blank lines separate a minute's paragraphs. */
export function paragraphs(text: string | null): string[] {
  return text ? text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()) : [];
}

export function toMinutesView(read: MinutesRead) {
  return {
    state: read.state,
    readable: read.readable,
    approvedAt: read.approvedAt
      ? { day: meetingDay(read.approvedAt.startsAt), url: `/meetings/${read.approvedAt.id}` }
      : null,
    items: read.items.map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      paragraphs: paragraphs(item.text),
      withheld: item.withheld,
      exempt: exemptReason(item.exemptParagraph),
      decisions: item.decisions.map((decision) => ({
        kind: DECISION_LABELS[decision.kind],
        text: decision.text,
      })),
      actions: item.actions.map((action) => ({
        text: action.text,
        owner: action.owner,
        due: action.dueOn ? formatDate(action.dueOn) : null,
        done: action.doneOn ? formatDate(action.doneOn) : null,
      })),
    })),
  };
}

/** What a scrutiny officer chooses from when adding to or approving minutes. */
export function toMinutesFormOptions(read: MinutesRead) {
  return {
    nextNumber: read.nextNumber,
    agendaOptions: [
      { value: '', text: 'Not linked to an agenda item' },
      ...read.agendaItems.map((item) => ({
        value: String(item.id),
        text: `${item.position}. ${item.title}`,
      })),
    ],
    approvalOptions: [
      { value: '', text: 'Select the meeting' },
      ...read.approvalChoices.map((meeting) => ({
        value: String(meeting.id),
        text: `${meeting.title} (${meetingWhen(meeting.startsAt)}, ${MEETING_STATUS_LABELS[meeting.status]})`,
      })),
    ],
  };
}

/** Published minutes as JSON: items in order with their decisions and actions; exempt items name only their reason. */
export function toMinutesJson(read: MinutesRead) {
  return {
    meeting: {
      id: read.meeting.id,
      url: `/api/v1/meetings/${read.meeting.id}`,
      start: toLondonIso(read.meeting.startsAt),
    },
    state: read.state,
    approvedAt: read.approvedAt
      ? { meeting: read.approvedAt.id, start: toLondonIso(read.approvedAt.startsAt) }
      : null,
    items: read.items.map((item) => ({
      number: item.number,
      title: item.title,
      text: item.text,
      public: item.exemptParagraph === null,
      exemptReason: exemptReason(item.exemptParagraph),
      decisions: item.decisions.map(({ kind, text }) => ({ kind, text })),
      actions: item.actions.map(({ text, owner, dueOn, doneOn }) => ({
        text,
        owner,
        due: dueOn,
        done: doneOn,
      })),
    })),
  };
}
