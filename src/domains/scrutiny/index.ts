export { seedDemoScrutiny } from './scrutiny.demo.ts';
export { parsePanelFile } from './scrutiny.files.ts';
export { SCRUTINY_OPENAPI } from './scrutiny.openapi.ts';
export { SCRUTINY_POLICY, type ScrutinyAction } from './scrutiny.policy.ts';
export { scrutinyRoutes } from './scrutiny.routes.ts';
export { createScrutinyService, type ScrutinyService } from './scrutiny.service.ts';
export type { ScrutinyTables } from './scrutiny.tables.ts';
