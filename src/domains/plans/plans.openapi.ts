import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { planPaths } from './plans.paths.ts';
import { PlanJson, PlanListJson, PlanSlugParams, VersionQuery } from './plans.schemas.ts';

export const PLANS_OPENAPI: OpenApiPaths = {
  [planPaths.apiList.openApi]: {
    get: {
      summary: 'List Police and Crime Plans with their versions',
      security: SECURITY.public,
      responses: withErrors({
        '200': jsonResponse('The plans a caller may read (drafts only for the owning body)', PlanListJson),
      }),
    },
  },
  [planPaths.apiPlan.openApi]: {
    get: {
      summary: 'A plan version as its whole tree: pillars, priorities, key aims, measures and linked items',
      security: SECURITY.public,
      requestParams: { path: PlanSlugParams, query: VersionQuery },
      responses: withErrors(
        { '200': jsonResponse('The plan version', PlanJson) },
        { '400': 'The slug or version is malformed', '404': 'No such plan or version' },
      ),
    },
  },
};
