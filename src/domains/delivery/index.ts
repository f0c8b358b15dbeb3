import type { Actor } from '../../kernel/auth/actor.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import type { JudgementsService } from '../judgements/index.ts';
import { defineDomain } from '../module.ts';
import type { PlansService } from '../plans/index.ts';
import { DELIVERY_COMMANDS } from './delivery.cli.ts';
import type { PlanVersionSeen } from './delivery.context.ts';
import { seedDemoDelivery } from './delivery.demo.ts';
import { DELIVERY_OPENAPI } from './delivery.openapi.ts';
import { deliveryPaths } from './delivery.paths.ts';
import { DELIVERY_POLICY } from './delivery.policy.ts';
import { deliveryRoutes } from './delivery.routes.ts';
import { createDeliveryService } from './delivery.service.ts';

export type { ActionAnswer, ActionAnswerSource } from './delivery.context.ts';
export { ACTION_ADDRESS, type LinkedAction } from './delivery.links.ts';
export { deliveryPaths } from './delivery.paths.ts';
export type { ActionInPeriod } from './delivery.read.ts';
export type { DeliveryService } from './delivery.service.ts';
export type { DeliveryTables } from './delivery.tables.ts';
export { OWNER_LABELS, STATUS_LABELS } from './delivery.view-models.ts';

/** A plan version's aims and measures as delivery reads them, through plans' own reading (drafts for its officers). */
function planVersionReader(plans: PlansService) {
  return async (actor: Actor, slug: string, number: number): Promise<PlanVersionSeen | undefined> => {
    try {
      const { plan, version, tree } = await plans.readPlan(actor, slug, number);
      return {
        bodyId: plan.bodyId,
        slug: plan.slug,
        title: plan.title,
        versionId: version.id,
        versionNumber: version.number,
        priorities: tree.pillars.flatMap((pillar) => pillar.priorities),
      };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  };
}

async function planVersionsOf(plans: PlansService, actor: Actor) {
  return (await plans.listPlans(actor)).flatMap(({ plan, versions }) =>
    versions.map((version) => ({
      slug: plan.slug,
      title: plan.title,
      versionNumber: version.number,
      bodyId: plan.bodyId,
    })),
  );
}

/**
 * Delivery plans (issue 14 item 2): the office's and the force's actions for a plan version, each serving the
 * plan's key aims and measures, with owner, dates, milestones and a status history in which every change has
 * its evidence; overdue and at-risk lists; due dates on the calendar; and each action's start and completion
 * marked on its measures' SPC charts.
 */
export const deliveryDomain = defineDomain({
  name: 'delivery',
  signposts: [
    {
      href: deliveryPaths.list(),
      title: 'Delivery',
      description: 'What is being done to deliver each priority of the plan, by whom and by when.',
      position: 37,
    },
  ],
  policy: DELIVERY_POLICY,
  build: (
    { db, policy, now },
    { plans, judgements }: { plans: PlansService; judgements: JudgementsService },
  ) => {
    const delivery = createDeliveryService({
      db,
      policy,
      now,
      findPlanVersion: planVersionReader(plans),
      listPlanVersions: (actor) => planVersionsOf(plans, actor),
    });
    judgements.annotateMeasuresWith(delivery.measureAnnotations);
    return { delivery };
  },
  routes: ({ delivery }) => [deliveryRoutes({ delivery })],
  openApi: [DELIVERY_OPENAPI],
  navigation: [{ href: deliveryPaths.list(), text: 'Delivery', position: 37 }],
  deadlines: ({ delivery }) => [delivery.upcomingDeadlines],
  commands: DELIVERY_COMMANDS,
  seedDemo: async ({ delivery }, { actor }) => ({ loaded: await seedDemoDelivery(delivery, actor) }),
});
