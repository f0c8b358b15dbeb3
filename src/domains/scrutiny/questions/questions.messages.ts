import type { OutgoingMessage } from '../../accounts/index.ts';
import type { QuestionStatus } from '../scrutiny.tables.ts';
import { deadlineInWords, type QuestionDeadline } from './questions.deadline.ts';

/** What a questioner needs to know to find their question again: the meeting and the words they sent. */
interface AskedQuestion {
  askerName: string;
  askerEmail: string;
  text: string;
}

interface MeetingRef {
  id: number;
  title: string;
}

/** A message to the questioner: what there is to say, then their question and the link to the meeting. */
function toAsker(
  question: AskedQuestion,
  meeting: MeetingRef,
  baseUrl: string,
  subject: string,
  news: string[],
): OutgoingMessage {
  return {
    recipient: question.askerEmail,
    subject,
    bodyText: [
      `Dear ${question.askerName},`,
      '',
      ...news,
      '',
      'Your question:',
      question.text,
      '',
      `The meeting: ${baseUrl}/meetings/${meeting.id}`,
    ].join('\n'),
  };
}

/** The acknowledgement a questioner gets when the question is saved. */
export function questionReceivedMessage(
  question: AskedQuestion,
  meeting: MeetingRef,
  deadline: QuestionDeadline,
  baseUrl: string,
): OutgoingMessage {
  return toAsker(question, meeting, baseUrl, `Your question for ${meeting.title} has been received`, [
    `The panel received your question for ${meeting.title}. Questions closed, or close, at ${deadlineInWords(deadline)}.`,
    'The scrutiny officer will decide whether the question is put at the meeting, and we will email you the decision.',
  ]);
}

const DECISION_WORDS: Record<Exclude<QuestionStatus, 'received'>, { subject: string; body: string }> = {
  accepted: {
    subject: 'accepted',
    body: 'The scrutiny officer accepted your question: it will be put at the meeting.',
  },
  rejected: {
    subject: 'not accepted',
    body: 'The scrutiny officer did not accept your question for the meeting.',
  },
  'referred-to-force': {
    subject: 'referred to the police force',
    body: 'Your question is about operational policing, which the panel does not oversee, so the scrutiny officer has passed it to the police force to answer.',
  },
};

/** The officer's decision on a question, with the reason when one was given. */
export function questionDecidedMessage(
  question: AskedQuestion,
  meeting: MeetingRef,
  decision: { status: Exclude<QuestionStatus, 'received'>; reason: string | null },
  baseUrl: string,
): OutgoingMessage {
  const words = DECISION_WORDS[decision.status];
  return toAsker(question, meeting, baseUrl, `Your question for ${meeting.title}: ${words.subject}`, [
    words.body,
    ...(decision.reason ? ['', `Reason: ${decision.reason}`] : []),
  ]);
}
