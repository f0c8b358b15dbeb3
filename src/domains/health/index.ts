import { defineDomain } from '../module.ts';
import { healthRoutes } from './health.routes.ts';
import { createHealthService } from './health.service.ts';

export { type BuildInfo, readBuildInfo } from './build-info.ts';

/**
 * /ping, /health, /info and /metrics: whether the service and its database answer, which build is running,
 * and the figures an operator watches.
 */
export const healthDomain = defineDomain({
  name: 'health',
  policy: { 'metrics:read': ['admin'] },
  build: ({ database, policy, metrics }) => ({ health: createHealthService({ database, policy, metrics }) }),
  routes: ({ health }, { buildInfo }) => [healthRoutes({ health, buildInfo })],
});
