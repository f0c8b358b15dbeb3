import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requires } from '../../../kernel/http/auth.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import { MeetingItemParams } from '../scrutiny-records.schemas.ts';
import { minutesForm, type Refusal } from './minutes.forms.ts';
import { minutesPaths as paths } from './minutes.paths.ts';
import { atItem } from './minutes.routes.ts';
import {
  ActionProgressFormSchema,
  MinuteDecisionFormSchema,
  MinuteItemEditFormSchema,
  MinutePartParams,
} from './minutes.schemas.ts';
import type { MinutesService } from './minutes.service.ts';
import { agendaOptions, toActionEditView, toItemEditView } from './minutes.view-models.ts';
import { type ItemEditPage, minutesViews } from './minutes.views.ts';

const MANAGE = requires('scrutiny:manage');

async function renderItemEdit(
  minutes: MinutesService,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, itemId }: { id: number; itemId: number },
  refused: Partial<ItemEditPage> = {},
) {
  const read = await minutes.readItemForEdit(request.actor, id, itemId);
  return reply.render(minutesViews.item, {
    pageTitle: `Change minute ${read.item.number}`,
    meeting: toMeetingSummary(read.meeting),
    item: toItemEditView(read.item),
    options: { agendaOptions: agendaOptions(read.agendaItems), exempt: EXEMPT_OPTIONS },
    values: {},
    decisionValues: {},
    ...refused,
  });
}

async function renderAction(
  minutes: MinutesService,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, itemId, position }: { id: number; itemId: number; position: number },
  refusal?: Refusal,
) {
  const read = await minutes.readAction(request.actor, id, itemId, position);
  return reply.render(minutesViews.action, {
    pageTitle: `Follow up an action of minute ${read.item.number}`,
    meeting: toMeetingSummary(read.meeting),
    ...toActionEditView(read),
    ...refusal,
  });
}

/** The officer's pages for one minute item: changing or deleting it and its decisions, following up actions. */
export function minuteItemRoutes(deps: { minutes: MinutesService }): FastifyPluginAsync {
  const { minutes } = deps;
  return async (app) => {
    app.get(paths.itemEdit.pattern, MANAGE, async (request, reply) =>
      renderItemEdit(minutes, request, reply, parseInput(MeetingItemParams, request.params)),
    );

    app.post(
      paths.item.pattern,
      MANAGE,
      minutesForm({
        params: MeetingItemParams,
        schema: MinuteItemEditFormSchema,
        save: async (form, { id, itemId }, request) => {
          await minutes.editItem(request.actor, id, itemId, form, request.id);
          return atItem(id, itemId);
        },
        show: (request, reply, params, refusal) => renderItemEdit(minutes, request, reply, params, refusal),
      }),
    );

    app.post(paths.itemDelete.pattern, MANAGE, async (request, reply) => {
      const { id, itemId } = parseInput(MeetingItemParams, request.params);
      await minutes.deleteItem(request.actor, id, itemId, request.id);
      return reply.redirect(`${paths.minutes({ id })}#minutes`, 303);
    });

    app.post(
      paths.decision.pattern,
      MANAGE,
      minutesForm({
        params: MinutePartParams,
        schema: MinuteDecisionFormSchema,
        save: async (form, { id, itemId, position }, request) => {
          await minutes.editDecision(request.actor, id, itemId, position, form, request.id);
          return atItem(id, itemId);
        },
        show: (request, reply, params, { values, ...errors }) =>
          renderItemEdit(minutes, request, reply, params, {
            decisionValues: { [params.position]: values },
            ...errors,
          }),
        fieldId: (field, { position }) => `decision-${position}-${field}`,
      }),
    );

    app.get(paths.action.pattern, MANAGE, async (request, reply) =>
      renderAction(minutes, request, reply, parseInput(MinutePartParams, request.params)),
    );

    app.post(
      paths.action.pattern,
      MANAGE,
      minutesForm({
        params: MinutePartParams,
        schema: ActionProgressFormSchema,
        save: async (form, { id, itemId, position }, request) => {
          await minutes.updateActionDates(request.actor, id, itemId, position, form, request.id);
          return atItem(id, itemId);
        },
        show: (request, reply, params, refusal) => renderAction(minutes, request, reply, params, refusal),
      }),
    );
  };
}
