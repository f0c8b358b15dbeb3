import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { budgetPaths as paths } from './budget.paths.ts';
import { BudgetBodyParams, BudgetYearParams } from './budget.schemas.ts';
import type { BudgetService } from './budget.service.ts';
import {
  budgetCsv,
  toBudgetBodyJson,
  toBudgetIndexPage,
  toBudgetJson,
  toBudgetPage,
} from './budget.view-models.ts';
import { VIEWS } from './precept.views.ts';

/** The budgets' pages, CSV and API: a policing body's budget is public money, so all are public. */
export function budgetRoutes({ budget }: { budget: BudgetService }): FastifyPluginAsync {
  const yearOf = (request: FastifyRequest) => budget.readBudget(parseInput(BudgetYearParams, request.params));
  const bodyOf = (request: FastifyRequest) =>
    budget.readBudgetBody(parseInput(BudgetBodyParams, request.params).body);
  return async (app) => {
    app.get(paths.index.pattern, PUBLIC, async (_request, reply) =>
      reply.render(VIEWS.budgets, toBudgetIndexPage(await budget.listBudgets())),
    );
    app.get(paths.year.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.budget, toBudgetPage(await yearOf(request))),
    );
    app.get(paths.yearCsv.pattern, PUBLIC, async (request, reply) => {
      const read = await yearOf(request);
      return sendDownload(reply, {
        name: `budget-${read.body.slug}-${toBudgetJson(read).year}`,
        format: 'csv',
        body: budgetCsv(read),
      });
    });
    app.get(paths.apiBody.pattern, PUBLIC, async (request) => toBudgetBodyJson(await bodyOf(request)));
    app.get(paths.apiYear.pattern, PUBLIC, async (request) => toBudgetJson(await yearOf(request)));
  };
}
