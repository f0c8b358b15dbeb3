import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC } from '../../kernel/http/auth.ts';
import type { BuildInfo } from './build-info.ts';
import type { HealthService } from './health.service.ts';

/** Operational endpoints: liveness (/ping), readiness with the database (/health), and build (/info). */
export function healthRoutes(deps: { health: HealthService; buildInfo: BuildInfo }): FastifyPluginAsync {
  return async (app) => {
    app.get('/ping', PUBLIC, async () => ({ status: 'ok' }));

    app.get('/health', PUBLIC, async (request, reply) => {
      const report = await deps.health.checkHealth();
      if (report.status !== 'ok') request.log.warn({ health: report }, 'health check failed');
      return reply
        .code(report.status === 'ok' ? 200 : 503)
        .header('Cache-Control', 'no-store')
        .send(report);
    });

    app.get('/info', PUBLIC, async () => ({
      ...deps.buildInfo,
      node: process.version,
    }));
  };
}
