import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { fundingPaths as paths } from './funding.paths.ts';
import {
  AllocationParams,
  FundParams,
  LetterParams,
  RecordFormSchema,
  WhatIfQuery,
} from './funding.schemas.ts';
import type { FundingService } from './funding.service.ts';
import {
  allocationCsv,
  toAllocationJson,
  toAllocationPage,
  toFundJson,
  toFundPage,
  toFundSummaryJson,
  toLetterPage,
  toListPage,
  toWhatIfPage,
} from './funding.view-models.ts';
import { VIEWS } from './funding.views.ts';

const MANAGE = requires('funding:manage');

interface FundingRouteDeps {
  funding: FundingService;
}

/** The public pages, the CSV and the API: funds, allocations and letters spend public money, so all are public. */
function readRoutes({ funding }: FundingRouteDeps): FastifyPluginAsync {
  const fundOf = (request: FastifyRequest) => funding.readFund(parseInput(FundParams, request.params).fund);
  const allocationOf = (request: FastifyRequest) =>
    funding.readAllocation(request.actor, parseInput(AllocationParams, request.params));
  return async (app) => {
    app.get(paths.list.pattern, PUBLIC, async (_request, reply) =>
      reply.render(VIEWS.list, toListPage(await funding.listFunds())),
    );
    app.get(paths.fund.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.fund, toFundPage(await fundOf(request))),
    );
    app.get(paths.allocationCsv.pattern, PUBLIC, async (request, reply) => {
      const read = await allocationOf(request);
      return sendDownload(reply, {
        name: `allocation-${read.inputs.fund.slug}-${read.inputs.year}`,
        format: 'csv',
        body: allocationCsv(read.worked, read.inputs.criteria),
      });
    });
    app.get(paths.letter.pattern, PUBLIC, async (request, reply) =>
      reply.render(
        VIEWS.letter,
        toLetterPage(await funding.readLetter(parseInput(LetterParams, request.params))),
      ),
    );
    app.get(paths.apiList.pattern, PUBLIC, async () => ({
      funds: (await funding.listFunds()).map(toFundSummaryJson),
    }));
    app.get(paths.apiFund.pattern, PUBLIC, async (request) => toFundJson(await fundOf(request)));
    app.get(paths.apiAllocation.pattern, PUBLIC, async (request) =>
      toAllocationJson(await allocationOf(request)),
    );
  };
}

/** A year's allocation, the what-if view beside it (a GET form: nothing saved), and recording it. */
function allocationRoutes({ funding }: FundingRouteDeps): FastifyPluginAsync {
  const renderAllocation = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      VIEWS.allocation,
      toAllocationPage(
        await funding.readAllocation(request.actor, parseInput(AllocationParams, request.params)),
        problem,
      ),
    );
  return async (app) => {
    app.get(paths.allocation.pattern, PUBLIC, (request, reply) => renderAllocation(request, reply));
    app.get(paths.whatIf.pattern, MANAGE, async (request, reply) => {
      const read = await funding.whatIf(
        request.actor,
        parseInput(AllocationParams, request.params),
        parseInput(WhatIfQuery, request.query),
      );
      return reply.code(read.errors.length ? 400 : 200).render(VIEWS.whatIf, toWhatIfPage(read));
    });
    app.post(
      paths.record.pattern,
      MANAGE,
      formRoute({
        schema: RecordFormSchema,
        act: async (amounts, request) =>
          funding.recordAllocation(
            request.actor,
            parseInput(AllocationParams, request.params),
            amounts,
            request.id,
          ),
        redirectTo: (key) => paths.allocation(key),
        render: renderAllocation,
      }),
    );
  };
}

export function fundingRoutes(deps: FundingRouteDeps): FastifyPluginAsync {
  return routeGroups(readRoutes(deps), allocationRoutes(deps));
}
