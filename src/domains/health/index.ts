import { defineDomain } from '../module.ts';
import { healthRoutes } from './health.routes.ts';
import { createHealthService } from './health.service.ts';

export { type BuildInfo, readBuildInfo } from './build-info.ts';

/** /health, /ping and /info: whether the service and its database answer, and which build is running. */
export const healthDomain = defineDomain({
  name: 'health',
  build: ({ database }) => ({ health: createHealthService(database) }),
  routes: ({ health }, { buildInfo }) => [healthRoutes({ health, buildInfo })],
});
