import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { ValidationError } from '../../kernel/errors.ts';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { type PageModel, view } from '../../kernel/http/views.ts';
import type { SearchSource } from '../../kernel/search/search-source.ts';
import { searchPaths } from './search.paths.ts';
import type { SearchResponseJson } from './search.schemas.ts';
import type { SearchService } from './search.service.ts';
import { type SearchView, toSearchView } from './search.view-models.ts';

const SEARCH_PAGE = view<PageModel & SearchView>('search/views/search.njk');

/** The public search: a page and its API, over every domain's public search documents. */
export function searchRoutes(deps: {
  search: SearchService;
  sources: readonly SearchSource[];
  baseUrl: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.get(searchPaths.search.pattern, PUBLIC, async (request, reply) => {
      const outcome = await deps.search.search(deps.sources, request.query as Record<string, unknown>);
      if (outcome.state === 'invalid') reply.code(400);
      const title = outcome.text ? `Search results for “${outcome.text}”` : 'Search';
      return reply.render(SEARCH_PAGE, {
        pageTitle: outcome.state === 'invalid' ? `Error: ${title}` : title,
        ...toSearchView(outcome),
      });
    });

    app.get(searchPaths.api.pattern, PUBLIC, async (request): Promise<z.input<typeof SearchResponseJson>> => {
      const outcome = await deps.search.search(deps.sources, request.query as Record<string, unknown>);
      if (outcome.state === 'invalid') throw new ValidationError(outcome.errors);
      const first = (outcome.page - 1) * outcome.pageSize;
      return {
        query: outcome.text,
        state: outcome.state,
        types: outcome.types,
        page: outcome.page,
        pageSize: outcome.pageSize,
        total: outcome.total,
        counts: outcome.counts.map((count) => ({
          type: count.kind,
          label: count.plural,
          count: count.count,
        })),
        results: outcome.results.map((result, index) => ({
          type: result.kind,
          label: result.label,
          title: result.title,
          url: `${deps.baseUrl}${result.url}`,
          date: result.dated,
          rank: first + index + 1,
          highlight: result.snippet.length > 0 ? result.snippet : result.titleSegments,
        })),
      };
    });
  };
}
