import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { transparencyPaths as paths } from './transparency.paths.ts';
import { BodyParams, RecordDutyFormSchema, RecordParams, SpendingQuery } from './transparency.schemas.ts';
import type { TransparencyService } from './transparency.service.ts';
import {
  contractsCsv,
  contractsJson,
  dutiesCsv,
  dutiesJson,
  spendingCsv,
  spendingJson,
  toCompliancePage,
  toContractsPage,
  toIndexPage,
  toOverduePage,
  toSpendingPage,
} from './transparency.view-models.ts';
import { VIEWS } from './transparency.views.ts';

const MANAGE = requires('transparency:manage');

interface TransparencyRouteDeps {
  transparency: TransparencyService;
}

const bodyOf = (request: FastifyRequest) => parseInput(BodyParams, request.params).body;

/** The public register of duties per body, its CSV and JSON. */
function dutyRoutes({ transparency }: TransparencyRouteDeps): FastifyPluginAsync {
  const registerOf = (request: FastifyRequest) => transparency.readRegister(request.actor, bodyOf(request));
  const renderCompliance = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.compliance, toCompliancePage(await registerOf(request), problem));
  return async (app) => {
    app.get(paths.index.pattern, PUBLIC, async (_request, reply) =>
      reply.render(VIEWS.index, toIndexPage(await transparency.listBodies())),
    );
    app.get(paths.overdue.pattern, MANAGE, async (request, reply) =>
      reply.render(VIEWS.overdue, toOverduePage(await transparency.listOverdue(request.actor))),
    );
    app.get(paths.compliance.pattern, PUBLIC, (request, reply) => renderCompliance(request, reply));
    app.get(paths.complianceCsv.pattern, PUBLIC, async (request, reply) => {
      const read = await registerOf(request);
      return sendDownload(reply, { name: `duties-${read.body.slug}`, format: 'csv', body: dutiesCsv(read) });
    });
    app.get(paths.apiDuties.pattern, PUBLIC, async (request) => dutiesJson(await registerOf(request)));
    app.post(
      paths.recordDuty.pattern,
      MANAGE,
      formRoute({
        schema: RecordDutyFormSchema,
        act: (input, request) =>
          transparency.recordDutyMet(request.actor, bodyOf(request), input, request.id),
        redirectTo: (result) => `${paths.compliance({ body: result.body })}#records`,
        render: renderCompliance,
      }),
    );
    app.post(paths.checkLink.pattern, MANAGE, async (request, reply) => {
      const { body, record } = parseInput(RecordParams, request.params);
      await transparency.checkRecordLink(request.actor, body, record);
      return reply.redirect(`${paths.compliance({ body })}#records`, 303);
    });
  };
}

/** Spending and contracts: public pages with filters, CSV and JSON. */
function spendingRoutes({ transparency }: TransparencyRouteDeps): FastifyPluginAsync {
  const spendingOf = (request: FastifyRequest) =>
    transparency.readSpending(bodyOf(request), parseInput(SpendingQuery, request.query));
  const contractsOf = (request: FastifyRequest) => transparency.readContracts(bodyOf(request));
  return async (app) => {
    app.get(paths.spending.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.spending, toSpendingPage(await spendingOf(request))),
    );
    app.get(paths.spendingCsv.pattern, PUBLIC, async (request, reply) => {
      const read = await spendingOf(request);
      return sendDownload(reply, {
        name: `spending-${read.body.slug}`,
        format: 'csv',
        body: spendingCsv(read),
      });
    });
    app.get(paths.apiSpending.pattern, PUBLIC, async (request) => spendingJson(await spendingOf(request)));
    app.get(paths.contracts.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.contracts, toContractsPage(await contractsOf(request))),
    );
    app.get(paths.contractsCsv.pattern, PUBLIC, async (request, reply) => {
      const read = await contractsOf(request);
      return sendDownload(reply, {
        name: `contracts-${read.body.slug}`,
        format: 'csv',
        body: contractsCsv(read),
      });
    });
    app.get(paths.apiContracts.pattern, PUBLIC, async (request) => contractsJson(await contractsOf(request)));
  };
}

export function transparencyRoutes(deps: TransparencyRouteDeps): FastifyPluginAsync {
  return routeGroups(dutyRoutes(deps), spendingRoutes(deps));
}
