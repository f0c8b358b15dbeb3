export { parseIndicatorFile } from './indicators.files.ts';
export { indicatorRoutes } from './indicators.routes.ts';
export { seedDemoJudgements } from './judgements.demo.ts';
export { JUDGEMENTS_OPENAPI } from './judgements.openapi.ts';
export { JUDGEMENTS_POLICY, type JudgementsAction } from './judgements.policy.ts';
export { scorecardRoutes } from './judgements.routes.ts';
export { createJudgementsService, type JudgementsService, type RefreshResult } from './judgements.service.ts';
export type { JudgementsTables } from './judgements.tables.ts';
export { SPC_OPENAPI, spcRoutes } from './spc.routes.ts';
