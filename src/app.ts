import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from './composition.ts';
import { ACCOUNTS_OPENAPI, adminRoutes, signInRoutes } from './domains/accounts/index.ts';
import { apiRoutes, buildOpenApiDocument } from './domains/api/api.routes.ts';
import { calendarRoutes } from './domains/calendar/calendar.routes.ts';
import { healthRoutes } from './domains/health/index.ts';
import {
  indicatorRoutes,
  JUDGEMENTS_OPENAPI,
  SPC_OPENAPI,
  scorecardRoutes,
  spcRoutes,
} from './domains/judgements/index.ts';
import { POLICE_UK_OPENAPI, performanceRoutes } from './domains/performance/index.ts';
import { PLANS_OPENAPI, plansRoutes } from './domains/plans/index.ts';
import { PORTAL_OPENAPI } from './domains/portal/portal.openapi.ts';
import { portalRoutes } from './domains/portal/portal.routes.ts';
import {
  SCRUTINY_OPENAPI,
  scrutinyApiRoutes,
  scrutinyAttendanceRoutes,
  scrutinyInterestsRoutes,
  scrutinyPapersRoutes,
  scrutinyRoutes,
} from './domains/scrutiny/index.ts';
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
import { createViewEnvironment } from './kernel/views/nunjucks.ts';

const NAVIGATION: readonly NavigationLink[] = [
  { href: '/', text: 'Home' },
  { href: '/plans', text: 'Plans' },
  { href: '/scorecard', text: 'Scorecard' },
  { href: '/meetings', text: 'Meetings' },
  { href: '/calendar', text: 'Calendar' },
  { href: '/performance/police-uk', text: 'Police data' },
  { href: '/performance/imports', text: 'Imports', permission: 'imports:read' },
  { href: '/admin/users', text: 'Admin', permission: 'users:manage' },
];

/**
 * Builds the web application from its dependencies: plugins in a fixed order (security headers, assets,
 * cookies/forms/CSRF, authentication, views, errors), then each domain's routes. Every route declares the
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

  await app.register(healthRoutes({ health: services.health, buildInfo: deps.buildInfo }));
  await app.register(portalRoutes({ areas: services.areas }));
  await app.register(signInRoutes({ signIn: services.signIn }));
  await app.register(adminRoutes({ users: services.users, signIn: services.signIn, audit: services.audit }));
  await app.register(plansRoutes({ plans: services.plans }));
  await app.register(scrutinyRoutes({ scrutiny: services.scrutiny }));
  await app.register(scrutinyApiRoutes({ scrutiny: services.scrutiny, baseUrl: config.baseUrl }));
  await app.register(scrutinyPapersRoutes({ scrutiny: services.scrutiny }));
  await app.register(scrutinyAttendanceRoutes({ scrutiny: services.scrutiny }));
  await app.register(scrutinyInterestsRoutes({ scrutiny: services.scrutiny }));
  await app.register(performanceRoutes({ performance: services.performance }));
  await app.register(
    calendarRoutes({
      sources: [services.plans.upcomingDeadlines, services.scrutiny.upcomingDeadlines],
      baseUrl: config.baseUrl,
      now: () => new Date(),
    }),
  );
  const openApi = buildOpenApiDocument(deps.buildInfo.version, [
    PORTAL_OPENAPI,
    ACCOUNTS_OPENAPI,
    PLANS_OPENAPI,
    SCRUTINY_OPENAPI,
    POLICE_UK_OPENAPI,
    SPC_OPENAPI,
    JUDGEMENTS_OPENAPI,
  ]);
  await app.register(apiRoutes({ document: openApi }));
  await app.register(spcRoutes());
  await app.register(scorecardRoutes({ judgements: services.judgements, areaName: config.areaName }));
  await app.register(indicatorRoutes({ judgements: services.judgements }));
  return app;
}
