import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/errors.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import type { RecommendationsService } from '../recommendations/recommendations.service.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import {
  ActionFormSchema,
  ActionProgressFormSchema,
  ApprovalFormSchema,
  LedgerEntryFormSchema,
  MeetingItemParams,
  MinuteDecisionFormSchema,
  MinuteItemEditFormSchema,
  MinuteItemFormSchema,
  MinutePartParams,
} from '../scrutiny-records.schemas.ts';
import type { MinutesService } from './minutes.service.ts';
import {
  agendaOptions,
  toActionEditView,
  toItemEditView,
  toMinutesFormOptions,
  toMinutesJson,
  toMinutesView,
} from './minutes.view-models.ts';

const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** A form that belongs to one minute item: its fields are told apart by the item's id. */
function forItem(errors: FieldError[], itemId: number): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${error.field}-${itemId}` }));
}

/** Field errors of one of several forms on a page, told apart by a prefix on their ids. */
function prefixed(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${prefix}-${error.field}` }));
}

/** Minutes: the public (and, for drafts, the panel's) reading of them, and the scrutiny officer's forms. */
export function minutesRoutes(deps: {
  minutes: MinutesService;
  recommendations: RecommendationsService;
}): FastifyPluginAsync {
  const { minutes, recommendations } = deps;

  async function renderItemEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    itemId: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await minutes.readItemForEdit(request.actor, id, itemId);
    return reply.render('scrutiny/minutes/views/minute-item.njk', {
      pageTitle: `Change minute ${read.item.number}`,
      meeting: toMeetingSummary(read.meeting),
      item: toItemEditView(read.item),
      options: { agendaOptions: agendaOptions(read.agendaItems), exempt: EXEMPT_OPTIONS },
      values: {},
      decisionValues: {},
      ...extra,
    });
  }

  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    itemId: number,
    position: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await minutes.readAction(request.actor, id, itemId, position);
    return reply.render('scrutiny/minutes/views/minute-action.njk', {
      pageTitle: `Follow up an action of minute ${read.item.number}`,
      meeting: toMeetingSummary(read.meeting),
      ...toActionEditView(read),
      ...extra,
    });
  }

  async function renderMinutes(
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

    /** A decision or an action added to an item: its form's fields are prefixed with the kind on the page. */
    function addToItem(
      kind: 'decision' | 'action',
      save: (request: FastifyRequest, id: number, itemId: number) => Promise<unknown>,
    ) {
      return async (request: FastifyRequest, reply: FastifyReply) => {
        const { id, itemId } = parseInput(MeetingItemParams, request.params);
        return handle(
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

    app.post(
      '/meetings/:id/minutes/items/:itemId/decisions',
      MANAGE,
      addToItem('decision', (request, id, itemId) =>
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
      addToItem('action', (request, id, itemId) =>
        minutes.addAction(request.actor, id, itemId, parseInput(ActionFormSchema, request.body), request.id),
      ),
    );

    app.get('/meetings/:id/minutes/items/:itemId/edit', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      return renderItemEdit(request, reply, id, itemId);
    });

    app.post('/meetings/:id/minutes/items/:itemId', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        await minutes.editItem(
          request.actor,
          id,
          itemId,
          parseInput(MinuteItemEditFormSchema, values),
          request.id,
        );
        return reply.redirect(`/meetings/${id}/minutes#minute-item-${itemId}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderItemEdit(request, reply.code(400), id, itemId, {
          values,
          ...toFormErrors(error.fieldErrors),
        });
      }
    });

    app.post('/meetings/:id/minutes/items/:itemId/delete', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      await minutes.deleteItem(request.actor, id, itemId, request.id);
      return reply.redirect(`/meetings/${id}/minutes#minutes`, 303);
    });

    app.post('/meetings/:id/minutes/items/:itemId/decisions/:position', MANAGE, async (request, reply) => {
      const { id, itemId, position } = parseInput(MinutePartParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        await minutes.editDecision(
          request.actor,
          id,
          itemId,
          position,
          parseInput(MinuteDecisionFormSchema, values),
          request.id,
        );
        return reply.redirect(`/meetings/${id}/minutes#minute-item-${itemId}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderItemEdit(request, reply.code(400), id, itemId, {
          decisionValues: { [position]: values },
          ...toFormErrors(prefixed(error.fieldErrors, `decision-${position}`)),
        });
      }
    });

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
          return reply.redirect(`/scrutiny/recommendations/${recommendationId}`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderMinutes(request, reply.code(400), id, {
            ledgerValues: { [`${itemId}-${position}`]: values },
            ...toFormErrors(prefixed(error.fieldErrors, `ledger-${itemId}-${position}`)),
          });
        }
      },
    );

    app.get('/meetings/:id/minutes/items/:itemId/actions/:position', MANAGE, async (request, reply) => {
      const { id, itemId, position } = parseInput(MinutePartParams, request.params);
      return renderAction(request, reply, id, itemId, position);
    });

    app.post('/meetings/:id/minutes/items/:itemId/actions/:position', MANAGE, async (request, reply) => {
      const { id, itemId, position } = parseInput(MinutePartParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        await minutes.updateActionDates(
          request.actor,
          id,
          itemId,
          position,
          parseInput(ActionProgressFormSchema, values),
          request.id,
        );
        return reply.redirect(`/meetings/${id}/minutes#minute-item-${itemId}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderAction(request, reply.code(400), id, itemId, position, {
          values,
          ...toFormErrors(error.fieldErrors),
        });
      }
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
