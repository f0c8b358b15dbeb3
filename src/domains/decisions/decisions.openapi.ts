import {
  fileResponse,
  jsonResponse,
  type OpenApiPaths,
  SECURITY,
  withErrors,
} from '../../kernel/http/openapi.ts';
import { decisionPaths as paths } from './decisions.paths.ts';
import { DecisionFilterSchema, DecisionJson, DecisionListJson, DecisionParams } from './decisions.schemas.ts';

/** The decision register, described for the OpenAPI document. */
export const DECISIONS_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'The decision register: published decisions, filtered by year and maker',
      description:
        'Every published decision of a Police and Crime Commissioner, the deputy, or the chief executive under delegation, newest first: the number, title, summary, maker, date, value in pence, the statutory officers’ advice and sign-off, the plan priorities it concerns, the information regime, and the publication clock (due one working day after the decision, England and Wales bank holidays; `workingDaysLate`; any deferral with its reason). A Part 2 decision shows only its public description and the exemption: its summary, value, advice and priorities are null or empty. The same list is at /decisions.csv and /decisions.json.',
      security: SECURITY.public,
      requestParams: { query: DecisionFilterSchema },
      responses: withErrors(
        { '200': jsonResponse('`{"decisions": [Decision…]}`, newest first', DecisionListJson) },
        { '400': 'An unknown filter value, with the parameter named' },
      ),
    },
  },
  [paths.feed.openApi]: {
    get: {
      summary: 'The decision register as an Atom feed',
      description:
        'The latest 50 published decisions, newest publication first, as Atom 1.0 (RFC 4287): each entry’s id and link are the absolute address of the decision’s page, its `updated` and `published` the time it was published, and its summary the decision’s summary. A Part 2 decision shows only its public description and the exemption.',
      security: SECURITY.public,
      responses: withErrors({ '200': fileResponse('The feed', 'application/atom+xml') }, { page: true }),
    },
  },
  [paths.apiDecision.openApi]: {
    get: {
      summary: 'One decision, by its office and number',
      security: SECURITY.public,
      requestParams: { path: DecisionParams },
      responses: withErrors(
        { '200': jsonResponse('The decision', DecisionJson) },
        { '400': 'The office or number is malformed', '404': 'No such decision, or not published' },
      ),
    },
  },
};
