import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { PUBLIC } from '../../../kernel/http/auth.ts';
import { sendDownload } from '../../../kernel/http/download.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { type PageModel, view } from '../../../kernel/http/views.ts';
import { performancePaths } from '../performance.paths.ts';
import { ForceParamsSchema } from '../performance.schemas.ts';
import type { PerformanceServices } from '../performance.services.ts';
import type { CrimeOutcomesJson, StopAndSearchJson } from './figures.schemas.ts';
import { PeriodQuerySchema } from './figures.schemas.ts';
import {
  crimeOutcomesCsv,
  stopAndSearchCsv,
  toCrimeOutcomesJson,
  toCrimeOutcomesView,
  toStopAndSearchJson,
  toStopAndSearchView,
} from './figures.view-models.ts';

const views = {
  stopAndSearch: view<PageModel & ReturnType<typeof toStopAndSearchView>>(
    'performance/figures/views/stop-and-search.njk',
  ),
  outcomes: view<PageModel & ReturnType<typeof toCrimeOutcomesView>>(
    'performance/figures/views/outcomes.njk',
  ),
};

/** A force's stop and search and crime outcomes: public pages, and the same figures as CSV and JSON. */
export function policeUkFiguresRoutes(deps: { performance: PerformanceServices }): FastifyPluginAsync {
  const { figures } = deps.performance;
  return async (app) => {
    const read = (request: { params: unknown; query: unknown }) => ({
      force: parseInput(ForceParamsSchema, request.params).force,
      period: parseInput(PeriodQuerySchema, request.query),
    });

    app.get(performancePaths.stopAndSearch.pattern, PUBLIC, async (request, reply) => {
      const { force, period } = read(request);
      const model = toStopAndSearchView(await figures.stopAndSearch(force, period));
      return reply.render(views.stopAndSearch, {
        pageTitle: `${model.force.name}: stop and search`,
        ...model,
      });
    });

    app.get(performancePaths.stopAndSearchCsv.pattern, PUBLIC, async (request, reply) => {
      const { force, period } = read(request);
      const body = stopAndSearchCsv(await figures.stopAndSearch(force, period));
      return sendDownload(reply, { name: `${force}-stop-and-search`, format: 'csv', body });
    });

    app.get(
      performancePaths.apiStopAndSearch.pattern,
      PUBLIC,
      async (request): Promise<z.input<typeof StopAndSearchJson>> => {
        const { force, period } = read(request);
        return toStopAndSearchJson(await figures.stopAndSearch(force, period));
      },
    );

    app.get(performancePaths.outcomes.pattern, PUBLIC, async (request, reply) => {
      const { force, period } = read(request);
      const model = toCrimeOutcomesView(await figures.crimeOutcomes(force, period));
      return reply.render(views.outcomes, { pageTitle: `${model.force.name}: outcomes of crimes`, ...model });
    });

    app.get(performancePaths.outcomesCsv.pattern, PUBLIC, async (request, reply) => {
      const { force, period } = read(request);
      const body = crimeOutcomesCsv(await figures.crimeOutcomes(force, period));
      return sendDownload(reply, { name: `${force}-crime-outcomes`, format: 'csv', body });
    });

    app.get(
      performancePaths.apiOutcomes.pattern,
      PUBLIC,
      async (request): Promise<z.input<typeof CrimeOutcomesJson>> => {
        const { force, period } = read(request);
        return toCrimeOutcomesJson(await figures.crimeOutcomes(force, period));
      },
    );
  };
}
