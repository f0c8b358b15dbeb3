import { defineDomain } from '../module.ts';
import { SEARCH_OPENAPI } from './search.openapi.ts';
import { searchRoutes } from './search.routes.ts';
import { createSearchService, type SearchService } from './search.service.ts';

export type { DatedRequest } from './search.queries.ts';
export type { DatedRecord, SearchService } from './search.service.ts';

/**
 * Public search over every domain's public records. It owns no records: each domain lists its
 * `SearchSource` in its module (`search`), a view of only what its public read rule shows (migration 0033).
 */
export const searchDomain = defineDomain<unknown, { search: SearchService }>({
  name: 'search',
  build: ({ db }) => ({ search: createSearchService({ db }) }),
  routes: ({ search }, { searchSources, config }) => [
    searchRoutes({ search, sources: searchSources, baseUrl: config.baseUrl }),
  ],
  openApi: [SEARCH_OPENAPI],
});
