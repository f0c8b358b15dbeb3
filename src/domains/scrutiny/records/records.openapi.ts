import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../../kernel/http/openapi.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import {
  MinutesJson,
  RecommendationFilterSchema,
  RecommendationJson,
  RecommendationListJson,
  RecordIdParams,
} from '../scrutiny-records.schemas.ts';

const BAD_ID = 'The id is not a whole number';

/** Minutes and the recommendations ledger, described for the OpenAPI document. */
export const SCRUTINY_RECORDS_OPENAPI: OpenApiPaths = {
  '/api/v1/meetings/{id}/minutes': {
    get: {
      summary: 'A meeting’s minutes once the panel has approved them',
      description:
        '`state` is none, draft or approved. Draft minutes come with no items unless the caller’s token holds a role on the panel. An exempt item keeps its number, title and exempt reason; its text, decisions and actions are left out.',
      security: SECURITY.public,
      requestParams: { path: MeetingIdParams },
      responses: withErrors(
        { '200': jsonResponse('The minutes', MinutesJson) },
        { '400': BAD_ID, '404': 'No such meeting' },
      ),
    },
  },
  '/api/v1/recommendations': {
    get: {
      summary: 'The recommendations ledger, filtered by status, origin and whether overdue',
      description:
        'Each entry has `type: "Recommendation"`, `reference`, `origin`, `group`, `meeting`, `minute`, `madeOn`, `text`, `addressee`, `responseDue`, `response` ({kind: accepted | partly-accepted | not-accepted, text, date}), `actions`, `progress`, `outcome`, `status` and `overdue`. Dates are ISO 8601 calendar dates. A recommendation from a minute heard in private (Schedule 12A) is listed only for the panel’s members and officer, and one from minutes not yet approved only for them until a later meeting approves the minutes. The same list is at /scrutiny/recommendations.csv.',
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
  '/api/v1/recommendations/{id}': {
    get: {
      summary: 'One recommendation with its response, actions, progress updates and outcome',
      security: SECURITY.public,
      requestParams: { path: RecordIdParams },
      responses: withErrors(
        { '200': jsonResponse('The recommendation', RecommendationJson) },
        { '400': BAD_ID, '404': 'No such recommendation' },
      ),
    },
  },
};
