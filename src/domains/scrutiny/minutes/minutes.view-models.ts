import type { z } from 'zod';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { paragraphs } from '../../../kernel/formats/words.ts';
import { toLondonIso } from '../questions/questions.deadline.ts';
import { meetingDay } from '../scrutiny.context.ts';
import type { AgendaItemRow } from '../scrutiny.queries.ts';
import { exemptReason, MEETING_STATUS_LABELS, meetingWhen } from '../scrutiny.view-models.ts';
import type { MinutesJson } from '../scrutiny-records.schemas.ts';
import type { DecisionKind } from '../scrutiny-records.tables.ts';
import type { MinutesService } from './minutes.service.ts';
import type { MinuteItemWithDetail } from './minutes.steps.ts';

type MinutesRead = Awaited<ReturnType<MinutesService['readMinutes']>>;

export const DECISION_LABELS: Record<DecisionKind, string> = {
  resolved: 'Resolved',
  recommended: 'Recommended',
  noted: 'Noted',
};

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
        position: decision.position,
        kind: DECISION_LABELS[decision.kind],
        recommended: decision.kind === 'recommended',
        text: decision.text,
        ledger: decision.ledger
          ? { reference: decision.ledger.reference, url: `/scrutiny/recommendations/${decision.ledger.id}` }
          : null,
      })),
      actions: item.actions.map((action) => ({
        position: action.position,
        text: action.text,
        owner: action.owner,
        due: action.dueOn ? formatDate(action.dueOn) : null,
        done: action.doneOn ? formatDate(action.doneOn) : null,
      })),
    })),
  };
}

export function agendaOptions(items: AgendaItemRow[]) {
  return [
    { value: '', text: 'Not linked to an agenda item' },
    ...items.map((item) => ({ value: String(item.id), text: `${item.position}. ${item.title}` })),
  ];
}

/** A draft item as its edit form shows it: the saved values, and each decision with its own form. */
export function toItemEditView(item: MinuteItemWithDetail) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    saved: {
      title: item.title,
      text: item.text ?? '',
      agendaItem: item.agendaItemId === null ? '' : String(item.agendaItemId),
      exemptParagraph: item.exemptParagraph === null ? '' : String(item.exemptParagraph),
    },
    decisions: item.decisions.map((decision) => ({
      position: decision.position,
      kind: decision.kind,
      text: decision.text,
      ledger: decision.ledger
        ? { reference: decision.ledger.reference, url: `/scrutiny/recommendations/${decision.ledger.id}` }
        : null,
    })),
  };
}

type ActionRead = Awaited<ReturnType<MinutesService['readAction']>>;

export function toActionEditView(read: ActionRead) {
  return {
    item: { id: read.item.id, number: read.item.number, title: read.item.title },
    action: {
      position: read.action.position,
      text: read.action.text,
      owner: read.action.owner,
      due: read.action.dueOn ? formatDate(read.action.dueOn) : null,
      done: read.action.doneOn ? formatDate(read.action.doneOn) : null,
    },
    values: { dueOn: read.action.dueOn ?? '', doneOn: read.action.doneOn ?? '' },
  };
}

/** What a scrutiny officer chooses from when adding to or approving minutes. */
export function toMinutesFormOptions(read: MinutesRead) {
  return {
    nextNumber: read.nextNumber,
    agendaOptions: agendaOptions(read.agendaItems),
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
export function toMinutesJson(read: MinutesRead): z.input<typeof MinutesJson> {
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
