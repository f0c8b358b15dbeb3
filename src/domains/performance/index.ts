export { LookupFileError, type LookupLoadResult, type LsoaLookupService } from './lsoa-lookup.service.ts';
export {
  type DemoPoliceUkResult,
  describeDemoPoliceUk,
  loadDemoPoliceUkInBackground,
  seedDemoPoliceUk,
} from './performance.demo.ts';
export { POLICE_UK_OPENAPI } from './performance.openapi.ts';
export { PERFORMANCE_POLICY, type PerformanceAction } from './performance.policy.ts';
export { performanceRoutes } from './performance.routes.ts';
export { createPerformanceServices, type PerformanceServices } from './performance.services.ts';
export type { PerformancePublished, PerformanceTables } from './performance.tables.ts';
export * from './police-uk/index.ts';
export { MonthNotLoadedError, type PoliceUkDataService } from './police-uk-data.service.ts';
export type {
  ImportFileReport,
  ImportOptions,
  ImportProgress,
  ImportReport,
  PoliceUkImportService,
} from './police-uk-import.service.ts';
