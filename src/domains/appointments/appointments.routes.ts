import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { appointmentsPaths as paths } from './appointments.paths.ts';
import { POST_RULES } from './appointments.rules.ts';
import {
  AppointmentParams,
  type AppointmentTarget,
  BodyParams,
  ProposalFormSchema,
  ReportFormSchema,
  ResponseFormSchema,
} from './appointments.schemas.ts';
import type { AppointmentsService } from './appointments.service.ts';
import {
  toAppointmentJson,
  toAppointmentPage,
  toBodyPage,
  toIndexPage,
  toProposalPage,
  toReportFormPage,
  toResponseFormPage,
  VOTE_CSV,
} from './appointments.view-models.ts';
import { VIEWS } from './appointments.views.ts';

const PROPOSE = requires('appointments:propose');
const REPORT = requires('appointments:report');

interface AppointmentsRouteDeps {
  appointments: AppointmentsService;
}

const appointmentUrl = (target: AppointmentTarget) => paths.appointment(target);

/** The public pages, the vote's CSV and the API: a notified appointment and its hearing are public. */
function publicRoutes({ appointments }: AppointmentsRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(paths.index.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.index, toIndexPage(await appointments.listIndex(request.actor))),
    );
    app.get(paths.body.pattern, PUBLIC, async (request, reply) => {
      const { body } = parseInput(BodyParams, request.params);
      return reply.render(VIEWS.body, toBodyPage(await appointments.readBody(request.actor, body)));
    });
    app.get(paths.appointment.pattern, PUBLIC, async (request, reply) => {
      const target = parseInput(AppointmentParams, request.params);
      const read = await appointments.readAppointment(request.actor, target);
      return reply.render(VIEWS.appointment, toAppointmentPage(read));
    });
    app.get(paths.votesCsv.pattern, PUBLIC, async (request, reply) => {
      const target = parseInput(AppointmentParams, request.params);
      const { appointment, votes } = await appointments.readVotes(target);
      const rows = votes.map((vote) => ({
        ...vote,
        office: appointment.bodyName,
        post: POST_RULES[appointment.post].title,
        candidate: appointment.candidate,
      }));
      return sendDownload(reply, {
        name: `appointment-vote-${appointment.bodySlug}-${appointment.id}`,
        format: 'csv',
        body: toCsv(rows, VOTE_CSV),
      });
    });
    app.get(paths.apiBody.pattern, PUBLIC, async (request) => {
      const { body } = parseInput(BodyParams, request.params);
      const read = await appointments.readBody(request.actor, body);
      const each = await Promise.all(
        read.appointments.map((row) =>
          appointments.readAppointment(request.actor, { body, id: row.id }).then(toAppointmentJson),
        ),
      );
      return { organization: { slug: read.body.slug, name: read.body.name }, appointments: each };
    });
    app.get(paths.apiAppointment.pattern, PUBLIC, async (request) => {
      const target = parseInput(AppointmentParams, request.params);
      return toAppointmentJson(await appointments.readAppointment(request.actor, target));
    });
  };
}

/** The forms: the office's notification and response, the Panel's report. */
function formRoutes({ appointments }: AppointmentsRouteDeps): FastifyPluginAsync {
  const renderProposal = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.proposal, toProposalPage(await appointments.listOfficesFor(request.actor), problem));

  const renderReport = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const target = parseInput(AppointmentParams, request.params);
    const read = await appointments.readReportForm(request.actor, target);
    return reply.render(VIEWS.report, toReportFormPage(read, problem));
  };

  const renderResponse = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const target = parseInput(AppointmentParams, request.params);
    const { appointment } = await appointments.readResponseForm(request.actor, target);
    return reply.render(VIEWS.response, toResponseFormPage(appointment, problem));
  };

  return async (app) => {
    app.get(paths.add.pattern, PROPOSE, (request, reply) => renderProposal(request, reply));
    app.post(
      paths.add.pattern,
      PROPOSE,
      formRoute({
        schema: ProposalFormSchema,
        act: (input, request) => appointments.proposeAppointment(request.actor, input, request.id),
        redirectTo: appointmentUrl,
        render: renderProposal,
      }),
    );
    app.get(paths.report.pattern, REPORT, (request, reply) => renderReport(request, reply));
    app.post(
      paths.report.pattern,
      REPORT,
      formRoute({
        schema: ReportFormSchema,
        act: async (input, request) => {
          const target = parseInput(AppointmentParams, request.params);
          await appointments.reportOnAppointment(request.actor, target, input, request.id);
          return target;
        },
        redirectTo: appointmentUrl,
        render: renderReport,
      }),
    );
    app.get(paths.response.pattern, PROPOSE, (request, reply) => renderResponse(request, reply));
    app.post(
      paths.response.pattern,
      PROPOSE,
      formRoute({
        schema: ResponseFormSchema,
        act: async (input, request) => {
          const target = parseInput(AppointmentParams, request.params);
          await appointments.respondToReport(request.actor, target, input, request.id);
          return target;
        },
        redirectTo: appointmentUrl,
        render: renderResponse,
      }),
    );
  };
}

export function appointmentsRoutes(deps: AppointmentsRouteDeps): FastifyPluginAsync {
  return routeGroups(publicRoutes(deps), formRoutes(deps));
}
