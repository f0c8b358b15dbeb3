import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { recommendationPaths } from '../../recommendations/index.ts';
import type { RecommendationsService } from '../recommendations/recommendations.service.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import { LedgerEntryFormSchema, MeetingItemParams } from '../scrutiny-records.schemas.ts';
import { minutesForm } from './minutes.forms.ts';
import { minutesPaths as paths } from './minutes.paths.ts';
import {
  ApprovalFormSchema,
  MinuteActionFormSchema,
  MinuteDecisionFormSchema,
  MinuteItemFormSchema,
  MinutePartParams,
} from './minutes.schemas.ts';
import type { MinutesService } from './minutes.service.ts';
import { toMinutesFormOptions, toMinutesJson, toMinutesView } from './minutes.view-models.ts';
import { type MinutesPage, minutesViews } from './minutes.views.ts';

const MANAGE = requires('scrutiny:manage');

async function renderMinutes(
  minutes: MinutesService,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  refused: Partial<MinutesPage> = {},
) {
  const read = await minutes.readMinutes(request.actor, id);
  return reply.render(minutesViews.minutes, {
    pageTitle: `Minutes of ${read.meeting.title}`,
    meeting: toMeetingSummary(read.meeting),
    minutes: toMinutesView(read),
    canManage: read.canManage,
    editable: read.editable,
    options: { ...toMinutesFormOptions(read), exempt: EXEMPT_OPTIONS },
    values: { number: read.nextNumber === null ? '' : String(read.nextNumber) },
    itemValues: {},
    ledgerValues: {},
    ...refused,
  });
}

/** The minutes page, at an item. */
export const atItem = (id: number, itemId: number) => `${paths.minutes({ id })}#minute-item-${itemId}`;

/** A decision or an action added to an item: its form's fields are told apart by the kind and the item. */
function addToItem<Schema extends z.ZodType>(
  minutes: MinutesService,
  kind: 'decision' | 'action',
  schema: Schema,
  save: (input: z.infer<Schema>, id: number, itemId: number, request: FastifyRequest) => Promise<unknown>,
) {
  return minutesForm({
    params: MeetingItemParams,
    schema,
    save: async (input, { id, itemId }, request) => {
      await save(input, id, itemId, request);
      return atItem(id, itemId);
    },
    show: (request, reply, { id, itemId }, { values, ...errors }) =>
      renderMinutes(minutes, request, reply, id, { itemValues: { [itemId]: { [kind]: values } }, ...errors }),
    fieldId: (field, { itemId }) => `${kind}-${field}-${itemId}`,
  });
}

/** Minutes: the public (and, for drafts, the panel's) reading of them, and the forms on the minutes page. */
export function minutesRoutes(deps: {
  minutes: MinutesService;
  recommendations: RecommendationsService;
}): FastifyPluginAsync {
  const { minutes, recommendations } = deps;
  return async (app) => {
    app.get(paths.minutes.pattern, PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderMinutes(minutes, request, reply, id);
    });

    app.get(paths.api.pattern, PUBLIC, async (request) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return toMinutesJson(await minutes.readMinutes(request.actor, id));
    });

    app.post(
      paths.items.pattern,
      MANAGE,
      minutesForm({
        params: MeetingIdParams,
        schema: MinuteItemFormSchema,
        save: async (form, { id }, request) => {
          await minutes.addItem(request.actor, id, form, request.id);
          return `${paths.minutes({ id })}#add-item`;
        },
        show: (request, reply, { id }, refusal) => renderMinutes(minutes, request, reply, id, refusal),
      }),
    );

    app.post(
      paths.decisions.pattern,
      MANAGE,
      addToItem(minutes, 'decision', MinuteDecisionFormSchema, (form, id, itemId, request) =>
        minutes.addDecision(request.actor, id, itemId, form, request.id),
      ),
    );

    app.post(
      paths.actions.pattern,
      MANAGE,
      addToItem(minutes, 'action', MinuteActionFormSchema, (form, id, itemId, request) =>
        minutes.addAction(request.actor, id, itemId, form, request.id),
      ),
    );

    app.post(
      paths.ledger.pattern,
      MANAGE,
      minutesForm({
        params: MinutePartParams,
        schema: LedgerEntryFormSchema,
        save: async (form, { id, itemId, position }, request) => {
          const entry = await recommendations.addFromMinute(
            request.actor,
            id,
            itemId,
            position,
            form,
            request.id,
          );
          return recommendationPaths.recommendation({ id: entry.id });
        },
        show: (request, reply, { id, itemId, position }, { values, ...errors }) =>
          renderMinutes(minutes, request, reply, id, {
            ledgerValues: { [`${itemId}-${position}`]: values },
            ...errors,
          }),
        fieldId: (field, { itemId, position }) => `ledger-${itemId}-${position}-${field}`,
      }),
    );

    app.post(
      paths.approval.pattern,
      MANAGE,
      minutesForm({
        params: MeetingIdParams,
        schema: ApprovalFormSchema,
        save: async (form, { id }, request) => {
          await minutes.approve(request.actor, id, form, request.id);
          return `${paths.minutes({ id })}#minutes`;
        },
        show: (request, reply, { id }, { values, ...errors }) =>
          renderMinutes(minutes, request, reply, id, { approvalValues: values, ...errors }),
      }),
    );
  };
}
