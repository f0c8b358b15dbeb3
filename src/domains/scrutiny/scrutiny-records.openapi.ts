import type { OpenApiPaths } from '../api/api.routes.ts';
import { RECOMMENDATION_STATUSES } from './scrutiny-records.schemas.ts';
import { RECOMMENDATION_ORIGINS } from './scrutiny-records.tables.ts';

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

const ledgerFilters = [
  {
    name: 'status',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: [...RECOMMENDATION_STATUSES] },
    description:
      'awaiting-response: no response yet, deadline not passed; response-overdue: no response and the deadline passed; no-deadline-set: no response and no deadline recorded, so it can be neither in time nor overdue; responded: a response, nothing done on it yet; in-progress: a response with actions or progress updates; implemented; closed: any other outcome',
  },
  {
    name: 'origin',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: [...RECOMMENDATION_ORIGINS] },
  },
  {
    name: 'overdue',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: ['yes', 'no'] },
    description:
      'yes: a response past its deadline, or an action past its due date and not done, on a recommendation without an outcome (London dates)',
  },
];

/** Minutes and the recommendations ledger, described for the OpenAPI document. */
export const SCRUTINY_RECORDS_OPENAPI: OpenApiPaths = {
  '/api/v1/meetings/{id}/minutes': {
    get: {
      summary: 'A meeting’s minutes once the panel has approved them',
      description:
        '`state` is none, draft or approved. Draft minutes come with no items unless the caller’s token holds a role on the panel. An exempt item keeps its number, title and exempt reason; its text, decisions and actions are left out.',
      parameters: [idParameter],
      responses: { '200': { description: 'The minutes' }, '404': { description: 'No such meeting' } },
    },
  },
  '/api/v1/recommendations': {
    get: {
      summary: 'The recommendations ledger, filtered by status, origin and whether overdue',
      description:
        'Each entry has `type: "Recommendation"`, `reference`, `origin`, `group`, `meeting`, `minute`, `madeOn`, `text`, `addressee`, `responseDue`, `response` ({kind: accepted | partly-accepted | not-accepted, text, date}), `actions`, `progress`, `outcome`, `status` and `overdue`. Dates are ISO 8601 calendar dates. A recommendation from a minute heard in private (Schedule 12A) is listed only for the panel’s members and officer, and one from minutes not yet approved only for them until a later meeting approves the minutes. The same list is at /scrutiny/recommendations.csv.',
      parameters: ledgerFilters,
      responses: {
        '200': { description: '`{"recommendations": [Recommendation…]}`, newest first' },
        '400': { description: 'An unknown filter value, with the parameter named' },
      },
    },
  },
  '/api/v1/recommendations/{id}': {
    get: {
      summary: 'One recommendation with its response, actions, progress updates and outcome',
      parameters: [idParameter],
      responses: {
        '200': { description: 'The recommendation' },
        '404': { description: 'No such recommendation' },
      },
    },
  },
};
