import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { engagementPaths as paths } from './engagement.paths.ts';
import { AnalysisQuery, ImportFormSchema, ResponseFormSchema, SurveyParams } from './engagement.schemas.ts';
import type { EngagementService } from './engagement.service.ts';
import {
  analysisCsv,
  toAnalysisPage,
  toFormPage,
  toListJson,
  toListPage,
  toResultsJson,
  toResultsPage,
  toSentPage,
} from './engagement.view-models.ts';
import { VIEWS } from './engagement.views.ts';

const MANAGE = requires('engagement:manage');
/**
 * The public survey form is open to anyone, so it is limited per address. Generous enough for a household
 * or a community event answering on one connection; a flood from one address is stopped.
 */
export const SURVEY_RATE = { max: 30, timeWindow: '10 minutes' };

interface EngagementRouteDeps {
  engagement: EngagementService;
}

const slugOf = (request: FastifyRequest) => parseInput(SurveyParams, request.params).survey;

/** The survey form anyone may answer without an account, and the page that says it was received. */
function responseRoutes({ engagement }: EngagementRouteDeps): FastifyPluginAsync {
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.form, toFormPage(await engagement.readSurveyForm(slugOf(request)), problem));
  return async (app) => {
    app.get(paths.list.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.list, toListPage(await engagement.listSurveys(request.actor))),
    );
    app.get(paths.survey.pattern, PUBLIC, (request, reply) => renderForm(request, reply));
    app.post(
      paths.survey.pattern,
      { config: { permission: 'public', rateLimit: SURVEY_RATE } },
      formRoute({
        schema: ResponseFormSchema,
        act: async (form, request) => {
          const slug = slugOf(request);
          // A filled-in honeypot: answered as if accepted, so the robot learns nothing, and nothing kept.
          if (form.website.trim() !== '')
            request.log.info({ survey: slug }, 'survey honeypot filled; discarded');
          else await engagement.submitResponse(slug, form.answers, request.id);
          return slug;
        },
        redirectTo: (survey) => paths.sent({ survey }),
        render: renderForm,
      }),
    );
    app.get(paths.sent.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.sent, toSentPage(await engagement.readSurveyForm(slugOf(request)))),
    );
  };
}

/** What you told us, and its aggregates as JSON: public once the survey closes, never single responses. */
function resultRoutes({ engagement }: EngagementRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(paths.results.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.results, toResultsPage(await engagement.readPublishedResults(slugOf(request)))),
    );
    app.get(paths.apiList.pattern, PUBLIC, async (request) =>
      toListJson(await engagement.listSurveys(request.actor)),
    );
    app.get(paths.apiResults.pattern, PUBLIC, async (request) =>
      toResultsJson(await engagement.readPublishedResults(slugOf(request))),
    );
  };
}

/** The officers' analysis (filterable by area), its CSV, and importing offline responses from pasted CSV. */
function analysisRoutes({ engagement }: EngagementRouteDeps): FastifyPluginAsync {
  const analysisOf = (request: FastifyRequest) =>
    engagement.readAnalysis(request.actor, slugOf(request), parseInput(AnalysisQuery, request.query).area);
  const renderAnalysis = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.analysis, toAnalysisPage(await analysisOf(request), problem));
  return async (app) => {
    app.get(paths.analysis.pattern, MANAGE, (request, reply) => renderAnalysis(request, reply));
    app.get(paths.analysisCsv.pattern, MANAGE, async (request, reply) => {
      const read = await analysisOf(request);
      return sendDownload(reply, {
        name: `survey-${read.survey.slug}${read.area ? `-${read.area.code}` : ''}`,
        format: 'csv',
        body: analysisCsv(read.results),
      });
    });
    app.post(
      paths.importResponses.pattern,
      MANAGE,
      formRoute({
        schema: ImportFormSchema,
        act: (form, request) =>
          engagement.importResponses(
            request.actor,
            slugOf(request),
            { text: form.csv, fileName: 'the CSV' },
            request.id,
          ),
        redirectTo: (result) => `${paths.analysis({ survey: result.survey })}?imported=${result.imported}`,
        render: renderAnalysis,
        // Every bad cell is listed on the page; the summary points at the box they were pasted into.
        summarise: (errors) =>
          errors.map((error) => ({ field: 'csv', message: `${error.field}: ${error.message}` })),
      }),
    );
  };
}

export function engagementRoutes(deps: EngagementRouteDeps): FastifyPluginAsync {
  return routeGroups(responseRoutes(deps), resultRoutes(deps), analysisRoutes(deps));
}
