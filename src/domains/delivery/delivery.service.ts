import { withDeps } from '../../kernel/use-cases.ts';
import type { ActionAnswerSource, DeliveryDeps } from './delivery.context.ts';
import { importDeliveryFile } from './delivery.import.ts';
import { linkableActions, linkedActions } from './delivery.links.ts';
import {
  deliveryAccess,
  deliveryInPeriod,
  listAtRisk,
  listOverdue,
  listPlansFor,
  listPlanVersionsFor,
  measureAnnotations,
  readAction,
  readDeliveryPlan,
  upcomingDeadlines,
} from './delivery.read.ts';
import {
  addAction,
  addMilestone,
  changeAction,
  createDeliveryPlan,
  publishDeliveryPlan,
  recordStatus,
} from './delivery.write.ts';

export type DeliveryService = ReturnType<typeof createDeliveryService>;

/**
 * Delivery plans for a police and crime plan version: start one, add and change actions, record their statuses (with
 * evidence) and milestones, load a plan file and publish; read the plans, an action, the overdue and at-risk
 * lists, the due dates for the calendar, and the marks actions leave on their measures' charts; and link other
 * domains' records to actions (an inspection's finding answered by one), both ways.
 */
export function createDeliveryService(deps: Omit<DeliveryDeps, 'answerSources'>) {
  const context: DeliveryDeps = { ...deps, answerSources: [] };
  const listAnswersWith = (source: ActionAnswerSource) => {
    context.answerSources.push(source);
  };
  return {
    listAnswersWith,
    ...useCases(context),
  };
}

function useCases(deps: DeliveryDeps) {
  return withDeps(deps, {
    listPlansFor,
    readDeliveryPlan,
    readAction,
    listOverdue,
    listAtRisk,
    upcomingDeadlines,
    measureAnnotations,
    deliveryAccess,
    deliveryInPeriod,
    listPlanVersionsFor,
    createDeliveryPlan,
    publishDeliveryPlan,
    addAction,
    changeAction,
    recordStatus,
    addMilestone,
    importDeliveryFile,
    linkableActions,
    linkedActions,
  });
}
