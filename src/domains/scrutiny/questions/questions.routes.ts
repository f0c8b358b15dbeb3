import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { toDeadlineView, toMeetingSummary } from '../scrutiny.view-models.ts';
import { DecisionFormSchema, QuestionFormSchema, QuestionIdParams } from './questions.schemas.ts';
import { toQuestionRows } from './questions.view-models.ts';

const VIEWS = 'scrutiny/questions/views';
const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;
/** The public question form: open to anyone, so it is rate limited per address. */
export const QUESTION_RATE = { max: 10, timeWindow: '10 minutes' };

/** Public questions: the form anyone may send one with, and the officer's list of them and decisions on them. */
export function questionsRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  async function renderQuestionForm(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await scrutiny.readMeeting(request.actor, id);
    return reply.render(`${VIEWS}/question-form.njk`, {
      pageTitle: `Ask a question at ${read.meeting.title}`,
      meeting: toMeetingSummary(read.meeting),
      deadline: toDeadlineView(read.deadline, read.rules),
      window: read.window,
      values: {},
      ...extra,
    });
  }

  async function renderQuestions(request: FastifyRequest, reply: FastifyReply, id: number, extra = {}) {
    const { meeting, questions } = await scrutiny.listQuestions(request.actor, id);
    return reply.render(`${VIEWS}/questions.njk`, {
      pageTitle: `Public questions for ${meeting.title}`,
      meeting: toMeetingSummary(meeting),
      questions: toQuestionRows(questions),
      values: {},
      ...extra,
    });
  }

  return async (app) => {
    app.get('/meetings/:id/questions/new', PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderQuestionForm(request, reply, id);
    });

    app.post(
      '/meetings/:id/questions',
      { config: { permission: 'public', rateLimit: QUESTION_RATE } },
      async (request, reply) => {
        const { id } = parseInput(MeetingIdParams, request.params);
        const values = (request.body ?? {}) as Record<string, unknown>;
        try {
          const form = parseInput(QuestionFormSchema, values);
          // A filled-in honeypot: answer as if accepted, so the robot learns nothing, and keep nothing.
          if (form.website.trim() !== '') {
            request.log.info({ meetingId: id }, 'public question honeypot filled; discarded');
            return reply.redirect(`/meetings/${id}/questions/sent`, 303);
          }
          await scrutiny.submitQuestion(id, form, request.id);
          return reply.redirect(`/meetings/${id}/questions/sent`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const { website: _website, ...kept } = values;
          return renderQuestionForm(request, reply.code(400), id, {
            values: kept,
            ...toFormErrors(error.fieldErrors),
          });
        }
      },
    );

    app.get('/meetings/:id/questions/sent', PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const read = await scrutiny.readMeeting(request.actor, id);
      return reply.render(`${VIEWS}/question-sent.njk`, {
        pageTitle: 'Question sent',
        meeting: toMeetingSummary(read.meeting),
      });
    });

    app.get('/meetings/:id/questions', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderQuestions(request, reply, id);
    });

    app.post('/meetings/:id/questions/:questionId/decision', MANAGE, async (request, reply) => {
      const { id, questionId } = parseInput(QuestionIdParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(DecisionFormSchema, values);
        await scrutiny.decideQuestion(request.actor, id, questionId, form, request.id);
        return reply.redirect(`/meetings/${id}/questions`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const fieldErrors = error.fieldErrors.map((problem) => ({
          ...problem,
          field: `${problem.field}-${questionId}`,
        }));
        return renderQuestions(request, reply.code(400), id, {
          values: { [questionId]: values },
          ...toFormErrors(fieldErrors),
        });
      }
    });
  };
}
