import type { FastifyPluginAsync } from 'fastify';

/** Part of an OpenAPI 3.1 document: each domain describes its own endpoints. */
export type OpenApiPaths = Record<
  string,
  Record<
    string,
    { summary: string; description?: string; parameters?: unknown[]; responses: Record<string, unknown> }
  >
>;

const PUBLIC = { config: { permission: 'public' } } as const;

export function buildOpenApiDocument(version: string, pathGroups: OpenApiPaths[]) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Peelian API',
      version,
      description:
        'Public data is open to all. Changes need `Authorization: Bearer <token>` (see `peelian tokens create`); a missing, malformed, expired or revoked token gets 401 with a JSON error.',
      license: {
        name: 'Open Government Licence v3.0 (police data)',
        url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: Object.assign({}, ...pathGroups) as OpenApiPaths,
  };
}

/** The API's description: machine-readable at /api/v1/openapi.json and readable at /api/docs. */
export function apiRoutes(deps: { document: ReturnType<typeof buildOpenApiDocument> }): FastifyPluginAsync {
  const paths: OpenApiPaths = deps.document.paths;
  const endpoints = Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      ...operation,
    })),
  );
  return async (app) => {
    app.get('/api/v1/openapi.json', PUBLIC, async () => deps.document);
    app.get('/api/docs', PUBLIC, async (_request, reply) =>
      reply.render('api/views/docs.njk', {
        pageTitle: 'API',
        endpoints,
        description: deps.document.info.description,
      }),
    );
  };
}
