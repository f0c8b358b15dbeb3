import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { complaintsPaths as paths } from './complaints.paths.ts';
import {
  CaseFiltersSchema,
  CaseFormSchema,
  CaseParams,
  type CaseTarget,
  PanelParams,
} from './complaints.schemas.ts';
import type { ComplaintsService } from './complaints.service.ts';
import {
  toCaseFormPage,
  toCasePage,
  toCountsJson,
  toCountsPage,
  toIndexPage,
  toRegisterPage,
} from './complaints.view-models.ts';
import { VIEWS } from './complaints.views.ts';

const MANAGE = requires('complaints:manage');

interface ComplaintsRouteDeps {
  complaints: ComplaintsService;
}

/** The public pages and API: counts by year and nothing else. */
function publicRoutes({ complaints }: ComplaintsRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(paths.index.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.index, toIndexPage(await complaints.listIndex(request.actor))),
    );
    app.get(paths.panel.pattern, PUBLIC, async (request, reply) => {
      const { panel } = parseInput(PanelParams, request.params);
      return reply.render(VIEWS.counts, toCountsPage(await complaints.readCounts(request.actor, panel)));
    });
    app.get(paths.apiPanel.pattern, PUBLIC, async (request) => {
      const { panel } = parseInput(PanelParams, request.params);
      return toCountsJson(await complaints.readCounts(request.actor, panel));
    });
  };
}

/** The Panel officers' register, cases and the one case form; the service checks the Panel is theirs. */
function caseRoutes({ complaints }: ComplaintsRouteDeps): FastifyPluginAsync {
  const renderNew = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const { panel } = parseInput(PanelParams, request.params);
    const read = await complaints.readNewCaseForm(request.actor, panel);
    return reply.render(VIEWS.form, toCaseFormPage(read.panel, null, problem));
  };

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const read = await complaints.readCase(request.actor, parseInput(CaseParams, request.params));
    return reply.render(VIEWS.form, toCaseFormPage(read.panel, read.complaint, problem));
  };

  return async (app) => {
    app.get(paths.cases.pattern, MANAGE, async (request, reply) => {
      const { panel } = parseInput(PanelParams, request.params);
      const filters = parseInput(CaseFiltersSchema, request.query);
      return reply.render(
        VIEWS.register,
        toRegisterPage(await complaints.readRegister(request.actor, panel, filters)),
      );
    });
    app.get(paths.add.pattern, MANAGE, (request, reply) => renderNew(request, reply));
    app.post(
      paths.add.pattern,
      MANAGE,
      formRoute({
        schema: CaseFormSchema,
        act: (input, request) => {
          const { panel } = parseInput(PanelParams, request.params);
          return complaints.createCase(request.actor, panel, input, request.id);
        },
        redirectTo: (target: CaseTarget) => paths.case(target),
        render: renderNew,
      }),
    );
    app.get(paths.case.pattern, MANAGE, async (request, reply) => {
      const read = await complaints.readCase(request.actor, parseInput(CaseParams, request.params));
      return reply.render(VIEWS.case, toCasePage(read));
    });
    app.get(paths.edit.pattern, MANAGE, (request, reply) => renderEdit(request, reply));
    app.post(
      paths.edit.pattern,
      MANAGE,
      formRoute({
        schema: CaseFormSchema,
        act: (input, request) =>
          complaints.saveCase(request.actor, parseInput(CaseParams, request.params), input, request.id),
        redirectTo: (target: CaseTarget) => paths.case(target),
        render: renderEdit,
      }),
    );
  };
}

export function complaintsRoutes(deps: ComplaintsRouteDeps): FastifyPluginAsync {
  return routeGroups(publicRoutes(deps), caseRoutes(deps));
}
