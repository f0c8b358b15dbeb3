import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { recommendationPaths as paths } from './recommendations.paths.ts';
import {
  ImpactJson,
  ImpactQuerySchema,
  RecommendationFilterSchema,
  RecommendationIdParams,
  RecommendationJson,
  RecommendationListJson,
} from './recommendations.schemas.ts';

/** The recommendations ledger, described for the OpenAPI document. */
export const RECOMMENDATIONS_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'The recommendations ledger, filtered by status, origin and whether overdue',
      description:
        'Every recommendation, whatever its origin (the panel, its sub-committees and task-and-finish groups, inspections, audits, other reports). Each entry has `type: "Recommendation"`, `reference`, `origin`, `originUrl`, `group`, `meeting`, `minute`, `madeOn`, `text`, `addressee`, `responseDue`, `response` ({kind: accepted | partly-accepted | not-accepted, text, date}), `actions`, `progress`, `outcome`, `status` and `overdue`. Dates are ISO 8601 calendar dates. A recommendation from a minute heard in private (Schedule 12A) is listed only for the panel’s members and officer, and one from minutes not yet approved only for them until a later meeting approves the minutes. The same list is at /scrutiny/recommendations.csv and /scrutiny/recommendations.json.',
      security: SECURITY.public,
      requestParams: { query: RecommendationFilterSchema },
      responses: withErrors(
        {
          '200': jsonResponse(
            '`{"recommendations": [Recommendation…]}`, newest first',
            RecommendationListJson,
          ),
        },
        { '400': 'An unknown filter value, with the parameter named' },
      ),
    },
  },
  [paths.apiImpact.openApi]: {
    get: {
      summary:
        'What came of a body’s recommendations made in a year, through to the plan measures they were about',
      description:
        'The public recommendations a body made in the year (by the date each was made), counted by response (accepted, partly-accepted, not-accepted, awaiting) and by outcome (implemented, not-implemented, superseded, withdrawn, open), each with its response, its outcome and the plan measures it was about, with each measure’s judgement today on the scorecard of the plan in force (null for a measure of another plan). Recommendations not yet public (minutes not approved) or heard in private are never included. The same rows are at /scrutiny/recommendations/impact and /scrutiny/recommendations/impact.csv.',
      security: SECURITY.public,
      requestParams: { query: ImpactQuerySchema },
      responses: withErrors(
        { '200': jsonResponse('The counts and the recommendations, oldest first', ImpactJson) },
        { '400': 'A malformed body slug or year', '404': 'No such body' },
      ),
    },
  },
  [paths.apiRecommendation.openApi]: {
    get: {
      summary: 'One recommendation with its response, actions, progress updates and outcome',
      security: SECURITY.public,
      requestParams: { path: RecommendationIdParams },
      responses: withErrors(
        { '200': jsonResponse('The recommendation', RecommendationJson) },
        { '400': 'The id is not a whole number', '404': 'No such recommendation' },
      ),
    },
  },
};
