import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { fundingPaths as paths } from './funding.paths.ts';
import { AllocationJson, AllocationParams, FundJson, FundListJson, FundParams } from './funding.schemas.ts';

/** Funds and their formula allocations, described for the OpenAPI document. */
export const FUNDING_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'Funds: each policing body’s funds with their budgets by financial year',
      description:
        'Every fund, with its kind (`community-safety`, `crime-prevention`, `community-fund`, `victims-services`), its body, summary, what in its record is illustrative, and its budget by financial year in whole pence.',
      security: SECURITY.public,
      responses: withErrors({ '200': jsonResponse('`{"funds": [FundSummary…]}`', FundListJson) }),
    },
  },
  [paths.apiFund.openApi]: {
    get: {
      summary:
        'One fund: eligibility, the plan priorities it serves, rounds, assessment criteria, allocations',
      security: SECURITY.public,
      requestParams: { path: FundParams },
      responses: withErrors(
        { '200': jsonResponse('The fund', FundJson) },
        { '400': 'The fund’s slug is malformed', '404': 'No such fund' },
      ),
    },
  },
  [paths.apiAllocation.openApi]: {
    get: {
      summary: 'A fund’s allocation for a financial year, by its published formula',
      description:
        'The pot, the retained share and what is shared among local authorities, the formula’s criteria with their sources and weights, and each authority’s figures, share and amount in whole pence. The amounts add up exactly to the pot less the retained share (largest remainder, ties by authority code). Once recorded, the recorded figures; until then, what the formula gives from the figures held now. The same is at /funds/{fund}/allocations/{year}.csv.',
      security: SECURITY.public,
      requestParams: { path: AllocationParams },
      responses: withErrors(
        { '200': jsonResponse('The allocation', AllocationJson) },
        { '400': 'The fund or year is malformed', '404': 'No such fund, or no formula for that year' },
      ),
    },
  },
};
