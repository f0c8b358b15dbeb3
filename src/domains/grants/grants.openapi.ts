import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { grantsPaths as paths } from './grants.paths.ts';
import { ApplicationJson, ApplicationListJson, AwardListJson, IdParams } from './grants.schemas.ts';

/** Grants awarded (public) and applications (for the funds' officers), described for the OpenAPI document. */
export const GRANTS_OPENAPI: OpenApiPaths = {
  [paths.apiAwards.openApi]: {
    get: {
      summary: 'Grants awarded: recipient organisation, amount, date, fund and purpose',
      description:
        'Every award, newest first, with the recipient organisation’s name, type and registered number (charity, company or local authority GSS code), the fund, the financial year, the amount in whole pence, the date and what the money is for. No applicant’s personal data.',
      security: SECURITY.public,
      responses: withErrors({ '200': jsonResponse('`{"awards": [Award…]}`', AwardListJson) }),
    },
  },
  [paths.apiApplications.openApi]: {
    get: {
      summary: 'Submitted grant applications to the funds of the bodies the caller assesses for',
      description:
        'For OPCC officers: each submitted or decided application with its weighted and moderated totals (whole numbers out of 500) and decision. Drafts are never listed.',
      security: SECURITY.signedIn,
      responses: withErrors({
        '200': jsonResponse('`{"applications": [Application…]}`', ApplicationListJson),
      }),
    },
  },
  [paths.apiApplication.openApi]: {
    get: {
      summary: 'One submitted grant application',
      security: SECURITY.signedIn,
      requestParams: { path: IdParams },
      responses: withErrors(
        { '200': jsonResponse('The application', ApplicationJson) },
        { '400': 'The id is malformed', '404': 'No such application, or not one the caller assesses' },
      ),
    },
  },
};
