import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import type { MeasureJudgements } from './recommendations.impact.ts';
import { IMPACT_CSV, toImpactJson, toImpactPage } from './recommendations.impact.view-models.ts';
import { recommendationPaths as paths } from './recommendations.paths.ts';
import { NO_FILTER } from './recommendations.read.ts';
import {
  ActionFormSchema,
  ImpactQuerySchema,
  OutcomeFormSchema,
  ProgressFormSchema,
  RecommendationFilterSchema,
  RecommendationIdParams,
  ResponseFormSchema,
} from './recommendations.schemas.ts';
import type { RecommendationsLedgerService } from './recommendations.service.ts';
import {
  type DetailFormName,
  LEDGER_CSV,
  toLedgerPage,
  toRecommendationJson,
  toRecommendationPage,
} from './recommendations.view-models.ts';
import { VIEWS } from './recommendations.views.ts';

const MANAGE = requires('recommendations:manage');
const RESPOND = requires('recommendations:record-response');

type DetailChange<Schema extends z.ZodType> = (
  actor: Actor,
  id: number,
  form: z.infer<Schema>,
  requestId?: string,
) => Promise<unknown>;

/** The ledger: the public monitoring report of every origin's recommendations, its downloads, the API and forms. */
export function recommendationsRoutes(deps: {
  ledger: RecommendationsLedgerService;
  judgementsOf: MeasureJudgements;
}): FastifyPluginAsync {
  const { ledger } = deps;

  /** The body and year asked for, or the first body's latest year with public recommendations. */
  async function readImpact(request: FastifyRequest) {
    const asked = parseInput(ImpactQuerySchema, request.query);
    const choices = await ledger.listImpactChoices();
    const chosen = choices.find((choice) => choice.body.slug === asked.body) ?? choices[0];
    const body = asked.body ?? chosen?.body.slug;
    const year = asked.year ?? chosen?.years[0];
    const impact = body && year !== undefined ? await ledger.readImpact(deps.judgementsOf, body, year) : null;
    return { choices, impact };
  }

  async function listInFull(request: FastifyRequest) {
    return ledger.listLedgerInFull(request.actor, parseInput(RecommendationFilterSchema, request.query));
  }

  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: { form: DetailFormName } & FormProblem,
  ) {
    const { id } = parseInput(RecommendationIdParams, request.params);
    const read = await ledger.readRecommendation(request.actor, id);
    return reply.render(VIEWS.recommendation, toRecommendationPage(read, problem));
  }

  /** A form on a recommendation's page; its fields' ids carry the form's name, so forms never clash. */
  function detailForm<Schema extends z.ZodType>(
    form: DetailFormName,
    schema: Schema,
    change: DetailChange<Schema>,
  ) {
    return formRoute({
      schema,
      act: async (input, request) => {
        const { id } = parseInput(RecommendationIdParams, request.params);
        await change(request.actor, id, input, request.id);
        return id;
      },
      redirectTo: (id) => `${paths.recommendation({ id })}#${form}`,
      render: (request, reply, problem) => renderDetail(request, reply, { form, ...problem }),
      summarise: (errors) => errors.map((error) => ({ ...error, field: `${form}-${error.field}` })),
    });
  }

  return async (app) => {
    app.get(paths.list.pattern, PUBLIC, async (request, reply) => {
      const filter = parseInput(RecommendationFilterSchema, request.query);
      const [rows, all] = await Promise.all([
        ledger.listLedger(request.actor, filter),
        ledger.listLedger(request.actor, NO_FILTER),
      ]);
      const described = await ledger.withDetails(rows);
      return reply.render(
        VIEWS.ledger,
        toLedgerPage(described, all, filter, ledger.canAddByHand(request.actor)),
      );
    });

    app.get(paths.csv.pattern, PUBLIC, async (request, reply) =>
      sendDownload(reply, {
        name: 'recommendations',
        format: 'csv',
        body: toCsv(await listInFull(request), LEDGER_CSV),
      }),
    );

    app.get(paths.json.pattern, PUBLIC, async (request, reply) => {
      const body = { recommendations: (await listInFull(request)).map(toRecommendationJson) };
      return sendDownload(reply, {
        name: 'recommendations',
        format: 'json',
        body: JSON.stringify(body, null, 2),
      });
    });

    app.get(paths.apiList.pattern, PUBLIC, async (request) => ({
      recommendations: (await listInFull(request)).map(toRecommendationJson),
    }));

    app.get(paths.impact.pattern, PUBLIC, async (request, reply) => {
      const { choices, impact } = await readImpact(request);
      return reply.render(VIEWS.impact, toImpactPage(choices, impact));
    });

    app.get(paths.impactCsv.pattern, PUBLIC, async (request, reply) => {
      const { impact } = await readImpact(request);
      const name = impact
        ? `recommendations-impact-${impact.body.slug}-${impact.year}`
        : 'recommendations-impact';
      const body = toCsv(toImpactJson(impact).recommendations, IMPACT_CSV);
      return sendDownload(reply, { name, format: 'csv', body });
    });

    app.get(paths.apiImpact.pattern, PUBLIC, async (request) =>
      toImpactJson((await readImpact(request)).impact),
    );

    app.get(paths.apiRecommendation.pattern, PUBLIC, async (request) => {
      const { id } = parseInput(RecommendationIdParams, request.params);
      return toRecommendationJson(await ledger.readRecommendation(request.actor, id));
    });

    app.get(paths.recommendation.pattern, PUBLIC, (request, reply) => renderDetail(request, reply));
    app.post(
      paths.response.pattern,
      RESPOND,
      detailForm('response', ResponseFormSchema, ledger.recordResponse),
    );
    app.post(paths.progress.pattern, MANAGE, detailForm('progress', ProgressFormSchema, ledger.addProgress));
    app.post(paths.actions.pattern, MANAGE, detailForm('actions', ActionFormSchema, ledger.addAction));
    app.post(paths.outcome.pattern, MANAGE, detailForm('outcome', OutcomeFormSchema, ledger.recordOutcome));
  };
}
