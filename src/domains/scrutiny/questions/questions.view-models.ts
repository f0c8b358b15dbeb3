import type { QuestionRow } from '../scrutiny.queries.ts';
import type { QuestionStatus } from '../scrutiny.tables.ts';
import { meetingWhen } from '../scrutiny.view-models.ts';

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  received: 'Received',
  accepted: 'Accepted',
  rejected: 'Rejected',
  'referred-to-force': 'Referred to the force',
};

export function toQuestionRows(questions: QuestionRow[]) {
  return questions.map((question) => ({
    id: question.id,
    askerName: question.askerName,
    askerEmail: question.askerEmail,
    text: question.text,
    submittedAt: meetingWhen(question.submittedAt),
    status: QUESTION_STATUS_LABELS[question.status],
    reason: question.reason,
  }));
}
