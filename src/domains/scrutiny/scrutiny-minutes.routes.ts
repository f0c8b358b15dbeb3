import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../kernel/errors.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../kernel/http/form-validation.ts';
import { MeetingIdParams } from './scrutiny.schemas.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from './scrutiny.view-models.ts';
import type { MinutesService } from './scrutiny-minutes.service.ts';
import { toMinutesFormOptions, toMinutesJson, toMinutesView } from './scrutiny-minutes.view-models.ts';
import {
  ActionFormSchema,
  ApprovalFormSchema,
  MeetingItemParams,
  MinuteDecisionFormSchema,
  MinuteItemFormSchema,
} from './scrutiny-records.schemas.ts';

const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** A form that belongs to one minute item: its fields are told apart by the item's id. */
function forItem(errors: FieldError[], itemId: number): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${error.field}-${itemId}` }));
}

/** Minutes: the public (and, for drafts, the panel's) reading of them, and the scrutiny officer's forms. */
export function minutesRoutes(deps: { minutes: MinutesService }): FastifyPluginAsync {
  const { minutes } = deps;

  async function renderMinutes(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await minutes.readMinutes(request.actor, id);
    return reply.render('scrutiny/views/minutes.njk', {
      pageTitle: `Minutes of ${read.meeting.title}`,
      meeting: toMeetingSummary(read.meeting),
      minutes: toMinutesView(read),
      canManage: read.canManage,
      editable: read.editable,
      options: { ...toMinutesFormOptions(read), exempt: EXEMPT_OPTIONS },
      values: { number: read.nextNumber === null ? '' : String(read.nextNumber) },
      itemValues: {},
      ...extra,
    });
  }

  /** Runs a form's change; on bad input, shows the minutes again with the errors and what was typed. */
  async function handle(
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
      return renderMinutes(request, reply.code(400), id, onError(error.fieldErrors, values));
    }
  }

  return async (app) => {
    app.get('/meetings/:id/minutes', PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderMinutes(request, reply, id);
    });

    app.get('/api/v1/meetings/:id/minutes', PUBLIC, async (request) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const read = await minutes.readMinutes(request.actor, id);
      return toMinutesJson(read);
    });

    app.post('/meetings/:id/minutes/items', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return handle(
        request,
        reply,
        id,
        () => minutes.addItem(request.actor, id, parseInput(MinuteItemFormSchema, request.body), request.id),
        (errors, values) => ({ values, ...toFormErrors(errors) }),
        'add-item',
      );
    });

    app.post('/meetings/:id/minutes/items/:itemId/decisions', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      return handle(
        request,
        reply,
        id,
        () =>
          minutes.addDecision(
            request.actor,
            id,
            itemId,
            parseInput(MinuteDecisionFormSchema, request.body),
            request.id,
          ),
        (errors, values) => ({
          itemValues: { [itemId]: { decision: values } },
          ...toFormErrors(
            forItem(errors, itemId).map((error) => ({ ...error, field: `decision-${error.field}` })),
          ),
        }),
        `minute-item-${itemId}`,
      );
    });

    app.post('/meetings/:id/minutes/items/:itemId/actions', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      return handle(
        request,
        reply,
        id,
        () =>
          minutes.addAction(
            request.actor,
            id,
            itemId,
            parseInput(ActionFormSchema, request.body),
            request.id,
          ),
        (errors, values) => ({
          itemValues: { [itemId]: { action: values } },
          ...toFormErrors(
            forItem(errors, itemId).map((error) => ({ ...error, field: `action-${error.field}` })),
          ),
        }),
        `minute-item-${itemId}`,
      );
    });

    app.post('/meetings/:id/minutes/approval', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return handle(
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
