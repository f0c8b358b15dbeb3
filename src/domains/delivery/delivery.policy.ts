import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type DeliveryAction = 'delivery:manage' | 'delivery:read-unpublished';

/**
 * Who keeps a policing body's delivery plans — its own and the force's — are its OPCC officers, granted on the
 * body: they add actions, record statuses and milestones, load plan files and publish. Until a delivery plan
 * is published only they see it; once published it is public, as the Panel and the public scrutinise it.
 */
export const DELIVERY_POLICY: PolicyRules<DeliveryAction> = {
  'delivery:manage': ['opcc-officer'],
  'delivery:read-unpublished': ['opcc-officer'],
};
