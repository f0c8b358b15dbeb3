import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import {
  ActionProgressFormSchema,
  MeetingItemParams,
  MinuteDecisionFormSchema,
  MinuteItemEditFormSchema,
  MinutePartParams,
} from '../scrutiny-records.schemas.ts';
import { prefixed } from './minutes.routes.ts';
import type { MinutesService } from './minutes.service.ts';
import { agendaOptions, toActionEditView, toItemEditView } from './minutes.view-models.ts';

const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

async function renderItemEdit(
  minutes: MinutesService,
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
  minutes: MinutesService,
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

/** The officer's pages for one minute item: changing or deleting it and its decisions, following up actions. */
export function minuteItemRoutes(deps: { minutes: MinutesService }): FastifyPluginAsync {
  const { minutes } = deps;
  return async (app) => {
    app.get('/meetings/:id/minutes/items/:itemId/edit', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      return renderItemEdit(minutes, request, reply, id, itemId);
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
        return renderItemEdit(minutes, request, reply.code(400), id, itemId, {
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
        return renderItemEdit(minutes, request, reply.code(400), id, itemId, {
          decisionValues: { [position]: values },
          ...toFormErrors(prefixed(error.fieldErrors, `decision-${position}`)),
        });
      }
    });

    app.get('/meetings/:id/minutes/items/:itemId/actions/:position', MANAGE, async (request, reply) => {
      const { id, itemId, position } = parseInput(MinutePartParams, request.params);
      return renderAction(minutes, request, reply, id, itemId, position);
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
        return renderAction(minutes, request, reply.code(400), id, itemId, position, {
          values,
          ...toFormErrors(error.fieldErrors),
        });
      }
    });
  };
}
