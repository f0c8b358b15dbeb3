import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../kernel/http/auth.ts';
import type { BuildInfo } from './build-info.ts';
import type { HealthService } from './health.service.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A request from this machine; one that came through a proxy is not, whatever address the proxy used. */
function isLocal(request: FastifyRequest): boolean {
  const forwarded =
    request.headers.forwarded !== undefined || request.headers['x-forwarded-for'] !== undefined;
  return !forwarded && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

/**
 * Operational endpoints: liveness (/ping: the process answers), readiness (/health: and so does its database),
 * build (/info), and Prometheus metrics (/metrics).
 */
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

    app.get('/metrics', PUBLIC, async (request, reply) => {
      const metrics = await deps.health.readMetrics(request.actor, { local: isLocal(request) });
      return reply
        .header('Content-Type', metrics.contentType)
        .header('Cache-Control', 'no-store')
        .send(metrics.text);
    });

    app.get('/info', PUBLIC, async () => ({
      ...deps.buildInfo,
      node: process.version,
    }));
  };
}
