import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import type { AgendaItemRow, MeetingRow } from '../scrutiny.queries.ts';
import { AgendaItemFormSchema } from '../scrutiny.schemas.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import { MeetingItemParams } from '../scrutiny-records.schemas.ts';
import type { AgendaService } from './agenda.service.ts';

const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;
const MoveFormSchema = z.object({
  direction: z.enum(['up', 'down'], { message: 'Choose whether to move the item up or down' }),
});

/** The officer's forms to change, remove and reorder a coming meeting's agenda items. */
export function agendaRoutes(agenda: AgendaService): FastifyPluginAsync {
  function renderItemForm(
    reply: FastifyReply,
    meeting: MeetingRow,
    item: AgendaItemRow,
    values: Record<string, unknown>,
    errors: Record<string, unknown> = {},
  ) {
    return reply.render('scrutiny/meetings/views/agenda-item.njk', {
      pageTitle: `Change agenda item ${item.position}`,
      meeting: toMeetingSummary(meeting),
      item: { ...item, url: `/meetings/${meeting.id}/agenda-items/${item.id}` },
      exemptOptions: EXEMPT_OPTIONS,
      values,
      ...errors,
    });
  }

  return async (app) => {
    app.get('/meetings/:id/agenda-items/:itemId/edit', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      const { meeting, item } = await agenda.readItemForEdit(request.actor, id, itemId);
      return renderItemForm(reply, meeting, item, {
        position: String(item.position),
        slotTime: item.slotTime ?? '',
        title: item.title,
        purpose: item.purpose ?? '',
        lead: item.lead ?? '',
        exemptParagraph: item.exemptParagraph === null ? '' : String(item.exemptParagraph),
      });
    });

    app.post('/meetings/:id/agenda-items/:itemId', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(AgendaItemFormSchema, values);
        await agenda.editItem(request.actor, id, itemId, form, request.id);
        return reply.redirect(`/meetings/${id}#agenda`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { meeting, item } = await agenda.readItemForEdit(request.actor, id, itemId);
        return renderItemForm(reply.code(400), meeting, item, values, toFormErrors(error.fieldErrors));
      }
    });

    app.post('/meetings/:id/agenda-items/:itemId/move', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      const { direction } = parseInput(MoveFormSchema, request.body ?? {});
      await agenda.moveItem(request.actor, id, itemId, direction, request.id);
      return reply.redirect(`/meetings/${id}#agenda`, 303);
    });

    app.post('/meetings/:id/agenda-items/:itemId/delete', MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      await agenda.removeItem(request.actor, id, itemId, request.id);
      return reply.redirect(`/meetings/${id}#agenda`, 303);
    });
  };
}
