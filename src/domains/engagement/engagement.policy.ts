import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type EngagementAction = 'engagement:manage';

/**
 * A policing body's surveys are run by its OPCC officers, granted on the body: they load surveys, import the
 * responses gathered on paper, at events and by panels, read the analysis and its CSV, and publish results
 * early. Answering a survey needs no account; the aggregated results are public once the survey closes.
 */
export const ENGAGEMENT_POLICY: PolicyRules<EngagementAction> = {
  'engagement:manage': ['opcc-officer'],
};
