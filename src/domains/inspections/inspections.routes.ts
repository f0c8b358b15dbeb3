import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { inspectionPaths as paths } from './inspections.paths.ts';
import {
  FindingChangeFormSchema,
  FindingFormSchema,
  FindingParams,
  GradeFormSchema,
  InspectionFilterSchema,
  InspectionFormSchema,
  InspectionParams,
  type InspectionTarget,
  PublishFormSchema,
  ResponseFormSchema,
} from './inspections.schemas.ts';
import type { InspectionsService } from './inspections.service.ts';
import {
  INSPECTIONS_CSV,
  type InspectionFormName,
  OPEN_CSV,
  toFindingFormPage,
  toInspectionJson,
  toInspectionPage,
  toListPage,
  toNewInspectionPage,
  toOpenPage,
} from './inspections.view-models.ts';
import { VIEWS } from './inspections.views.ts';

const MANAGE = requires('inspections:manage');

interface InspectionsRouteDeps {
  inspections: InspectionsService;
}

/** The public list, the open recommendations, their downloads and the API: published reports only. */
function listRoutes({ inspections }: InspectionsRouteDeps): FastifyPluginAsync {
  const listed = (request: FastifyRequest) =>
    inspections.listPublished(request.actor, parseInput(InspectionFilterSchema, request.query));

  return async (app) => {
    app.get(paths.list.pattern, PUBLIC, async (request, reply) => {
      const filter = parseInput(InspectionFilterSchema, request.query);
      const [published, drafts] = await Promise.all([
        inspections.listPublished(request.actor, filter),
        inspections.listDrafts(request.actor),
      ]);
      const { canManage } = inspections.listAccess(request.actor);
      return reply.render(VIEWS.list, toListPage(published, drafts, filter, canManage));
    });

    app.get(paths.csv.pattern, PUBLIC, async (request, reply) =>
      sendDownload(reply, {
        name: 'inspections',
        format: 'csv',
        body: toCsv(await listed(request), INSPECTIONS_CSV),
      }),
    );

    app.get(paths.json.pattern, PUBLIC, async (request, reply) => {
      const body = { inspections: (await listed(request)).map(toInspectionJson) };
      return sendDownload(reply, {
        name: 'inspections',
        format: 'json',
        body: JSON.stringify(body, null, 2),
      });
    });

    app.get(paths.open.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.open, toOpenPage(await inspections.listOpenRecommendations(request.actor))),
    );

    app.get(paths.openCsv.pattern, PUBLIC, async (request, reply) => {
      const open = await inspections.listOpenRecommendations(request.actor);
      return sendDownload(reply, {
        name: 'open-inspection-recommendations',
        format: 'csv',
        body: toCsv(open, OPEN_CSV),
      });
    });

    app.get(paths.apiList.pattern, PUBLIC, async (request) => ({
      inspections: (await listed(request)).map(toInspectionJson),
    }));

    app.get(paths.apiInspection.pattern, PUBLIC, async (request) => {
      const { body, code } = parseInput(InspectionParams, request.params);
      return toInspectionJson((await inspections.readInspection(request.actor, body, code)).inspection);
    });
  };
}

type InspectionChange<Schema extends z.ZodType> = (
  actor: Actor,
  target: InspectionTarget,
  form: z.infer<Schema>,
  requestId?: string,
) => Promise<unknown>;

/** A report's page and its forms, the form that changes one of its findings, and the one recording a new report. */
function inspectionRoutes({ inspections }: InspectionsRouteDeps): FastifyPluginAsync {
  async function renderInspection(
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: { form: InspectionFormName } & FormProblem,
  ) {
    const { body, code } = parseInput(InspectionParams, request.params);
    const read = await inspections.readInspection(request.actor, body, code);
    return reply.render(VIEWS.inspection, toInspectionPage(read, problem));
  }

  /** A form on the report's page; its mistakes show against its own fields (ids prefixed with the form). */
  function pageForm<Schema extends z.ZodType>(
    form: InspectionFormName,
    schema: Schema,
    change: InspectionChange<Schema>,
  ) {
    return formRoute({
      schema,
      act: async (input, request) => {
        const target = parseInput(InspectionParams, request.params);
        await change(request.actor, target, input, request.id);
        return target;
      },
      redirectTo: (target) => paths.inspection(target),
      render: (request, reply, problem) => renderInspection(request, reply, { form, ...problem }),
      summarise: (errors) => errors.map((error) => ({ ...error, field: `${form}-${error.field}` })),
    });
  }

  async function renderFindingForm(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const target = parseInput(FindingParams, request.params);
    const read = await inspections.readInspection(request.actor, target.body, target.code);
    return reply.render(VIEWS.findingForm, toFindingFormPage(read, target, problem));
  }

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      VIEWS.newInspection,
      toNewInspectionPage(await inspections.listOfficesFor(request.actor), problem),
    );

  return async (app) => {
    app.get(paths.add.pattern, MANAGE, (request, reply) => renderNew(request, reply));
    app.post(
      paths.add.pattern,
      MANAGE,
      formRoute({
        schema: InspectionFormSchema,
        act: (input, request) => inspections.recordInspection(request.actor, input, request.id),
        redirectTo: (target) => paths.inspection(target),
        render: renderNew,
      }),
    );
    app.get(paths.inspection.pattern, PUBLIC, (request, reply) => renderInspection(request, reply));
    app.post(paths.grades.pattern, MANAGE, pageForm('grade', GradeFormSchema, inspections.addGrade));
    app.post(paths.findings.pattern, MANAGE, pageForm('finding', FindingFormSchema, inspections.addFinding));
    app.get(paths.editFinding.pattern, MANAGE, (request, reply) => renderFindingForm(request, reply));
    app.post(
      paths.editFinding.pattern,
      MANAGE,
      formRoute({
        schema: FindingChangeFormSchema,
        act: (input, request) =>
          inspections.changeFinding(
            request.actor,
            parseInput(FindingParams, request.params),
            input,
            request.id,
          ),
        redirectTo: (target) => paths.inspection(target),
        render: renderFindingForm,
      }),
    );
    app.post(
      paths.response.pattern,
      MANAGE,
      pageForm('response', ResponseFormSchema, inspections.recordResponse),
    );
    app.post(
      paths.publish.pattern,
      MANAGE,
      pageForm('publish', PublishFormSchema, inspections.publishInspection),
    );
  };
}

export function inspectionsRoutes(deps: InspectionsRouteDeps): FastifyPluginAsync {
  return routeGroups(listRoutes(deps), inspectionRoutes(deps));
}
