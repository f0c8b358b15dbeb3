import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { transparencyPaths as paths } from './transparency.paths.ts';
import {
  BodyParams,
  ContractsJson,
  DutiesJson,
  SpendingJson,
  SpendingQuery,
} from './transparency.schemas.ts';

const NO_BODY = { '400': 'The body’s slug is malformed', '404': 'No such policing body' };

/** The publication duties register, spending and contracts, described for the OpenAPI document. */
export const TRANSPARENCY_OPENAPI: OpenApiPaths = {
  [paths.apiDuties.openApi]: {
    get: {
      summary:
        'A policing body’s publication duties (Specified Information Order 2011 as amended), each met or not',
      description:
        'Every duty with its Schedule paragraph, what must be published, its cadence, how far its wording and cadence were checked, the latest evidence (a Peelian page or an address an officer recorded) and whether it is met today (`met`, `overdue`, `missing`). The same is at /transparency/{body}/duties.csv.',
      security: SECURITY.public,
      requestParams: { path: BodyParams },
      responses: withErrors({ '200': jsonResponse('The duties', DutiesJson) }, NO_BODY),
    },
  },
  [paths.apiSpending.openApi]: {
    get: {
      summary: 'A policing body’s spending over £500, month by month',
      description:
        'The months loaded with their line counts and totals, and the transactions (date, supplier, amount in whole pence — negative for a credit — expense category, service area, transaction number where given), filtered as the query says. The same is at /transparency/{body}/spending.csv.',
      security: SECURITY.public,
      requestParams: { path: BodyParams, query: SpendingQuery },
      responses: withErrors(
        { '200': jsonResponse('The spending', SpendingJson) },
        {
          ...NO_BODY,
          '400': 'The body’s slug or a filter is malformed',
        },
      ),
    },
  },
  [paths.apiContracts.openApi]: {
    get: {
      summary: 'A policing body’s contracts over £10,000',
      description:
        'Each contract: the body’s reference, title, supplier, value in whole pence, start and end, and procurement route. The same is at /transparency/{body}/contracts.csv.',
      security: SECURITY.public,
      requestParams: { path: BodyParams },
      responses: withErrors({ '200': jsonResponse('The contracts', ContractsJson) }, NO_BODY),
    },
  },
};
