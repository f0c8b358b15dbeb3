import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { searchPaths } from './search.paths.ts';
import { SearchQuerySchema, SearchResponseJson } from './search.schemas.ts';

export const SEARCH_OPENAPI: OpenApiPaths = {
  [searchPaths.api.openApi]: {
    get: {
      summary:
        'Search the public records: plans, measures, meetings, papers, minutes, recommendations, decisions',
      description:
        'PostgreSQL full-text search (English stemming) over what every reader may see: issued plans and their measures, meetings, the papers of published agendas that are not exempt, approved minutes not heard in private, public recommendations with their responses, and published decisions (a Part 2 decision by its public description only). Best matches first (title words count more), 20 a page.',
      security: SECURITY.public,
      requestParams: { query: SearchQuerySchema },
      responses: withErrors(
        { '200': jsonResponse('The matches and how many of each type', SearchResponseJson) },
        { '400': 'A query over 200 characters, an unknown type or a bad page, with the parameter named' },
      ),
    },
  },
};
