import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import type { FormProblem } from '../../../kernel/http/form-route.ts';
import { formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import {
  AgendaItemFormSchema,
  MeetingEditFormSchema,
  MeetingFormSchema,
  MeetingIdParams,
} from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import type { RecordsBetween } from './meeting-page.ts';
import {
  EDIT_MEETING_PAGE,
  MEETING_PAGE,
  MEETINGS_PAGE,
  NEW_MEETING_PAGE,
  toEditMeetingPage,
  toMeetingPage,
  toMeetingsPage,
  toNewMeetingPage,
} from './meetings.view-models.ts';

const MANAGE = requires('scrutiny:manage');

const meetingId = (request: FastifyRequest) => parseInput(MeetingIdParams, request.params).id;
const meetingUrl = (id: number, part = '') => `${meetingPaths.meeting({ id })}${part}`;

/** A form's action on the meeting in the URL, giving back the meeting's id to redirect to. */
function onMeeting<Form>(
  change: (actor: FastifyRequest['actor'], id: number, form: Form, requestId: string) => Promise<unknown>,
) {
  return async (form: Form, request: FastifyRequest): Promise<number> => {
    const id = meetingId(request);
    await change(request.actor, id, form, request.id);
    return id;
  };
}

/** The public's list of meetings, and each meeting's page with the agenda item form for its officer. */
function addReadingRoutes(app: FastifyInstance, scrutiny: ScrutinyService, recordsBetween: RecordsBetween) {
  const renderMeeting = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      MEETING_PAGE,
      await toMeetingPage(scrutiny, recordsBetween, request.actor, meetingId(request), problem),
    );

  app.get(meetingPaths.list.pattern, PUBLIC, async (request, reply) => {
    const [entries, bodies] = await Promise.all([
      scrutiny.listMeetings(request.actor),
      scrutiny.managedBodies(request.actor, 'meetings'),
    ]);
    return reply.render(MEETINGS_PAGE, toMeetingsPage(entries, new Date(), bodies.length > 0));
  });

  app.get(meetingPaths.meeting.pattern, PUBLIC, (request, reply) => renderMeeting(request, reply));

  app.post(
    meetingPaths.agendaItems.pattern,
    MANAGE,
    formRoute({
      schema: AgendaItemFormSchema,
      act: onMeeting(scrutiny.addAgendaItem),
      redirectTo: (id: number) => meetingUrl(id, '#agenda'),
      render: renderMeeting,
    }),
  );
}

/** The officer's forms: a new meeting for a body they run, and changing, cancelling or publishing one. */
function addOfficerRoutes(app: FastifyInstance, scrutiny: ScrutinyService) {
  const renderNew = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      NEW_MEETING_PAGE,
      toNewMeetingPage(await scrutiny.managedBodies(request.actor, 'meetings'), problem),
    );

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const meeting = await scrutiny.readMeetingForEdit(request.actor, meetingId(request));
    return reply.render(EDIT_MEETING_PAGE, toEditMeetingPage(meeting, problem));
  };

  app.get(meetingPaths.new.pattern, MANAGE, (request, reply) => renderNew(request, reply));

  app.post(
    meetingPaths.list.pattern,
    MANAGE,
    formRoute({
      schema: MeetingFormSchema,
      act: (form, request) => scrutiny.createMeeting(request.actor, form, request.id),
      redirectTo: ({ id }) => meetingUrl(id),
      render: renderNew,
    }),
  );

  app.get(meetingPaths.edit.pattern, MANAGE, (request, reply) => renderEdit(request, reply));

  app.post(
    meetingPaths.meeting.pattern,
    MANAGE,
    formRoute({
      schema: MeetingEditFormSchema,
      act: onMeeting(scrutiny.updateMeetingDetails),
      redirectTo: (id: number) => meetingUrl(id),
      render: renderEdit,
    }),
  );

  app.post(meetingPaths.cancellation.pattern, MANAGE, async (request, reply) => {
    const id = meetingId(request);
    await scrutiny.cancelMeeting(request.actor, id, request.id);
    return reply.redirect(meetingUrl(id), 303);
  });

  app.post(meetingPaths.agendaPublication.pattern, MANAGE, async (request, reply) => {
    const id = meetingId(request);
    await scrutiny.publishAgenda(request.actor, id, request.id);
    return reply.redirect(meetingUrl(id, '#agenda'), 303);
  });
}

/** Meetings of any body that holds them: the public's pages, and their officer's changes. */
export function meetingsRoutes(deps: {
  scrutiny: ScrutinyService;
  recordsBetween: RecordsBetween;
}): FastifyPluginAsync {
  return async (app) => {
    addReadingRoutes(app, deps.scrutiny, deps.recordsBetween);
    addOfficerRoutes(app, deps.scrutiny);
  };
}
