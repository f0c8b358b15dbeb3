import { withDeps } from '../../kernel/use-cases.ts';
import type { DeliveryDeps } from './delivery.context.ts';
import { importDeliveryFile } from './delivery.import.ts';
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
  createDeliveryPlan,
  publishDeliveryPlan,
  recordStatus,
} from './delivery.write.ts';

export type DeliveryService = ReturnType<typeof createDeliveryService>;

/**
 * Delivery plans for a police and crime plan version: start one, add actions, record their statuses (with
 * evidence) and milestones, load a plan file and publish; read the plans, an action, the overdue and at-risk
 * lists, the due dates for the calendar, and the marks actions leave on their measures' charts.
 */
export function createDeliveryService(deps: DeliveryDeps) {
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
    recordStatus,
    addMilestone,
    importDeliveryFile,
  });
}
