import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/errors.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { recommendationPaths } from '../../recommendations/index.ts';
import type { RecommendationsService } from '../recommendations/recommendations.service.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import {
  ActionFormSchema,
  ApprovalFormSchema,
  LedgerEntryFormSchema,
  MeetingItemParams,
  MinuteDecisionFormSchema,
  MinuteItemFormSchema,
  MinutePartParams,
} from '../scrutiny-records.schemas.ts';
import type { MinutesService } from './minutes.service.ts';
import { toMinutesFormOptions, toMinutesJson, toMinutesView } from './minutes.view-models.ts';

const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** A form that belongs to one minute item: its fields are told apart by the item's id. */
function forItem(errors: FieldError[], itemId: number): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${error.field}-${itemId}` }));
}

/** Field errors of one of several forms on a page, told apart by a prefix on their ids. */
export function prefixed(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${prefix}-${error.field}` }));
}

async function renderMinutes(
  minutes: MinutesService,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  extra: Record<string, unknown> = {},
) {
  const read = await minutes.readMinutes(request.actor, id);
  return reply.render('scrutiny/minutes/views/minutes.njk', {
    pageTitle: `Minutes of ${read.meeting.title}`,
    meeting: toMeetingSummary(read.meeting),
    minutes: toMinutesView(read),
    canManage: read.canManage,
    editable: read.editable,
    options: { ...toMinutesFormOptions(read), exempt: EXEMPT_OPTIONS },
    values: { number: read.nextNumber === null ? '' : String(read.nextNumber) },
    itemValues: {},
    ledgerValues: {},
    ...extra,
  });
}

/** Runs a form's change; on bad input, shows the minutes again with the errors and what was typed. */
async function handle(
  minutes: MinutesService,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  change: () => Promise<unknown>,
  onError: (errors: FieldError[], values: Record<string, unknown>) => Record<string, unknown>,
  anchor: string,
) {
  const values = (request.body ?? {}) as Record<string, unknown>;
  try {
    await change();
    return reply.redirect(`/meetings/${id}/minutes#${anchor}`, 303);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return renderMinutes(minutes, request, reply.code(400), id, onError(error.fieldErrors, values));
  }
}

/** A decision or an action added to an item: its form's fields are prefixed with the kind on the page. */
function addToItem(
  minutes: MinutesService,
  kind: 'decision' | 'action',
  save: (request: FastifyRequest, id: number, itemId: number) => Promise<unknown>,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { id, itemId } = parseInput(MeetingItemParams, request.params);
    return handle(
      minutes,
      request,
      reply,
      id,
      () => save(request, id, itemId),
      (errors, values) => ({
        itemValues: { [itemId]: { [kind]: values } },
        ...toFormErrors(
          forItem(errors, itemId).map((error) => ({ ...error, field: `${kind}-${error.field}` })),
        ),
      }),
      `minute-item-${itemId}`,
    );
  };
}

/** Minutes: the public (and, for drafts, the panel's) reading of them, and the forms on the minutes page. */
export function minutesRoutes(deps: {
  minutes: MinutesService;
  recommendations: RecommendationsService;
}): FastifyPluginAsync {
  const { minutes, recommendations } = deps;
  return async (app) => {
    app.get('/meetings/:id/minutes', PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderMinutes(minutes, request, reply, id);
    });

    app.get('/api/v1/meetings/:id/minutes', PUBLIC, async (request) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const read = await minutes.readMinutes(request.actor, id);
      return toMinutesJson(read);
    });

    app.post('/meetings/:id/minutes/items', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return handle(
        minutes,
        request,
        reply,
        id,
        () => minutes.addItem(request.actor, id, parseInput(MinuteItemFormSchema, request.body), request.id),
        (errors, values) => ({ values, ...toFormErrors(errors) }),
        'add-item',
      );
    });

    app.post(
      '/meetings/:id/minutes/items/:itemId/decisions',
      MANAGE,
      addToItem(minutes, 'decision', (request, id, itemId) =>
        minutes.addDecision(
          request.actor,
          id,
          itemId,
          parseInput(MinuteDecisionFormSchema, request.body),
          request.id,
        ),
      ),
    );

    app.post(
      '/meetings/:id/minutes/items/:itemId/actions',
      MANAGE,
      addToItem(minutes, 'action', (request, id, itemId) =>
        minutes.addAction(request.actor, id, itemId, parseInput(ActionFormSchema, request.body), request.id),
      ),
    );

    app.post(
      '/meetings/:id/minutes/items/:itemId/decisions/:position/ledger',
      MANAGE,
      async (request, reply) => {
        const { id, itemId, position } = parseInput(MinutePartParams, request.params);
        const values = (request.body ?? {}) as Record<string, unknown>;
        try {
          const { id: recommendationId } = await recommendations.addFromMinute(
            request.actor,
            id,
            itemId,
            position,
            parseInput(LedgerEntryFormSchema, values),
            request.id,
          );
          return reply.redirect(recommendationPaths.recommendation({ id: recommendationId }), 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderMinutes(minutes, request, reply.code(400), id, {
            ledgerValues: { [`${itemId}-${position}`]: values },
            ...toFormErrors(prefixed(error.fieldErrors, `ledger-${itemId}-${position}`)),
          });
        }
      },
    );

    app.post('/meetings/:id/minutes/approval', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return handle(
        minutes,
        request,
        reply,
        id,
        () => minutes.approve(request.actor, id, parseInput(ApprovalFormSchema, request.body), request.id),
        (errors, values) => ({ approvalValues: values, ...toFormErrors(errors) }),
        'minutes',
      );
    });
  };
}
