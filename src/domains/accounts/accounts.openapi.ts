import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { CallerJson } from './accounts.schemas.ts';

export const ACCOUNTS_OPENAPI: OpenApiPaths = {
  '/api/v1/me': {
    get: {
      summary: 'Who the caller is: the signed-in person or the API token, with its roles',
      security: SECURITY.signedIn,
      responses: withErrors({ '200': jsonResponse('The caller', CallerJson) }),
    },
  },
};
