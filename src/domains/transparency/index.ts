import type { DecisionsService } from '../decisions/index.ts';
import type { InspectionsService } from '../inspections/index.ts';
import { defineDomain } from '../module.ts';
import type { PreceptService } from '../precept/index.ts';
import { TRANSPARENCY_COMMANDS } from './transparency.cli.ts';
import { seedDemoTransparency } from './transparency.demo.ts';
import { TRANSPARENCY_OPENAPI } from './transparency.openapi.ts';
import { transparencyPaths } from './transparency.paths.ts';
import { TRANSPARENCY_POLICY } from './transparency.policy.ts';
import { transparencyRoutes } from './transparency.routes.ts';
import { createTransparencyService } from './transparency.service.ts';

export { parseContractsCsv, parseSpendingCsv } from './transparency.csv.ts';
export { DUTIES } from './transparency.duties.ts';
export { transparencyPaths } from './transparency.paths.ts';
export type { TransparencyService } from './transparency.service.ts';
export type { TransparencyTables } from './transparency.tables.ts';

/**
 * Transparency (issue 18 items 1 and 2): the publication duties of the Specified Information Order for each
 * policing body — met, overdue or without evidence, from officers' records and from the registers Peelian
 * keeps (precept, decisions, inspections, and its own spending and contracts) — and the spending over £500 and
 * contracts over £10,000 it publishes. It reads the precept, decisions and inspections, so it sits after them.
 */
export const transparencyDomain = defineDomain({
  name: 'transparency',
  signposts: [
    {
      href: transparencyPaths.index(),
      title: 'Published information',
      description: 'What the Commissioner must publish by law, with spending over £500 and contracts.',
      position: 50,
    },
  ],
  policy: TRANSPARENCY_POLICY,
  build: (
    { db, policy, now },
    needs: { decisions: DecisionsService; inspections: InspectionsService; precept: PreceptService },
  ) => ({ transparency: createTransparencyService({ db, policy, now, ...needs }) }),
  routes: ({ transparency }) => [transparencyRoutes({ transparency })],
  openApi: [TRANSPARENCY_OPENAPI],
  commands: TRANSPARENCY_COMMANDS,
  seedDemo: async ({ transparency }, { actor }) => ({
    loaded: await seedDemoTransparency(transparency, actor),
  }),
});
