import type { OpenApiPaths } from '../api/api.routes.ts';

const versionParameter = {
  name: 'version',
  in: 'query',
  required: false,
  description: 'A version number; by default the latest issued version.',
  schema: { type: 'integer', minimum: 1 },
};

export const PLANS_OPENAPI: OpenApiPaths = {
  '/api/v1/plans': {
    get: {
      summary: 'List Police and Crime Plans with their versions',
      responses: { '200': { description: 'The plans a caller may read (drafts only for the owning body)' } },
    },
  },
  '/api/v1/plans/{slug}': {
    get: {
      summary: 'A plan version as its whole tree: pillars, priorities, key aims, measures and linked items',
      parameters: [
        { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
        versionParameter,
      ],
      responses: {
        '200': { description: 'The plan version' },
        '404': { description: 'No such plan or version' },
      },
    },
  },
};
