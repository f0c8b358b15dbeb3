import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from './composition.ts';
import { healthRoutes } from './domains/health/index.ts';
import { portalRoutes } from './domains/portal/portal.routes.ts';
import { registerErrorHandling } from './kernel/http/errors.ts';
import type { NavigationLink } from './kernel/http/navigation.ts';
import { requestIdFor } from './kernel/http/request-id.ts';
import { registerSecurityHeaders } from './kernel/http/security-headers.ts';
import { registerStaticAssets } from './kernel/http/static-assets.ts';
import { registerViews } from './kernel/http/views.ts';
import { createViewEnvironment } from './kernel/views/nunjucks.ts';

const NAVIGATION: readonly NavigationLink[] = [{ href: '/', text: 'Home' }];

/** Builds the web application from its dependencies; plugins in a fixed order, then domain routes. */
export async function createApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: requestIdFor,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  await registerSecurityHeaders(app);
  await registerStaticAssets(app);
  const views = createViewEnvironment({
    assets: deps.assets,
    areaName: deps.config.areaName,
    watch: deps.config.environment === 'development',
  });
  registerViews(app, views, NAVIGATION);
  registerErrorHandling(app, { showDetail: deps.config.environment !== 'production' });

  await app.register(healthRoutes({ health: deps.services.health, buildInfo: deps.buildInfo }));
  await app.register(portalRoutes({ areas: deps.services.areas }));
  return app;
}
