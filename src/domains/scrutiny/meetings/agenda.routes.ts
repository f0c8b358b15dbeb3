import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { view } from '../../../kernel/http/views.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import type { AgendaItemRow, MeetingRow } from '../scrutiny.queries.ts';
import { AgendaItemFormSchema } from '../scrutiny.schemas.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import { MeetingItemParams } from '../scrutiny-records.schemas.ts';
import type { AgendaService } from './agenda.service.ts';

const MANAGE = requires('scrutiny:manage');
const MoveFormSchema = z.object({
  direction: z.enum(['up', 'down'], { message: 'Choose whether to move the item up or down' }),
});

const itemParams = (request: FastifyRequest) => parseInput(MeetingItemParams, request.params);
const agendaOf = (id: number) => `${meetingPaths.meeting({ id })}#agenda`;

/** An agenda item's fields as the form shows them before anything is typed. */
function itemValues(item: AgendaItemRow): Record<string, string> {
  return {
    position: String(item.position),
    slotTime: item.slotTime ?? '',
    title: item.title,
    purpose: item.purpose ?? '',
    lead: item.lead ?? '',
    exemptParagraph: item.exemptParagraph === null ? '' : String(item.exemptParagraph),
  };
}

function toItemPage(meeting: MeetingRow, item: AgendaItemRow, problem?: FormProblem) {
  return {
    pageTitle: `Change agenda item ${item.position}`,
    meeting: toMeetingSummary(meeting),
    item: { ...item, url: meetingPaths.agendaItem({ id: meeting.id, itemId: item.id }) },
    exemptOptions: EXEMPT_OPTIONS,
    values: problem?.values ?? itemValues(item),
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors,
  };
}
const ITEM_PAGE = view<ReturnType<typeof toItemPage>>('scrutiny/meetings/views/agenda-item.njk');

/** The officer's forms to change, remove and reorder a coming meeting's agenda items. */
export function agendaRoutes(agenda: AgendaService): FastifyPluginAsync {
  async function renderItemForm(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { id, itemId } = itemParams(request);
    const { meeting, item } = await agenda.readItemForEdit(request.actor, id, itemId);
    return reply.render(ITEM_PAGE, toItemPage(meeting, item, problem));
  }

  return async (app) => {
    app.get(meetingPaths.agendaItemEdit.pattern, MANAGE, (request, reply) => renderItemForm(request, reply));

    app.post(
      meetingPaths.agendaItem.pattern,
      MANAGE,
      formRoute({
        schema: AgendaItemFormSchema,
        act: async (form, request) => {
          const { id, itemId } = itemParams(request);
          await agenda.editItem(request.actor, id, itemId, form, request.id);
          return id;
        },
        redirectTo: agendaOf,
        render: renderItemForm,
      }),
    );

    app.post(meetingPaths.agendaItemMove.pattern, MANAGE, async (request, reply) => {
      const { id, itemId } = itemParams(request);
      const { direction } = parseInput(MoveFormSchema, request.body ?? {});
      await agenda.moveItem(request.actor, id, itemId, direction, request.id);
      return reply.redirect(agendaOf(id), 303);
    });

    app.post(meetingPaths.agendaItemDelete.pattern, MANAGE, async (request, reply) => {
      const { id, itemId } = itemParams(request);
      await agenda.removeItem(request.actor, id, itemId, request.id);
      return reply.redirect(agendaOf(id), 303);
    });
  };
}
