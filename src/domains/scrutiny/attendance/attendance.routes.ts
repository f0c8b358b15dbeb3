import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { DeclarationFormSchema, DeclarationIdParams } from '../interests/interests.schemas.ts';
import {
  DECLARATION_KIND_LABELS,
  options,
  PARTICIPATION_LABELS,
  toDeclarationsView,
} from '../interests/interests.view-models.ts';
import { agendaItemOptions } from '../papers/papers.view-models.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { toMeetingSummary } from '../scrutiny.view-models.ts';
import { AttendanceIdParams, AttendeeFormSchema, parseMemberAttendance } from './attendance.schemas.ts';
import {
  ATTENDEE_KIND_LABELS,
  memberOptions,
  toMemberAttendanceForm,
  toNamedAttendees,
} from './attendance.view-models.ts';

const VIEWS = 'scrutiny/attendance/views';
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

type Body = Record<string, unknown>;

/**
 * The scrutiny officer's record of a meeting: members' attendance, the other people there, and the
 * interests members declared. Each form saves on its own, whole or not at all.
 */
export function scrutinyAttendanceRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  /** The page, with any form's submitted values and errors: `form` says which form they belong to. */
  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    failed?: { form: 'members' | 'people' | 'declarations'; values: Body; error: ValidationError },
  ) {
    const page = await scrutiny.attendance.readAttendancePage(request.actor, id);
    const valuesFor = (form: string) => (failed?.form === form ? failed.values : {});
    const people = valuesFor('people');
    const declaration = valuesFor('declarations');
    return reply.render(`${VIEWS}/attendance.njk`, {
      pageTitle: `Attendance and declarations: ${page.meeting.title}`,
      meeting: toMeetingSummary(page.meeting),
      memberRows: toMemberAttendanceForm(
        page.members,
        page.attendance,
        failed?.form === 'members' ? failed.values : undefined,
      ),
      namedPeople: toNamedAttendees(page.attendance),
      people,
      attendeeKinds: options(ATTENDEE_KIND_LABELS, people.attendedAs ?? 'other'),
      substituteOptions: memberOptions(page.members, people.substituteFor ?? '', 'Not a substitute'),
      declarations: toDeclarationsView(page.declarations),
      declaration,
      declarationMembers: memberOptions(page.members, declaration.member ?? ''),
      declarationItems: agendaItemOptions(page.items, declaration.agendaItem ?? ''),
      declarationKinds: options(DECLARATION_KIND_LABELS, declaration.kind),
      participations: options(PARTICIPATION_LABELS, declaration.participation),
      ...(failed ? toFormErrors(failed.error.fieldErrors) : {}),
    });
  }

  /** Runs a form's change; on a rule broken, shows the page again with that form's values and errors. */
  async function save(
    request: FastifyRequest,
    reply: FastifyReply,
    form: 'members' | 'people' | 'declarations',
    change: (id: number, values: Body) => Promise<unknown>,
    anchor: string,
  ) {
    const { id } = parseInput(MeetingIdParams, request.params);
    const values = (request.body ?? {}) as Body;
    try {
      await change(id, values);
      return reply.redirect(`/meetings/${id}/attendance#${anchor}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderPage(request, reply.code(400), id, { form, values, error });
    }
  }

  return async (app) => {
    app.get('/meetings/:id/attendance', MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return renderPage(request, reply, id);
    });

    app.post('/meetings/:id/attendance/members', MANAGE, (request, reply) =>
      save(
        request,
        reply,
        'members',
        async (id, values) => {
          const page = await scrutiny.attendance.readAttendancePage(request.actor, id);
          const choices = parseMemberAttendance(
            values,
            page.members.map((member) => member.id),
          );
          await scrutiny.attendance.recordMemberAttendance(request.actor, id, choices, request.id);
        },
        'members',
      ),
    );

    app.post('/meetings/:id/attendance/people', MANAGE, (request, reply) =>
      save(
        request,
        reply,
        'people',
        (id, values) =>
          scrutiny.attendance.addAttendee(
            request.actor,
            id,
            parseInput(AttendeeFormSchema, values),
            request.id,
          ),
        'people',
      ),
    );

    app.post('/meetings/:id/attendance/people/:attendanceId/delete', MANAGE, async (request, reply) => {
      const { id, attendanceId } = parseInput(AttendanceIdParams, request.params);
      await scrutiny.attendance.removeAttendee(request.actor, id, attendanceId, request.id);
      return reply.redirect(`/meetings/${id}/attendance#people`, 303);
    });

    app.post('/meetings/:id/declarations', MANAGE, (request, reply) =>
      save(
        request,
        reply,
        'declarations',
        (id, values) =>
          scrutiny.interests.addDeclaration(
            request.actor,
            id,
            parseInput(DeclarationFormSchema, values),
            request.id,
          ),
        'declarations',
      ),
    );

    app.post('/meetings/:id/declarations/:declarationId/delete', MANAGE, async (request, reply) => {
      const { id, declarationId } = parseInput(DeclarationIdParams, request.params);
      await scrutiny.interests.removeDeclaration(request.actor, id, declarationId, request.id);
      return reply.redirect(`/meetings/${id}/attendance#declarations`, 303);
    });
  };
}
