import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type PlansAction = 'plans:edit';

export const PLANS_POLICY: PolicyRules<PlansAction> = {
  'plans:edit': ['opcc-officer'],
};
