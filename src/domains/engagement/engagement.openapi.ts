import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { engagementPaths as paths } from './engagement.paths.ts';
import { SurveyListJson, SurveyParams, SurveyResultsJson } from './engagement.schemas.ts';

/** Surveys and their published aggregates, described for the OpenAPI document. */
export const ENGAGEMENT_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'Surveys: each policing body’s consultations and surveys, open or closed',
      description:
        'Every survey with its audience (`adult`, `young-people`), its dates, whether it is open today, and where its results are once published.',
      security: SECURITY.public,
      responses: withErrors({ '200': jsonResponse('`{"surveys": [SurveySummary…]}`', SurveyListJson) }),
    },
  },
  [paths.apiResults.openApi]: {
    get: {
      summary: 'A survey’s published results: aggregates only',
      description:
        'Counts and percentages per question with 95% Wilson intervals, of those who answered each question. Published once the survey closes (or earlier, if its office says so). Every count under 10 is null ("fewer than 10"), and where one hidden count could be worked out from the total, the next smallest is hidden too. Free text and postcodes are never broken down, and no individual response is ever given.',
      security: SECURITY.public,
      requestParams: { path: SurveyParams },
      responses: withErrors(
        { '200': jsonResponse('The results', SurveyResultsJson) },
        {
          '400': 'The survey’s slug is malformed',
          '404': 'No such survey, or its results are not published yet',
        },
      ),
    },
  },
};
