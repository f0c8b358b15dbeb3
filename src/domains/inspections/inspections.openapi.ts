import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { inspectionPaths as paths } from './inspections.paths.ts';
import {
  InspectionFilterSchema,
  InspectionJson,
  InspectionListJson,
  InspectionParams,
} from './inspections.schemas.ts';

/** The inspections register, described for the OpenAPI document. */
export const INSPECTIONS_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'Inspections and audit reports: published reports, filtered by kind',
      description:
        'Every published HMICFRS PEEL, thematic and joint inspection of the force, and every audit or assurance report, that the Commissioner’s office keeps, newest first: who made it, when it was published, the PEEL grades by question (outstanding, good, adequate, requires improvement, inadequate), the causes of concern, recommendations and areas for improvement (causes of concern and recommendations with their entry in the recommendations ledger, at /api/v1/recommendations, and its status), the delivery action each is linked to, and the response clock: the Commissioner’s response is due 56 days after an HMICFRS report is published (Police Act 1996 s55), with `state` and `daysLate`. The same list is at /inspections.csv and /inspections.json.',
      security: SECURITY.public,
      requestParams: { query: InspectionFilterSchema },
      responses: withErrors(
        { '200': jsonResponse('`{"inspections": [Inspection…]}`, newest first', InspectionListJson) },
        { '400': 'An unknown filter value, with the parameter named' },
      ),
    },
  },
  [paths.apiInspection.openApi]: {
    get: {
      summary: 'One inspection or audit report, by its office and code',
      security: SECURITY.public,
      requestParams: { path: InspectionParams },
      responses: withErrors(
        { '200': jsonResponse('The report', InspectionJson) },
        { '400': 'The office or code is malformed', '404': 'No such report, or not published' },
      ),
    },
  },
};
