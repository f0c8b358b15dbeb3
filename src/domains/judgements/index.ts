import type { AreasService } from '../areas/index.ts';
import { defineDomain } from '../module.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { JUDGEMENTS_COMMANDS } from './judgements.cli.ts';
import { seedDemoJudgements } from './judgements.demo.ts';
import { JUDGEMENTS_OPENAPI } from './judgements.openapi.ts';
import { JUDGEMENTS_POLICY } from './judgements.policy.ts';
import { scorecardRoutes } from './judgements.routes.ts';
import { JUDGEMENTS_SEARCH } from './judgements.search.ts';
import { createJudgementsService } from './judgements.service.ts';
import { SPC_OPENAPI, spcRoutes } from './spc.routes.ts';

export { scorecardPaths } from './judgements.paths.ts';
export type { JudgementsService, MeasureAnnotation, MeasureAnnotationSource } from './judgements.service.ts';
export type { JudgementsPublished, JudgementsTables } from './judgements.tables.ts';
export { toIndicatorFigure, toPlanGlance } from './judgements.view-models.ts';

/** Indicators, their materialised values and the honest judgement of every measure: the scorecard. */
export const judgementsDomain = defineDomain({
  name: 'judgements',
  signposts: [
    {
      href: '/scorecard',
      title: 'Scorecard',
      description: 'Every measure of the plan in force, judged honestly against published police data.',
      position: 20,
    },
  ],
  policy: JUDGEMENTS_POLICY,
  navigation: [{ href: '/scorecard', text: 'Scorecard', position: 20 }],
  build: ({ db, policy, now }, { areas }: { areas: AreasService }) => ({
    judgements: createJudgementsService({ db, policy, now, findForceArea: areas.findForceArea }),
  }),
  routes: ({ judgements }, { config }) => [
    spcRoutes(),
    scorecardRoutes({ judgements, areaName: config.areaName }),
    indicatorRoutes({ judgements }),
  ],
  openApi: [SPC_OPENAPI, JUDGEMENTS_OPENAPI],
  search: [JUDGEMENTS_SEARCH],
  commands: JUDGEMENTS_COMMANDS,
  seedDemo: async ({ judgements }, { actor }) => {
    await seedDemoJudgements(judgements, actor);
    return {};
  },
});
