export { type BuildInfo, readBuildInfo } from './build-info.ts';
export { healthRoutes } from './health.routes.ts';
export { createHealthService, type HealthReport, type HealthService } from './health.service.ts';
