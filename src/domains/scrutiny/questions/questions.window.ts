import type { MeetingRow, QuestionRulesRow } from '../scrutiny.queries.ts';
import { deadlineInWords, isInTime, type QuestionDeadline, questionDeadline } from './questions.deadline.ts';

/** Meetings past these statuses take no more questions. */
export const CLOSED_STATUSES = new Set(['held', 'minutes-approved', 'cancelled']);

/** The last moment to send a question to the meeting, or null when its body has no public question scheme. */
export function deadlineFor(meeting: MeetingRow, rules: QuestionRulesRow | undefined) {
  return rules ? questionDeadline(meeting.startsAt, rules) : null;
}

/** Whether the public may still send questions, and if not, why not. */
export function questionWindow(meeting: MeetingRow, deadline: QuestionDeadline | null, now: Date) {
  if (!deadline) return { open: false, reason: `${meeting.bodyName} takes no public questions.` };
  if (CLOSED_STATUSES.has(meeting.status))
    return {
      open: false,
      reason: `This meeting is ${meeting.status === 'cancelled' ? 'cancelled' : 'over'}.`,
    };
  if (!isInTime(now, deadline))
    return { open: false, reason: `Questions closed at ${deadlineInWords(deadline)}.` };
  return { open: true, reason: null };
}
