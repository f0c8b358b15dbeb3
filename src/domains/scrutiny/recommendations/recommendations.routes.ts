import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { type FieldError, ValidationError } from '../../../kernel/errors.ts';
import { toCsv } from '../../../kernel/formats/csv.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { meetingWhen } from '../scrutiny.view-models.ts';
import { FUNCTION_OPTIONS } from '../scrutiny-functions.ts';
import {
  ActionFormSchema,
  NewRecommendationFormSchema,
  OutcomeFormSchema,
  ProgressFormSchema,
  RecommendationFilterSchema,
  RecordIdParams,
  ResponseFormSchema,
} from '../scrutiny-records.schemas.ts';
import type { RecommendationsService } from './recommendations.service.ts';
import {
  LEDGER_CSV,
  OUTCOME_OPTIONS,
  RESPONSE_OPTIONS,
  toFilterView,
  toLedgerRow,
  toRecommendationJson,
  toRecommendationView,
  toStatusSummary,
} from './recommendations.view-models.ts';

const VIEWS = 'scrutiny/recommendations/views';
const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;
const RESPOND = { config: { permission: 'scrutiny:record-response' } } as const;

/** The recommendations ledger: the public monitoring report, its CSV and JSON, and the officer's forms. */
export function recommendationsRoutes(deps: { recommendations: RecommendationsService }): FastifyPluginAsync {
  const { recommendations } = deps;

  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await recommendations.readRecommendation(request.actor, id);
    return reply.render(`${VIEWS}/recommendation.njk`, {
      pageTitle: `Recommendation ${read.recommendation.reference}`,
      recommendation: toRecommendationView(read),
      canManage: read.canManage,
      canRespond: read.canRespond,
      responseOptions: RESPONSE_OPTIONS,
      outcomeOptions: OUTCOME_OPTIONS,
      values: {},
      ...extra,
    });
  }

  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const choices = await recommendations.choicesFor(request.actor);
    return reply.render(`${VIEWS}/new-recommendation.njk`, {
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
      values: {},
      ...extra,
    });
  }

  return async (app) => {
    app.get('/scrutiny/recommendations', PUBLIC, async (request, reply) => {
      const filter = parseInput(RecommendationFilterSchema, request.query);
      const [rows, all] = await Promise.all([
        recommendations.listLedger(request.actor, filter),
        recommendations.listLedger(request.actor, { status: null, origin: null, overdue: null }),
      ]);
      return reply.render(`${VIEWS}/recommendations.njk`, {
        pageTitle: 'Recommendations',
        rows: rows.map(toLedgerRow),
        summary: toStatusSummary(all),
        total: all.length,
        filter: toFilterView(filter),
        canManage: recommendations.canManageAny(request.actor),
      });
    });

    app.get('/scrutiny/recommendations.csv', PUBLIC, async (request, reply) => {
      const filter = parseInput(RecommendationFilterSchema, request.query);
      const entries = await recommendations.listLedgerInFull(request.actor, filter);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="recommendations.csv"')
        .send(toCsv(entries, LEDGER_CSV));
    });

    app.get('/api/v1/recommendations', PUBLIC, async (request) => {
      const filter = parseInput(RecommendationFilterSchema, request.query);
      const entries = await recommendations.listLedgerInFull(request.actor, filter);
      return {
        recommendations: entries.map((entry) =>
          toRecommendationJson(entry.recommendation, entry.actions, entry.progress),
        ),
      };
    });

    app.get('/api/v1/recommendations/:id', PUBLIC, async (request) => {
      const { id } = parseInput(RecordIdParams, request.params);
      const read = await recommendations.readRecommendation(request.actor, id);
      return toRecommendationJson(read.recommendation, read.actions, read.progress);
    });

    app.get('/scrutiny/recommendations/new', MANAGE, (request, reply) => renderNew(request, reply));

    app.post('/scrutiny/recommendations', MANAGE, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(NewRecommendationFormSchema, values);
        const { id } = await recommendations.createRecommendation(request.actor, form, request.id);
        return reply.redirect(`/scrutiny/recommendations/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderNew(request, reply.code(400), { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.get('/scrutiny/recommendations/:id', PUBLIC, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      return renderDetail(request, reply, id);
    });

    /** A form on a recommendation's page; its fields' ids carry the form's name, so forms never clash. */
    function detailForm<Schema extends z.ZodType>(
      name: string,
      schema: Schema,
      change: (actor: Actor, id: number, form: z.infer<Schema>, requestId?: string) => Promise<unknown>,
      options: { config: { permission: 'scrutiny:manage' | 'scrutiny:record-response' } } = MANAGE,
    ) {
      app.post(`/scrutiny/recommendations/:id/${name}`, options, async (request, reply) => {
        const { id } = parseInput(RecordIdParams, request.params);
        const values = (request.body ?? {}) as Record<string, unknown>;
        try {
          await change(request.actor, id, parseInput(schema, values), request.id);
          return reply.redirect(`/scrutiny/recommendations/${id}#${name}`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const fieldErrors: FieldError[] = error.fieldErrors.map((problem) => ({
            ...problem,
            field: `${name}-${problem.field}`,
          }));
          return renderDetail(request, reply.code(400), id, {
            values: { [name]: values },
            ...toFormErrors(fieldErrors),
          });
        }
      });
    }
    detailForm('response', ResponseFormSchema, recommendations.recordResponse, RESPOND);
    detailForm('progress', ProgressFormSchema, recommendations.addProgress);
    detailForm('actions', ActionFormSchema, recommendations.addAction);
    detailForm('outcome', OutcomeFormSchema, recommendations.recordOutcome);
  };
}
