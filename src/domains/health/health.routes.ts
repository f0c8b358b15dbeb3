import type { FastifyPluginAsync } from 'fastify';
import type { BuildInfo } from './build-info.ts';
import type { HealthService } from './health.service.ts';

/** Operational endpoints: liveness (/ping), readiness with the database (/health), and build (/info). */
export function healthRoutes(deps: { health: HealthService; buildInfo: BuildInfo }): FastifyPluginAsync {
  return async (app) => {
    app.get('/ping', { config: { permission: 'public' } }, async () => ({ status: 'ok' }));

    app.get('/health', { config: { permission: 'public' } }, async (request, reply) => {
      const report = await deps.health.checkHealth();
      if (report.status !== 'ok') request.log.warn({ health: report }, 'health check failed');
      return reply
        .code(report.status === 'ok' ? 200 : 503)
        .header('Cache-Control', 'no-store')
        .send(report);
    });

    app.get('/info', { config: { permission: 'public' } }, async () => ({
      ...deps.buildInfo,
      node: process.version,
    }));
  };
}
