import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type JudgementsAction = 'indicators:manage';

/**
 * Force analysts and OPCC officers define indicators and load the populations and series they need; the
 * scorecard they feed is public.
 */
export const JUDGEMENTS_POLICY: PolicyRules<JudgementsAction> = {
  'indicators:manage': ['force-analyst', 'opcc-officer'],
};
