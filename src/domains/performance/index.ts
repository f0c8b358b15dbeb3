import type { AreasService } from '../areas/index.ts';
import type { JudgementsService } from '../judgements/index.ts';
import { defineDomain } from '../module.ts';
import { POLICE_UK_FIGURES_OPENAPI } from './figures/figures.openapi.ts';
import { policeUkFiguresRoutes } from './figures/figures.routes.ts';
import { PERFORMANCE_COMMANDS } from './performance.cli.ts';
import { describeDemoPoliceUk, loadDemoPoliceUkInBackground, seedDemoPoliceUk } from './performance.demo.ts';
import { registerImportMetrics } from './performance.metrics.ts';
import { POLICE_UK_OPENAPI } from './performance.openapi.ts';
import { PERFORMANCE_POLICY } from './performance.policy.ts';
import { performanceRoutes } from './performance.routes.ts';
import { createPerformanceServices } from './performance.services.ts';

export { createPerformanceServices } from './performance.services.ts';
export type { PerformancePublished, PerformanceTables } from './performance.tables.ts';
export * from './police-uk/index.ts';

/** police.uk data: exact imports, the LSOA lookup, counts by area and month. */
export const performanceDomain = defineDomain({
  name: 'performance',
  signposts: [
    {
      href: '/performance/police-uk',
      title: 'Police data',
      description:
        'Crimes and their outcomes from police.uk, month by month, for the force area and each local authority.',
      position: 25,
    },
  ],
  policy: PERFORMANCE_POLICY,
  navigation: [
    { href: '/performance/police-uk', text: 'Police data', position: 50 },
    { href: '/performance/imports', text: 'Imports', permission: 'imports:read', position: 60 },
  ],
  build: (
    { database, policy, metrics },
    { areas, judgements }: { areas: AreasService; judgements: JudgementsService },
  ) => {
    registerImportMetrics(metrics, database.db);
    return {
      // A police.uk import rebuilds the indicators computed from the months it loaded.
      performance: createPerformanceServices({
        database,
        areas,
        policy,
        afterLoad: judgements.refreshAfterPoliceUkLoad,
        afterLookupLoad: judgements.refreshAfterLookupLoad,
      }),
    };
  },
  routes: ({ performance }) => [performanceRoutes({ performance }), policeUkFiguresRoutes({ performance })],
  openApi: [POLICE_UK_OPENAPI, POLICE_UK_FIGURES_OPENAPI],
  commands: PERFORMANCE_COMMANDS,
  seedDemo: async ({ performance }, { actor, background }) => {
    if (background) return { loading: loadDemoPoliceUkInBackground(performance, actor, background) };
    const loaded = describeDemoPoliceUk(await seedDemoPoliceUk(performance, actor));
    return loaded ? { notes: [loaded] } : {};
  },
});
