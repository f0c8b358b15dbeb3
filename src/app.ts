import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from './composition.ts';
import { buildOpenApiDocument } from './domains/api/api.routes.ts';
import { DOMAINS } from './domains/domains.ts';
import type { RouteContext } from './domains/module.ts';
import { type Authenticator, registerAuthentication } from './kernel/http/auth.ts';
import { registerCompression } from './kernel/http/compression.ts';
import { registerErrorHandling } from './kernel/http/errors.ts';
import { registerForms } from './kernel/http/forms.ts';
import type { NavigationLink } from './kernel/http/navigation.ts';
import { requestIdFor } from './kernel/http/request-id.ts';
import { registerSecurityHeaders } from './kernel/http/security-headers.ts';
import { registerStaticAssets } from './kernel/http/static-assets.ts';
import { trustProxyHops } from './kernel/http/trusted-proxies.ts';
import { registerViews } from './kernel/http/views.ts';
import { registerRequestMetrics } from './kernel/metrics/metrics.ts';
import { createViewEnvironment } from './kernel/views/nunjucks.ts';

/** The service navigation: every domain's links, in the order of their positions. */
const NAVIGATION: readonly NavigationLink[] = DOMAINS.modules
  .flatMap((module) => module.navigation ?? [])
  .sort((a, b) => a.position - b.position)
  .map(({ position: _position, ...link }) => link);

/**
 * Builds the web application from its dependencies: plugins in a fixed order (security headers, assets,
 * cookies/forms/CSRF, authentication, views, errors), then each domain's routes in the order of the domain list. Every route declares the
 * permission it needs; one that does not stops the app from starting.
 */
export async function createApp(deps: Deps): Promise<FastifyInstance> {
  const { services, config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: requestIdFor,
    trustProxy: trustProxyHops(config.trustProxy),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  registerRequestMetrics(app, services.metrics);

  await registerSecurityHeaders(app);
  await registerCompression(app);
  await registerStaticAssets(app);
  await registerForms(app, { secret: config.secret, secureCookiesOnly: config.baseUrl.startsWith('https:') });
  const authenticator: Authenticator = {
    bearer: services.apiTokens.authenticateBearer,
    session: services.signIn.resolveSession,
  };
  registerAuthentication(app, { authenticator, policy: services.policy });
  const views = createViewEnvironment({
    assets: deps.assets,
    areaName: config.areaName,
    watch: config.environment === 'development',
  });
  registerViews(app, views, { navigation: NAVIGATION, policy: services.policy });
  registerErrorHandling(app, { showDetail: config.environment !== 'production' });

  const context: RouteContext = {
    config,
    buildInfo: deps.buildInfo,
    deadlineSources: DOMAINS.modules.flatMap((module) => module.deadlines?.(services) ?? []),
    searchSources: DOMAINS.modules.flatMap((module) => module.search ?? []),
    signposts: DOMAINS.modules
      .flatMap((module) => module.signposts ?? [])
      .sort((a, b) => a.position - b.position),
    openApiDocument: buildOpenApiDocument(
      deps.buildInfo.version,
      DOMAINS.modules.flatMap((module) => module.openApi ?? []),
    ),
  };
  for (const module of DOMAINS.modules)
    for (const routes of module.routes?.(services, context) ?? []) await app.register(routes);
  return app;
}
