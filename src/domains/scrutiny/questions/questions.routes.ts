import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { toDeadlineView, toMeetingSummary } from '../scrutiny.view-models.ts';
import { DecisionFormSchema, QuestionFormSchema, QuestionIdParams } from './questions.schemas.ts';
import { toQuestionRows } from './questions.view-models.ts';

const VIEWS = 'scrutiny/questions/views';
const MANAGE = requires('scrutiny:manage');
/** The public question form: open to anyone, so it is rate limited per address. */
export const QUESTION_RATE = { max: 10, timeWindow: '10 minutes' };

const meetingId = (request: FastifyRequest) => parseInput(MeetingIdParams, request.params).id;

/** What a form shows again after a mistake. */
function shown(problem: FormProblem | undefined, values: Record<string, unknown>) {
  return { values, errorList: problem?.errorList, fieldErrors: problem?.fieldErrors };
}

/** Public questions: the form anyone may send one with, and the officer's list of them and decisions on them. */
export function questionsRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  /** The form, shown only while the meeting's body takes questions; otherwise the reason it does not. */
  async function renderQuestionForm(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const read = await scrutiny.readMeeting(request.actor, meetingId(request));
    // The honeypot is never shown back, filled or not.
    const { website: _website, ...kept } = problem?.values ?? {};
    return reply.render(`${VIEWS}/question-form.njk`, {
      pageTitle: `Ask a question at ${read.meeting.title}`,
      meeting: toMeetingSummary(read.meeting),
      deadline: toDeadlineView(read.deadline, read.rules),
      window: read.window,
      ...shown(problem, kept),
    });
  }

  /** The questions received, each with its decision form; a refused decision shows against its question. */
  async function renderQuestions(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { meeting, questions } = await scrutiny.listQuestions(request.actor, meetingId(request));
    const questionId = problem ? parseInput(QuestionIdParams, request.params).questionId : null;
    return reply.render(`${VIEWS}/questions.njk`, {
      pageTitle: `Public questions for ${meeting.title}`,
      meeting: toMeetingSummary(meeting),
      questions: toQuestionRows(questions),
      ...shown(problem, questionId === null ? {} : { [questionId]: problem?.values }),
    });
  }

  return async (app) => {
    app.get(meetingPaths.questionForm.pattern, PUBLIC, (request, reply) =>
      renderQuestionForm(request, reply),
    );

    app.post(
      meetingPaths.questions.pattern,
      { config: { permission: 'public', rateLimit: QUESTION_RATE } },
      formRoute({
        schema: QuestionFormSchema,
        act: async (form, request) => {
          const id = meetingId(request);
          // A filled-in honeypot: answer as if accepted, so the robot learns nothing, and keep nothing.
          if (form.website.trim() !== '')
            request.log.info({ meetingId: id }, 'public question honeypot filled; discarded');
          else await scrutiny.submitQuestion(id, form, request.id);
          return id;
        },
        redirectTo: (id) => meetingPaths.questionSent({ id }),
        render: renderQuestionForm,
      }),
    );

    app.get(meetingPaths.questionSent.pattern, PUBLIC, async (request, reply) => {
      const read = await scrutiny.readMeeting(request.actor, meetingId(request));
      return reply.render(`${VIEWS}/question-sent.njk`, {
        pageTitle: 'Question sent',
        meeting: toMeetingSummary(read.meeting),
      });
    });

    app.get(meetingPaths.questions.pattern, MANAGE, (request, reply) => renderQuestions(request, reply));

    app.post(meetingPaths.questionDecision.pattern, MANAGE, function decide(request, reply) {
      const { id, questionId } = parseInput(QuestionIdParams, request.params);
      const handler = formRoute({
        schema: DecisionFormSchema,
        act: (form) => scrutiny.decideQuestion(request.actor, id, questionId, form, request.id),
        redirectTo: () => meetingPaths.questions({ id }),
        render: renderQuestions,
        // Each question has its own form on the page: a mistake names that question's field.
        summarise: (errors) => errors.map((error) => ({ ...error, field: `${error.field}-${questionId}` })),
      });
      return handler.call(this, request, reply);
    });
  };
}
