import { ANONYMOUS } from '../../kernel/auth/actor.ts';
import type { DecisionsService } from '../decisions/index.ts';
import type { DeliveryService } from '../delivery/index.ts';
import type { JudgementsService } from '../judgements/index.ts';
import { defineDomain } from '../module.ts';
import type { RecommendationsLedgerService } from '../recommendations/index.ts';
import type { ScrutinyService } from '../scrutiny/index.ts';
import { seedDemoPacks } from './packs.demo.ts';
import { PACKS_OPENAPI } from './packs.openapi.ts';
import { packPaths } from './packs.paths.ts';
import { PACKS_POLICY } from './packs.policy.ts';
import { packsRoutes } from './packs.routes.ts';
import { createPacksService } from './packs.service.ts';
import { decisionsSection } from './sections/decisions.section.ts';
import { deliverySection } from './sections/delivery.section.ts';
import { measuresSection } from './sections/measures.section.ts';
import { inspectionRecommendationsSection } from './sections/recommendations.section.ts';

export type { PackSection, PackSectionProvider } from './packs.content.ts';
export { packPaths } from './packs.paths.ts';
export { financialQuarter } from './packs.quarters.ts';
export type { PacksService } from './packs.service.ts';
export type { PacksPublished, PacksTables } from './packs.tables.ts';

interface PacksNeeds {
  judgements: JudgementsService;
  decisions: DecisionsService;
  delivery: DeliveryService;
  recommendations: RecommendationsLedgerService;
  scrutiny: ScrutinyService;
}

/**
 * The quarterly performance pack for a Commissioner's public accountability meeting (issue 14 item 4): per
 * plan priority, each measure judged with its chart and table, and the decisions taken; then the inspection
 * recommendations still open. Each part is a provider from the domain that keeps its records; a draft is
 * drawn live and an issued pack is frozen. A page, a PDF printed by Chromium from that page, and JSON.
 */
export const packsDomain = defineDomain({
  name: 'packs',
  signposts: [
    {
      href: packPaths.list(),
      title: 'Performance packs',
      description: 'Each quarter’s performance report to the Panel, as issued.',
      position: 38,
    },
  ],
  policy: PACKS_POLICY,
  build: (
    { db, policy, now },
    { judgements, decisions, delivery, recommendations, scrutiny }: PacksNeeds,
  ) => ({
    packs: createPacksService({
      db,
      policy,
      now,
      providers: [
        measuresSection(judgements),
        decisionsSection(decisions),
        deliverySection(delivery),
        inspectionRecommendationsSection(recommendations),
      ],
      listMeetings: async () =>
        (await scrutiny.listMeetings(ANONYMOUS)).map(({ meeting }) => ({
          id: meeting.id,
          bodyId: meeting.bodyId,
          title: meeting.title,
          startsAt: meeting.startsAt,
        })),
    }),
  }),
  routes: ({ packs }) => [packsRoutes({ packs })],
  openApi: [PACKS_OPENAPI],
  deadlines: ({ packs }) => [packs.upcomingDeadlines],
  seedDemo: async ({ packs }, { actor, background, loading }) => {
    if (!background || loading.length === 0) return { loaded: await seedDemoPacks(packs, actor) };
    // Issuing freezes the figures, so the demo pack waits for the police.uk months loading in the background.
    const done = Promise.all(loading)
      .then(() => seedDemoPacks(packs, actor))
      .then(
        (lines) => lines.length && background(`Demo data loaded: ${lines.join(', ')}.`),
        (error: unknown) =>
          background(`The demo performance pack was not issued: ${(error as Error).message}`),
      );
    return { loading: done };
  },
});
