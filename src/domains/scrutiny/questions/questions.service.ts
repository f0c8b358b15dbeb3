import { recordChange } from '../../../kernel/audit/audit.ts';
import { type Actor, systemActor } from '../../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { queueMessage } from '../../accounts/index.ts';
import { recordsAccess, requireMeeting, type ScrutinyDeps } from '../scrutiny.context.ts';
import {
  countQuestionsByAsker,
  findQuestionById,
  findQuestionRules,
  insertQuestion,
  listQuestionsByMeeting,
  type MeetingRow,
  updateQuestionDecision,
} from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { deadlineInWords, describeNoticeRule } from './questions.deadline.ts';
import { questionDecidedMessage, questionReceivedMessage } from './questions.messages.ts';
import type { DecisionForm, QuestionForm } from './questions.schemas.ts';
import { CLOSED_STATUSES, deadlineFor, questionWindow } from './questions.window.ts';

/** Who submissions from the public form are recorded as in the audit trail (no account is needed). */
const PUBLIC_FORM = systemActor('public question form');

type QuestionsContext = ScrutinyDeps & { access: ReturnType<typeof recordsAccess> };
type Question = Omit<QuestionForm, 'website'>;

/**
 * The rules a question must meet, or the mistake it makes: the meeting must still take questions (its body
 * has a scheme, it is not over, the deadline has not passed), and the question must be no longer than the
 * scheme allows and no more than it lets one person ask at a meeting.
 */
async function checkQuestion(trx: Db, meeting: MeetingRow, form: Question, submittedAt: Date) {
  const rules = await findQuestionRules(trx, meeting.bodyId);
  const deadline = deadlineFor(meeting, rules);
  const window = questionWindow(meeting, deadline, submittedAt);
  // Not a mistake in the question: there is no form to correct, as the body has no scheme.
  if (!rules || !deadline) throw new ConflictError(window.reason ?? 'This meeting takes no questions.');
  if (!window.open) {
    const message = CLOSED_STATUSES.has(meeting.status)
      ? (window.reason ?? 'This meeting takes no questions.')
      : `Questions for this meeting had to be sent by ${deadlineInWords(deadline)} (${describeNoticeRule(rules)}). This question is late.`;
    throw new ValidationError([{ field: 'text', message }]);
  }
  if (form.text.length > rules.maxQuestionLength)
    throw new ValidationError([
      { field: 'text', message: `Question must be ${rules.maxQuestionLength} characters or fewer` },
    ]);
  if (rules.maxQuestionsPerPerson !== null) {
    const asked = await countQuestionsByAsker(trx, meeting.id, form.email);
    if (asked >= rules.maxQuestionsPerPerson)
      throw new ValidationError([
        {
          field: 'email',
          message: `${meeting.bodyName} allows ${rules.maxQuestionsPerPerson} question${rules.maxQuestionsPerPerson === 1 ? '' : 's'} per person at each meeting, and this email address has already sent ${asked}`,
        },
      ]);
  }
  return deadline;
}

/** A question from the public, refused with nothing saved when it breaks the body's scheme (checkQuestion). */
async function submitQuestion(
  context: QuestionsContext,
  meetingId: number,
  form: Question,
  requestId?: string,
) {
  const submittedAt = context.now();
  return context.db.transaction().execute(async (trx) => {
    const meeting = await requireMeeting(trx, meetingId);
    const deadline = await checkQuestion(trx, meeting, form, submittedAt);
    const id = await insertQuestion(trx, {
      meetingId,
      askerName: form.name,
      askerEmail: form.email,
      text: form.text,
      submittedAt,
    });
    // The audit trail records that a question arrived, not who sent it: the email stays in one place.
    await recordChange(
      trx,
      PUBLIC_FORM,
      { type: 'public_question', id },
      undefined,
      { meetingId, status: 'received' },
      requestId,
    );
    const asker = { askerName: form.name, askerEmail: form.email, text: form.text };
    await queueMessage(trx, questionReceivedMessage(asker, meeting, deadline, context.baseUrl));
    return { id, deadline };
  });
}

/** The questions sent for a meeting, with the askers' contact details: for its officer only. */
async function listQuestions(context: QuestionsContext, actor: Actor, meetingId: number) {
  const meeting = await requireMeeting(context.db, meetingId);
  context.access.requireManage(actor, meeting.bodyId);
  return { meeting, questions: await listQuestionsByMeeting(context.db, meetingId) };
}

/** Accepts a question, rejects it (a reason is required), or refers it to the force as operational. */
async function decideQuestion(
  context: QuestionsContext,
  actor: Actor,
  question: { meetingId: number; questionId: number },
  decision: DecisionForm,
  requestId?: string,
) {
  const { db, access } = context;
  const { meetingId, questionId } = question;
  const meeting = await requireMeeting(db, meetingId);
  access.requireManage(actor, meeting.bodyId);
  if (decision.status === 'rejected' && !decision.reason)
    throw new ValidationError([{ field: 'reason', message: 'Enter the reason for rejecting the question' }]);
  return db.transaction().execute(async (trx) => {
    const found = await findQuestionById(trx, questionId);
    if (!found || found.meetingId !== meetingId) throw new NotFoundError('There is no such question');
    await updateQuestionDecision(trx, questionId, { ...decision, decidedAt: context.now() });
    await recordChange(
      trx,
      actor,
      { type: 'public_question', id: questionId },
      { status: found.status, reason: found.reason },
      { status: decision.status, reason: decision.reason },
      requestId,
    );
    await queueMessage(trx, questionDecidedMessage(found, meeting, decision, context.baseUrl));
  });
}

/** Public questions: sent by anyone while a meeting takes them, then accepted, rejected or referred by its officer. */
export function createQuestionsService(deps: ScrutinyDeps) {
  const context: QuestionsContext = { ...deps, access: recordsAccess(deps.policy) };
  return {
    submitQuestion: (meetingId: number, form: Question, requestId?: string) =>
      submitQuestion(context, meetingId, form, requestId),
    listQuestions: (actor: Actor, meetingId: number) => listQuestions(context, actor, meetingId),
    decideQuestion: (
      actor: Actor,
      meetingId: number,
      questionId: number,
      decision: DecisionForm,
      requestId?: string,
    ) => decideQuestion(context, actor, { meetingId, questionId }, decision, requestId),
  };
}
