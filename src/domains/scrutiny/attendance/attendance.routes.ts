import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import { requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
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
import { attendancePaths as paths } from './attendance.paths.ts';
import { AttendanceIdParams, AttendeeFormSchema, parseMemberAttendance } from './attendance.schemas.ts';
import {
  ATTENDEE_KIND_LABELS,
  memberOptions,
  toMemberAttendanceForm,
  toNamedAttendees,
} from './attendance.view-models.ts';
import { attendanceViews } from './attendance.views.ts';

const MANAGE = requires('scrutiny:manage');

/** The page's three forms; the one refused shows again with what was typed in it. */
type PageForm = 'members' | 'people' | 'declarations';

/** The members' form has one field a member, so it is read against the panel's list once the body is taken. */
const AnyFields = z.record(z.string(), z.unknown());

/** The page, with the refused form's submitted values and errors. */
async function renderPage(
  scrutiny: ScrutinyService,
  request: FastifyRequest,
  reply: FastifyReply,
  refused?: { form: PageForm; problem: FormProblem },
) {
  const { id } = parseInput(MeetingIdParams, request.params);
  const page = await scrutiny.attendance.readAttendancePage(request.actor, id);
  const valuesFor = (form: PageForm) => (refused?.form === form ? refused.problem.values : {});
  const people = valuesFor('people');
  const declaration = valuesFor('declarations');
  return reply.render(attendanceViews.attendance, {
    pageTitle: `Attendance and declarations: ${page.meeting.title}`,
    meeting: toMeetingSummary(page.meeting),
    memberRows: toMemberAttendanceForm(
      page.members,
      page.attendance,
      refused?.form === 'members' ? refused.problem.values : undefined,
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
    errorList: refused?.problem.errorList,
    fieldErrors: refused?.problem.fieldErrors,
  });
}

/**
 * The scrutiny officer's record of a meeting: members' attendance, the other people there, and the
 * interests members declared. Each form saves on its own, whole or not at all.
 */
export function scrutinyAttendanceRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  /** One of the page's forms: saved, then back to its part of the page; refused, the page again. */
  function pageForm<Schema extends z.ZodType>(
    form: PageForm,
    schema: Schema,
    save: (input: z.infer<Schema>, id: number, request: FastifyRequest) => Promise<unknown>,
  ): RouteHandlerMethod {
    return formRoute({
      schema,
      act: async (input, request) => {
        const { id } = parseInput(MeetingIdParams, request.params);
        await save(input, id, request);
        return id;
      },
      redirectTo: (id) => `${paths.attendance({ id })}#${form}`,
      render: (request, reply, problem) => renderPage(scrutiny, request, reply, { form, problem }),
    });
  }

  return async (app) => {
    app.get(paths.attendance.pattern, MANAGE, (request, reply) => renderPage(scrutiny, request, reply));

    app.post(
      paths.members.pattern,
      MANAGE,
      pageForm('members', AnyFields, async (body, id, request) => {
        const page = await scrutiny.attendance.readAttendancePage(request.actor, id);
        const choices = parseMemberAttendance(
          body,
          page.members.map((member) => member.id),
        );
        await scrutiny.attendance.recordMemberAttendance(request.actor, id, choices, request.id);
      }),
    );

    app.post(
      paths.people.pattern,
      MANAGE,
      pageForm('people', AttendeeFormSchema, (form, id, request) =>
        scrutiny.attendance.addAttendee(request.actor, id, form, request.id),
      ),
    );

    app.post(paths.personDelete.pattern, MANAGE, async (request, reply) => {
      const { id, attendanceId } = parseInput(AttendanceIdParams, request.params);
      await scrutiny.attendance.removeAttendee(request.actor, id, attendanceId, request.id);
      return reply.redirect(`${paths.attendance({ id })}#people`, 303);
    });

    app.post(
      paths.declarations.pattern,
      MANAGE,
      pageForm('declarations', DeclarationFormSchema, (form, id, request) =>
        scrutiny.interests.addDeclaration(request.actor, id, form, request.id),
      ),
    );

    app.post(paths.declarationDelete.pattern, MANAGE, async (request, reply) => {
      const { id, declarationId } = parseInput(DeclarationIdParams, request.params);
      await scrutiny.interests.removeDeclaration(request.actor, id, declarationId, request.id);
      return reply.redirect(`${paths.attendance({ id })}#declarations`, 303);
    });
  };
}
