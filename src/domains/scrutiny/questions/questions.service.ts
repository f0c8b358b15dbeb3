import { recordChange } from '../../../kernel/audit/audit.ts';
import { type Actor, systemActor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { queueMessage } from '../../accounts/index.ts';
import { recordsAccess, requireMeeting as requireMeetingIn, type ScrutinyDeps } from '../scrutiny.context.ts';
import {
  countQuestionsByAsker,
  findQuestionById,
  findQuestionRules,
  insertQuestion,
  listQuestionsByMeeting,
  type QuestionRulesRow,
  updateQuestionDecision,
} from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { deadlineInWords, describeNoticeRule } from './questions.deadline.ts';
import { questionDecidedMessage, questionReceivedMessage } from './questions.messages.ts';
import type { DecisionForm, QuestionForm } from './questions.schemas.ts';
import { CLOSED_STATUSES, deadlineFor, questionWindow } from './questions.window.ts';

/** Who submissions from the public form are recorded as in the audit trail (no account is needed). */
const PUBLIC_FORM = systemActor('public question form');

/** Public questions: sent by anyone while a meeting takes them, then accepted, rejected or referred by its officer. */
export function createQuestionsService(deps: ScrutinyDeps) {
  const { db } = deps;
  const { requireManage } = recordsAccess(deps.policy);
  const requireMeeting = (id: number, trx: Db = db) => requireMeetingIn(trx, id);

  /**
   * A question from the public. Refused, with nothing saved, when the meeting no longer takes questions,
   * when it is late by the panel's notice rule, too long by the panel's limit, or one more than the panel
   * lets one person ask at a meeting.
   */
  async function submitQuestion(meetingId: number, form: Omit<QuestionForm, 'website'>, requestId?: string) {
    const submittedAt = deps.now();
    return db.transaction().execute(async (trx) => {
      const meeting = await requireMeeting(meetingId, trx);
      const rules = await findQuestionRules(trx, meeting.bodyId);
      const deadline = deadlineFor(meeting, rules);
      const window = questionWindow(meeting, deadline, submittedAt);
      if (!rules || !deadline || !window.open) {
        const message =
          deadline && !CLOSED_STATUSES.has(meeting.status)
            ? `Questions for this meeting had to be sent by ${deadlineInWords(deadline)} (${describeNoticeRule(rules as QuestionRulesRow)}). This question is late.`
            : (window.reason ?? 'This meeting takes no questions.');
        throw new ValidationError([{ field: 'text', message }]);
      }
      if (form.text.length > rules.maxQuestionLength)
        throw new ValidationError([
          { field: 'text', message: `Question must be ${rules.maxQuestionLength} characters or fewer` },
        ]);
      if (rules.maxQuestionsPerPerson !== null) {
        const asked = await countQuestionsByAsker(trx, meetingId, form.email);
        if (asked >= rules.maxQuestionsPerPerson)
          throw new ValidationError([
            {
              field: 'email',
              message: `The panel allows ${rules.maxQuestionsPerPerson} question${rules.maxQuestionsPerPerson === 1 ? '' : 's'} per person at each meeting, and this email address has already sent ${asked}`,
            },
          ]);
      }
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
      await queueMessage(
        trx,
        questionReceivedMessage(
          { askerName: form.name, askerEmail: form.email, text: form.text },
          meeting,
          deadline,
          deps.baseUrl,
        ),
      );
      return { id, deadline };
    });
  }

  /** The questions sent for a meeting, with the askers' contact details: for the scrutiny officer only. */
  async function listQuestions(actor: Actor, meetingId: number) {
    const meeting = await requireMeeting(meetingId);
    requireManage(actor, meeting.bodyId);
    return { meeting, questions: await listQuestionsByMeeting(db, meetingId) };
  }

  /** Accepts a question, rejects it (a reason is required), or refers it to the force as operational. */
  async function decideQuestion(
    actor: Actor,
    meetingId: number,
    questionId: number,
    decision: DecisionForm,
    requestId?: string,
  ) {
    const meeting = await requireMeeting(meetingId);
    requireManage(actor, meeting.bodyId);
    if (decision.status === 'rejected' && !decision.reason)
      throw new ValidationError([
        { field: 'reason', message: 'Enter the reason for rejecting the question' },
      ]);
    return db.transaction().execute(async (trx) => {
      const question = await findQuestionById(trx, questionId);
      if (!question || question.meetingId !== meetingId) throw new NotFoundError('There is no such question');
      const decidedAt = deps.now();
      await updateQuestionDecision(trx, questionId, { ...decision, decidedAt });
      await recordChange(
        trx,
        actor,
        { type: 'public_question', id: questionId },
        { status: question.status, reason: question.reason },
        { status: decision.status, reason: decision.reason },
        requestId,
      );
      await queueMessage(trx, questionDecidedMessage(question, meeting, decision, deps.baseUrl));
    });
  }

  return { submitQuestion, listQuestions, decideQuestion };
}
