import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type FundingAction = 'funding:manage';

/**
 * A policing body's funds are kept by its OPCC officers, granted on the body: they load the funds file, try a
 * formula's weights in the what-if view and record allocations. Funds, formulas and allocations are public:
 * they spend public money, and the Panel and the authorities read them (the 2016 Panel heard authorities
 * dispute the Community Safety Fund's formula).
 */
export const FUNDING_POLICY: PolicyRules<FundingAction> = {
  'funding:manage': ['opcc-officer'],
};
