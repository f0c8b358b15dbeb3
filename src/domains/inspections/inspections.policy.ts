import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type InspectionsAction = 'inspections:manage' | 'inspections:read-unpublished';

/**
 * Who keeps a policing body's inspections and assurance reports: its OPCC officers, granted on the body. They
 * alone see a report before the office publishes its record; the public reads the published ones.
 */
export const INSPECTIONS_POLICY: PolicyRules<InspectionsAction> = {
  'inspections:manage': ['opcc-officer'],
  'inspections:read-unpublished': ['opcc-officer'],
};
