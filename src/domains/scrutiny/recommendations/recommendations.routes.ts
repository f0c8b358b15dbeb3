import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { type PageModel, view } from '../../../kernel/http/views.ts';
import { recommendationPaths } from '../../recommendations/index.ts';
import { meetingWhen } from '../scrutiny.view-models.ts';
import { FUNCTION_OPTIONS } from '../scrutiny-functions.ts';
import { NewRecommendationFormSchema } from '../scrutiny-records.schemas.ts';
import type { RecommendationsService } from './recommendations.service.ts';

const MANAGE = requires('scrutiny:manage');

type Choices = Awaited<ReturnType<RecommendationsService['choicesFor']>>;

/** The officer's form for a recommendation of the panel or one of its groups, with its choices. */
function toNewRecommendationPage(choices: Choices, problem?: FormProblem) {
  return {
    pageTitle: 'Add a recommendation',
    meetings: [
      { value: '', text: 'Select the meeting' },
      ...choices.meetings.map((meeting) => ({
        value: String(meeting.id),
        text: `${meeting.title} (${meetingWhen(meeting.startsAt)})`,
      })),
    ],
    groups: [
      { value: '', text: 'Not a group' },
      ...choices.groups.map((group) => ({
        value: String(group.id),
        text: `${group.name} (${group.bodyName})`,
      })),
    ],
    functions: FUNCTION_OPTIONS,
    links: { list: recommendationPaths.list(), create: recommendationPaths.list() },
    values: problem?.values ?? {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}

const NEW_RECOMMENDATION = view<PageModel & ReturnType<typeof toNewRecommendationPage>>(
  'scrutiny/recommendations/views/new-recommendation.njk',
);

/**
 * The panel's own form for the ledger: a recommendation made at one of its meetings, by the panel or one of
 * its groups. The ledger itself (its pages, downloads, API and the forms on a recommendation) is served by
 * the recommendations domain.
 */
export function recommendationsRoutes(deps: { recommendations: RecommendationsService }): FastifyPluginAsync {
  const { recommendations } = deps;

  async function renderNew(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const choices = await recommendations.choicesFor(request.actor);
    return reply.render(NEW_RECOMMENDATION, toNewRecommendationPage(choices, problem));
  }

  return async (app) => {
    app.get(recommendationPaths.add.pattern, MANAGE, (request, reply) => renderNew(request, reply));
    app.post(
      recommendationPaths.list.pattern,
      MANAGE,
      formRoute({
        schema: NewRecommendationFormSchema,
        act: (form, request) => recommendations.createRecommendation(request.actor, form, request.id),
        redirectTo: ({ id }) => recommendationPaths.recommendation({ id }),
        render: renderNew,
      }),
    );
  };
}
