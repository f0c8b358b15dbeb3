import type { FastifyPluginAsync } from 'fastify';
import { createDocument } from 'zod-openapi';
import { codeSpansToHtml } from '../../kernel/formats/code-spans.ts';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { type OpenApiPaths, SECURITY_SCHEMES } from '../../kernel/http/openapi.ts';
import { type PageModel, view } from '../../kernel/http/views.ts';
import { apiPaths } from './api.paths.ts';

/** Kept here too: domains (and branches) written before the type moved to the kernel import it from here. */
export type { OpenApiPaths };

type Endpoint = { method: string; path: string; summaryHtml: string; descriptionHtml: string | null };

const DOCS_PAGE = view<PageModel & { endpoints: Endpoint[]; descriptionHtml: string }>('api/views/docs.njk');

/** The whole OpenAPI 3.1 document, generated from the zod schemas in each domain's paths. */
export function buildOpenApiDocument(version: string, pathGroups: OpenApiPaths[]) {
  return createDocument({
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
    components: { securitySchemes: SECURITY_SCHEMES },
    paths: Object.assign({}, ...pathGroups) as OpenApiPaths,
  });
}

/** The API's description: machine-readable at /api/v1/openapi.json and readable at /api/docs. */
export function apiRoutes(deps: { document: ReturnType<typeof buildOpenApiDocument> }): FastifyPluginAsync {
  const endpoints: Endpoint[] = Object.entries(deps.document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations ?? {}).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      summaryHtml: codeSpansToHtml(operation.summary ?? ''),
      descriptionHtml: operation.description ? codeSpansToHtml(operation.description) : null,
    })),
  );
  return async (app) => {
    app.get(apiPaths.openApiDocument.pattern, PUBLIC, async () => deps.document);
    app.get(apiPaths.docs.pattern, PUBLIC, async (_request, reply) =>
      reply.render(DOCS_PAGE, {
        pageTitle: 'API',
        endpoints,
        descriptionHtml: codeSpansToHtml(deps.document.info.description ?? ''),
      }),
    );
  };
}
