import type { OpenApiPaths } from '../api/api.routes.ts';

export const ACCOUNTS_OPENAPI: OpenApiPaths = {
  '/api/v1/me': {
    get: {
      summary: 'Who the caller is: the signed-in person or the API token, with its roles',
      responses: {
        '200': { description: 'The caller' },
        '401': { description: 'Not signed in, or the token is missing, malformed, expired or revoked' },
      },
    },
  },
};
