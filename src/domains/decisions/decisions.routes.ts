import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { toAtom } from '../../kernel/formats/atom.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { decisionPaths as paths } from './decisions.paths.ts';
import {
  DecisionFilterSchema,
  DecisionParams,
  DeferFormSchema,
  EditFormSchema,
  PublishFormSchema,
  RecordFormSchema,
  SignOffFormSchema,
} from './decisions.schemas.ts';
import type { DecisionsService } from './decisions.service.ts';
import {
  type DecisionFormName,
  REGISTER_CSV,
  toDecisionJson,
  toDecisionPage,
  toDecisionsFeed,
  toEditDecisionPage,
  toForwardPlanPage,
  toNewDecisionPage,
  toRegisterPage,
} from './decisions.view-models.ts';
import { VIEWS } from './decisions.views.ts';

const MANAGE = requires('decisions:manage');
// The forward plan is the Panel's as well as the office's: any signed-in reader reaches the route, and the
// service refuses one the policy does not allow (decisions:read-forward-plan).
const FORWARD_PLAN = requires('signed-in');

interface DecisionsRouteDeps {
  decisions: DecisionsService;
  /** The installation's own address, for the feed's absolute links. */
  baseUrl: string;
}

/** The public register, its downloads and API: published decisions, Part 2 as its stub only. */
function registerRoutes({ decisions, baseUrl }: DecisionsRouteDeps): FastifyPluginAsync {
  const listed = (request: FastifyRequest) =>
    decisions.listRegister(request.actor, parseInput(DecisionFilterSchema, request.query));

  return async (app) => {
    app.get(paths.register.pattern, PUBLIC, async (request, reply) => {
      const filter = parseInput(DecisionFilterSchema, request.query);
      const [rows, unpublished, years] = await Promise.all([
        decisions.listRegister(request.actor, filter),
        decisions.listUnpublished(request.actor),
        decisions.listRegisterYears(),
      ]);
      const context = { years, ...decisions.registerAccess(request.actor) };
      return reply.render(VIEWS.register, toRegisterPage(rows, unpublished, filter, context));
    });

    app.get(paths.csv.pattern, PUBLIC, async (request, reply) =>
      sendDownload(reply, {
        name: 'decisions',
        format: 'csv',
        body: toCsv(await listed(request), REGISTER_CSV),
      }),
    );

    app.get(paths.json.pattern, PUBLIC, async (request, reply) => {
      const body = { decisions: (await listed(request)).map(toDecisionJson) };
      return sendDownload(reply, { name: 'decisions', format: 'json', body: JSON.stringify(body, null, 2) });
    });

    app.get(paths.feed.pattern, PUBLIC, async (request, reply) => {
      const { decisions: published, readAt } = await decisions.listFeed(request.actor);
      const body = toAtom(baseUrl, toDecisionsFeed(published, readAt));
      return sendDownload(reply, { name: 'decisions', format: 'atom', body, inline: true });
    });

    app.get(paths.apiList.pattern, PUBLIC, async (request) => ({
      decisions: (await listed(request)).map(toDecisionJson),
    }));

    app.get(paths.apiDecision.pattern, PUBLIC, async (request) => {
      const { body, number } = parseInput(DecisionParams, request.params);
      return toDecisionJson((await decisions.readDecision(request.actor, body, number)).decision);
    });

    app.get(paths.forwardPlan.pattern, FORWARD_PLAN, async (request, reply) =>
      reply.render(VIEWS.forwardPlan, toForwardPlanPage(await decisions.readForwardPlan(request.actor))),
    );
  };
}

type DecisionChange<Schema extends z.ZodType> = (
  actor: Actor,
  target: { body: string; number: string },
  form: z.infer<Schema>,
  requestId?: string,
) => Promise<unknown>;

/** A decision's page and its forms (sign off, defer, publish), and the form that records a new one. */
function decisionRoutes({ decisions }: DecisionsRouteDeps): FastifyPluginAsync {
  async function renderDecision(
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: { form: DecisionFormName } & FormProblem,
  ) {
    const { body, number } = parseInput(DecisionParams, request.params);
    const read = await decisions.readDecision(request.actor, body, number);
    return reply.render(VIEWS.decision, toDecisionPage(read, problem));
  }

  /** A form on the decision's page; publishing names what it lacks on the sign-off form's fields. */
  function decisionForm<Schema extends z.ZodType>(
    form: DecisionFormName,
    schema: Schema,
    change: DecisionChange<Schema>,
  ) {
    const fieldsOf = form === 'publish' ? 'sign-off' : form;
    return formRoute({
      schema,
      act: async (input, request) => {
        const target = parseInput(DecisionParams, request.params);
        await change(request.actor, target, input, request.id);
        return target;
      },
      redirectTo: (target) => paths.decision(target),
      render: (request, reply, problem) => renderDecision(request, reply, { form, ...problem }),
      summarise: (errors) => errors.map((error) => ({ ...error, field: `${fieldsOf}-${error.field}` })),
    });
  }

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      VIEWS.newDecision,
      toNewDecisionPage(await decisions.listOfficesFor(request.actor), problem),
    );

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const { body, number } = parseInput(DecisionParams, request.params);
    const { decision } = await decisions.readDraftToEdit(request.actor, body, number);
    return reply.render(VIEWS.editDecision, toEditDecisionPage(decision, problem));
  };

  return async (app) => {
    app.get(paths.add.pattern, MANAGE, (request, reply) => renderNew(request, reply));
    app.get(paths.edit.pattern, MANAGE, (request, reply) => renderEdit(request, reply));
    app.post(
      paths.edit.pattern,
      MANAGE,
      formRoute({
        schema: EditFormSchema,
        act: async (input, request) => {
          const target = parseInput(DecisionParams, request.params);
          await decisions.editDecision(request.actor, target, input, request.id);
          return target;
        },
        redirectTo: (target) => paths.decision(target),
        render: renderEdit,
      }),
    );
    app.post(
      paths.add.pattern,
      MANAGE,
      formRoute({
        schema: RecordFormSchema,
        act: (input, request) => decisions.recordDecision(request.actor, input, request.id),
        redirectTo: (target) => paths.decision(target),
        render: renderNew,
      }),
    );
    app.get(paths.decision.pattern, PUBLIC, (request, reply) => renderDecision(request, reply));
    app.post(
      paths.signOff.pattern,
      MANAGE,
      decisionForm('sign-off', SignOffFormSchema, decisions.signOffDecision),
    );
    app.post(paths.defer.pattern, MANAGE, decisionForm('defer', DeferFormSchema, decisions.deferPublication));
    app.post(
      paths.publish.pattern,
      MANAGE,
      decisionForm('publish', PublishFormSchema, (actor, target, _form, requestId) =>
        decisions.publishDecision(actor, target, requestId),
      ),
    );
  };
}

export function decisionsRoutes(deps: DecisionsRouteDeps): FastifyPluginAsync {
  return routeGroups(registerRoutes(deps), decisionRoutes(deps));
}
