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

const meetingLink = (baseUrl: string, meeting: MeetingRef) => `${baseUrl}/meetings/${meeting.id}`;

/** The acknowledgement a questioner gets when the question is saved. */
export function questionReceivedMessage(
  question: AskedQuestion,
  meeting: MeetingRef,
  deadline: QuestionDeadline,
  baseUrl: string,
): OutgoingMessage {
  return {
    recipient: question.askerEmail,
    subject: `Your question for ${meeting.title} has been received`,
    bodyText: [
      `Dear ${question.askerName},`,
      '',
      `The panel received your question for ${meeting.title}. Questions closed, or close, at ${deadlineInWords(deadline)}.`,
      'The scrutiny officer will decide whether the question is put at the meeting, and we will email you the decision.',
      '',
      'Your question:',
      question.text,
      '',
      `The meeting: ${meetingLink(baseUrl, meeting)}`,
    ].join('\n'),
  };
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
  return {
    recipient: question.askerEmail,
    subject: `Your question for ${meeting.title}: ${words.subject}`,
    bodyText: [
      `Dear ${question.askerName},`,
      '',
      words.body,
      ...(decision.reason ? ['', `Reason: ${decision.reason}`] : []),
      '',
      'Your question:',
      question.text,
      '',
      `The meeting: ${meetingLink(baseUrl, meeting)}`,
    ].join('\n'),
  };
}
