import type { OpenApiPaths } from '../api/api.routes.ts';

export const PORTAL_OPENAPI: OpenApiPaths = {
  '/api/v1/areas': {
    get: {
      summary: 'Force areas and their local authorities, with ONS codes',
      responses: { '200': { description: 'The areas this installation covers' } },
    },
  },
};
