export { seedDemoPlans } from './plans.demo.ts';
export { parseCoverageFile, parsePlanFile, planFileToYaml } from './plans.files.ts';
export { PLANS_OPENAPI } from './plans.openapi.ts';
export { PLANS_POLICY, type PlansAction } from './plans.policy.ts';
export { plansRoutes } from './plans.routes.ts';
export { createPlansService, type PlansService } from './plans.service.ts';
export type { PlansPublished, PlansTables } from './plans.tables.ts';
