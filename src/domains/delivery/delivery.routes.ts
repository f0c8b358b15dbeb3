import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { plural } from '../../kernel/formats/words.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { loadDeliveryFile } from './delivery.files.ts';
import { deliveryPaths as paths } from './delivery.paths.ts';
import {
  ActionChangeFormSchema,
  ActionFormSchema,
  type ActionKey,
  ActionParams,
  ImportFormSchema,
  MilestoneFormSchema,
  NewPlanFormSchema,
  PlanKeyParams,
  PublishFormSchema,
  StatusFormSchema,
} from './delivery.schemas.ts';
import type { DeliveryService } from './delivery.service.ts';
import {
  ACTIONS_CSV,
  type ActionFormName,
  toActionFormPage,
  toActionJson,
  toActionListPage,
  toActionPage,
  toImportPage,
  toListPage,
  toMatrixPage,
  toNewPlanPage,
  toPlanJson,
  toPlanListJson,
  toPlanPage,
} from './delivery.view-models.ts';
import { VIEWS } from './delivery.views.ts';

const MANAGE = requires('delivery:manage');

interface DeliveryRouteDeps {
  delivery: DeliveryService;
}

/** The public pages, downloads and API: published delivery plans, and the office's drafts for its officers. */
function readRoutes({ delivery }: DeliveryRouteDeps): FastifyPluginAsync {
  const readPlan = (request: FastifyRequest) =>
    delivery.readDeliveryPlan(request.actor, parseInput(PlanKeyParams, request.params));

  return async (app) => {
    app.get(paths.list.pattern, PUBLIC, async (request, reply) =>
      reply.render(
        VIEWS.list,
        toListPage(await delivery.listPlansFor(request.actor), delivery.deliveryAccess(request.actor)),
      ),
    );
    app.get(paths.overdue.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.actionList, toActionListPage('overdue', await delivery.listOverdue(request.actor))),
    );
    app.get(paths.atRisk.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.actionList, toActionListPage('at-risk', await delivery.listAtRisk(request.actor))),
    );
    app.get(paths.plan.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.plan, toPlanPage(await readPlan(request))),
    );
    app.get(paths.planCsv.pattern, PUBLIC, async (request, reply) => {
      const read = await readPlan(request);
      const name = `delivery-${read.plan.planSlug}-v${read.plan.versionNumber}-${read.plan.owner}`;
      return sendDownload(reply, { name, format: 'csv', body: toCsv(read.actions, ACTIONS_CSV) });
    });
    app.get(paths.planJson.pattern, PUBLIC, async (request, reply) => {
      const read = await readPlan(request);
      const name = `delivery-${read.plan.planSlug}-v${read.plan.versionNumber}-${read.plan.owner}`;
      return sendDownload(reply, { name, format: 'json', body: JSON.stringify(toPlanJson(read), null, 2) });
    });
    app.get(paths.matrix.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.matrix, toMatrixPage(await readPlan(request))),
    );
    app.get(paths.apiList.pattern, PUBLIC, async (request) =>
      toPlanListJson(await delivery.listPlansFor(request.actor)),
    );
    app.get(paths.apiPlan.pattern, PUBLIC, async (request) => toPlanJson(await readPlan(request)));
    app.get(paths.apiAction.pattern, PUBLIC, async (request) => {
      const read = await delivery.readAction(request.actor, parseInput(ActionParams, request.params));
      return toActionJson(read.plan, read.action, read.version);
    });
  };
}

/** Starting a delivery plan, loading one from a file, publishing it, and adding its actions. */
function planFormRoutes({ delivery }: DeliveryRouteDeps): FastifyPluginAsync {
  const renderNewPlan = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.newPlan, toNewPlanPage(await delivery.listPlanVersionsFor(request.actor), problem));
  const renderImport = async (_request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.importFile, toImportPage(problem));
  const renderNewAction = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const read = await delivery.readDeliveryPlan(request.actor, parseInput(PlanKeyParams, request.params));
    return reply.render(VIEWS.actionForm, toActionFormPage(read, problem));
  };
  const renderPlan = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const read = await delivery.readDeliveryPlan(request.actor, parseInput(PlanKeyParams, request.params));
    return reply.render(VIEWS.plan, toPlanPage(read, problem));
  };

  return async (app) => {
    app.get(paths.add.pattern, MANAGE, (request, reply) => renderNewPlan(request, reply));
    app.post(
      paths.add.pattern,
      MANAGE,
      formRoute({
        schema: NewPlanFormSchema,
        act: (input, request) => delivery.createDeliveryPlan(request.actor, input, request.id),
        redirectTo: (key) => paths.plan(key),
        render: renderNewPlan,
      }),
    );
    app.get(paths.importFile.pattern, MANAGE, (request, reply) => renderImport(request, reply));
    app.post(
      paths.importFile.pattern,
      MANAGE,
      formRoute({
        schema: ImportFormSchema,
        act: ({ content }, request) => loadDeliveryFile(delivery, request.actor, content, 'the file'),
        redirectTo: (result) => paths.plan(result),
        render: renderImport,
        // One line in the summary points at the box; the page lists every problem of the file under it.
        summarise: (errors) => [
          {
            field: 'content',
            message: `The file has ${plural(errors.length, 'problem')}: see the list below`,
          },
        ],
      }),
    );
    app.post(
      paths.publish.pattern,
      MANAGE,
      formRoute({
        schema: PublishFormSchema,
        act: async (_input, request) => {
          const key = parseInput(PlanKeyParams, request.params);
          await delivery.publishDeliveryPlan(request.actor, key, request.id);
          return key;
        },
        redirectTo: (key) => paths.plan(key),
        render: renderPlan,
      }),
    );
    app.get(paths.addAction.pattern, MANAGE, (request, reply) => renderNewAction(request, reply));
    app.post(
      paths.addAction.pattern,
      MANAGE,
      formRoute({
        schema: ActionFormSchema,
        act: (input, request) =>
          delivery.addAction(request.actor, parseInput(PlanKeyParams, request.params), input, request.id),
        redirectTo: (key) => paths.action(key),
        render: renderNewAction,
      }),
    );
  };
}

type ActionChange<Schema extends z.ZodType> = (
  actor: Actor,
  key: ActionKey,
  form: z.infer<Schema>,
  requestId?: string,
) => Promise<unknown>;

/** An action's page and its forms: change the action, record a status, add a milestone. */
function actionRoutes({ delivery }: DeliveryRouteDeps): FastifyPluginAsync {
  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: { form: ActionFormName } & FormProblem,
  ) {
    const read = await delivery.readAction(request.actor, parseInput(ActionParams, request.params));
    return reply.render(VIEWS.action, toActionPage(read, problem));
  }

  function actionForm<Schema extends z.ZodType>(
    form: ActionFormName,
    schema: Schema,
    change: ActionChange<Schema>,
  ) {
    return formRoute({
      schema,
      act: async (input, request) => {
        const key = parseInput(ActionParams, request.params);
        await change(request.actor, key, input, request.id);
        return key;
      },
      redirectTo: (key) => paths.action(key),
      render: (request, reply, problem) => renderAction(request, reply, { form, ...problem }),
      summarise: (errors) => errors.map((error) => ({ ...error, field: `${form}-${error.field}` })),
    });
  }

  const renderChange = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      VIEWS.actionForm,
      toActionFormPage(
        await delivery.readAction(request.actor, parseInput(ActionParams, request.params)),
        problem,
      ),
    );

  return async (app) => {
    app.get(paths.action.pattern, PUBLIC, (request, reply) => renderAction(request, reply));
    app.get(paths.editAction.pattern, MANAGE, (request, reply) => renderChange(request, reply));
    app.post(
      paths.editAction.pattern,
      MANAGE,
      formRoute({
        schema: ActionChangeFormSchema,
        act: (input, request) =>
          delivery.changeAction(request.actor, parseInput(ActionParams, request.params), input, request.id),
        redirectTo: (key) => paths.action(key),
        render: renderChange,
      }),
    );
    app.post(paths.status.pattern, MANAGE, actionForm('status', StatusFormSchema, delivery.recordStatus));
    app.post(
      paths.milestone.pattern,
      MANAGE,
      actionForm('milestone', MilestoneFormSchema, delivery.addMilestone),
    );
  };
}

export function deliveryRoutes(deps: DeliveryRouteDeps): FastifyPluginAsync {
  return routeGroups(readRoutes(deps), planFormRoutes(deps), actionRoutes(deps));
}
