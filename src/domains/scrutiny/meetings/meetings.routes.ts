import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { londonDateTimeOf } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import {
  AgendaItemFormSchema,
  MeetingEditFormSchema,
  MeetingFormSchema,
  MeetingIdParams,
} from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import {
  EXEMPT_OPTIONS,
  toAgendaView,
  toDeadlineView,
  toMeetingSummary,
  toMembersView,
} from '../scrutiny.view-models.ts';
import { meetingPageRecords } from './meeting-page.ts';

const VIEWS = 'scrutiny/meetings/views';
const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** Meetings: the public's view of meetings and agendas, and the scrutiny officer's changes to them. */
export function meetingsRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  async function renderMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await scrutiny.readMeeting(request.actor, id);
    return reply.render(`${VIEWS}/meeting.njk`, {
      pageTitle: read.meeting.title,
      meeting: toMeetingSummary(read.meeting),
      agenda: toAgendaView(read.items, read.meeting),
      agendaDraft: read.agendaDraft,
      members: toMembersView(read.members),
      deadline: toDeadlineView(read.deadline, read.rules),
      window: read.window,
      canManage: read.canManage,
      ...(await meetingPageRecords(scrutiny, request.actor, read)),
      exemptOptions: EXEMPT_OPTIONS,
      values: {},
      ...extra,
    });
  }

  function renderEditMeeting(
    reply: FastifyReply,
    meeting: Parameters<typeof toMeetingSummary>[0],
    values: Record<string, unknown>,
    errors: Record<string, unknown> = {},
  ) {
    return reply.render(`${VIEWS}/edit-meeting.njk`, {
      pageTitle: `Change ${meeting.title}`,
      meeting: toMeetingSummary(meeting),
      values,
      ...errors,
    });
  }

  async function renderNewMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const panels = await scrutiny.managedPanels(request.actor);
    return reply.render(`${VIEWS}/new-meeting.njk`, {
      pageTitle: 'Add a meeting',
      panels: panels.map((panel) => ({ value: panel.slug, text: panel.name })),
      values: {},
      ...extra,
    });
  }

  return async (app) => {
    app.get('/meetings', PUBLIC, async (request, reply) => {
      const entries = await scrutiny.listMeetings(request.actor);
      const now = Date.now();
      const view = entries.map((entry) => ({
        ...toMeetingSummary(entry.meeting),
        upcoming: entry.meeting.startsAt.getTime() >= now,
        questionsOpen: entry.window.open,
      }));
      return reply.render(`${VIEWS}/meetings.njk`, {
        pageTitle: 'Panel meetings',
        upcoming: view.filter((meeting) => meeting.upcoming).reverse(),
        past: view.filter((meeting) => !meeting.upcoming),
        canManage: (await scrutiny.managedPanels(request.actor)).length > 0,
      });
    });

    app.get('/meetings/new', MANAGE, (request, reply) => renderNewMeeting(request, reply));

    app.post('/meetings', MANAGE, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(MeetingFormSchema, values);
        const { id } = await scrutiny.createMeeting(request.actor, form, request.id);
        return reply.redirect(`/meetings/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderNewMeeting(request, reply.code(400), { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.get('/meetings/:id', PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderMeeting(request, reply, id);
    });

    app.post('/meetings/:id/agenda-items', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(AgendaItemFormSchema, values);
        await scrutiny.addAgendaItem(request.actor, id, form, request.id);
        return reply.redirect(`/meetings/${id}#agenda`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderMeeting(request, reply.code(400), id, { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.get('/meetings/:id/edit', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const meeting = await scrutiny.readMeetingForEdit(request.actor, id);
      const { date, time } = londonDateTimeOf(meeting.startsAt);
      return renderEditMeeting(reply, meeting, { title: meeting.title, date, time, venue: meeting.venue });
    });

    app.post('/meetings/:id', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        await scrutiny.updateMeetingDetails(
          request.actor,
          id,
          parseInput(MeetingEditFormSchema, values),
          request.id,
        );
        return reply.redirect(`/meetings/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const meeting = await scrutiny.readMeetingForEdit(request.actor, id);
        return renderEditMeeting(reply.code(400), meeting, values, toFormErrors(error.fieldErrors));
      }
    });

    app.post('/meetings/:id/cancellation', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      await scrutiny.cancelMeeting(request.actor, id, request.id);
      return reply.redirect(`/meetings/${id}`, 303);
    });

    app.post('/meetings/:id/agenda/publication', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      await scrutiny.publishAgenda(request.actor, id, request.id);
      return reply.redirect(`/meetings/${id}#agenda`, 303);
    });
  };
}
