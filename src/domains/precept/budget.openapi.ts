import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { budgetPaths as paths } from './budget.paths.ts';
import { BudgetBodyParams, BudgetJson, BudgetListJson, BudgetYearParams } from './budget.schemas.ts';

/** The budgets, described for the OpenAPI document. */
export const BUDGET_OPENAPI: OpenApiPaths = {
  [paths.apiBody.openApi]: {
    get: {
      summary: 'A policing body’s budget years',
      description:
        'Each financial year with a budget held, newest first, whether its figures are illustrative, and its address.',
      security: SECURITY.public,
      requestParams: { path: BudgetBodyParams },
      responses: withErrors(
        { '200': jsonResponse('The years', BudgetListJson) },
        { '400': 'The body is malformed', '404': 'No such policing body' },
      ),
    },
  },
  [paths.apiYear.openApi]: {
    get: {
      summary: 'A policing body’s budget for a financial year',
      description:
        'The revenue budget lines (income netted off as negative lines) and their sum, the net revenue budget; the capital programme; the funding mix, which adds up to the net revenue budget; the Band D precept and each billing authority’s tax base (Band D equivalents to two places) with its precept, tax base × Band D to the penny; the medium-term financial plan with its gap (spending less funding) and the gap left after savings; and each quarter’s monitoring with its variance (forecast outturn less budget: above nothing is an overspend). Money is whole pence. The lines are also at /budgets/{body}/{year}/budget.csv.',
      security: SECURITY.public,
      requestParams: { path: BudgetYearParams },
      responses: withErrors(
        { '200': jsonResponse('The budget', BudgetJson) },
        {
          '400': 'The body or year is malformed',
          '404': 'No such policing body, or no budget for that year',
        },
      ),
    },
  },
};
