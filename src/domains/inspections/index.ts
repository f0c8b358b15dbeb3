import type { DeliveryService } from '../delivery/index.ts';
import { defineDomain } from '../module.ts';
import type { RecommendationsLedgerService } from '../recommendations/index.ts';
import { INSPECTIONS_COMMANDS } from './inspections.cli.ts';
import { seedDemoInspections } from './inspections.demo.ts';
import { INSPECTIONS_OPENAPI } from './inspections.openapi.ts';
import { inspectionPaths } from './inspections.paths.ts';
import { INSPECTIONS_POLICY } from './inspections.policy.ts';
import { inspectionsRoutes } from './inspections.routes.ts';
import { createInspectionsService } from './inspections.service.ts';

export { inspectionPaths } from './inspections.paths.ts';
export type { InspectionsService } from './inspections.service.ts';
export type { InspectionsTables } from './inspections.tables.ts';

/**
 * Inspections and assurance reports (issue 14 item 3): HMICFRS PEEL inspections with their grades by question,
 * thematic and joint inspections, and audit reports, each kept by the policing body's office, with the
 * Commissioner's response on the 56-day clock of the Police Act 1996 s55.
 *
 * Causes of concern and recommendations are the shared ledger's (origin `inspection`, or `audit`): the
 * response, actions, progress and outcome of each are recorded there like any body's recommendation, and the
 * open-recommendations view reads them back. Areas for improvement stay here: HMICFRS expects no response to
 * them (s55 asks for one per recommendation) and they have no addressee or deadline, so in the ledger they
 * would only show as "no deadline set" beside the recommendations that do have one. Each finding may be linked
 * to the action of the office's delivery plans that answers it; the action's page lists the findings it answers.
 *
 * No origin describer is registered: a report has no group, meeting or minute, and the ledger's own origin
 * title and link (the report's page) say where each entry came from.
 */
export const inspectionsDomain = defineDomain({
  name: 'inspections',
  signposts: [
    {
      href: inspectionPaths.list(),
      title: 'Inspections',
      description: 'HMICFRS and audit reports on the force, and the responses they required.',
      position: 36,
    },
  ],
  policy: INSPECTIONS_POLICY,
  build: (
    { db, policy, now },
    {
      recommendations,
      delivery,
    }: { recommendations: RecommendationsLedgerService; delivery: DeliveryService },
  ) => {
    const inspections = createInspectionsService({ db, policy, now, ledger: recommendations, delivery });
    delivery.listAnswersWith(inspections.findingsAnswered);
    return { inspections };
  },
  routes: ({ inspections }) => [inspectionsRoutes({ inspections })],
  openApi: [INSPECTIONS_OPENAPI],
  navigation: [{ href: inspectionPaths.list(), text: 'Inspections', position: 36 }],
  deadlines: ({ inspections }) => [inspections.upcomingDeadlines],
  commands: INSPECTIONS_COMMANDS,
  seedDemo: async ({ inspections, recommendations }, { actor }) => ({
    loaded: await seedDemoInspections(inspections, recommendations, actor),
  }),
});
