import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type PreceptAction = 'precept:propose' | 'precept:report';

/**
 * The Commissioner's side of the precept (the proposal, the response to the Panel's report (with the revised precept after a veto), the
 * precept issued), and the budget it funds, are kept by the policing body's OPCC officers, granted on the body; the Panel's side (its
 * meeting, vote and reports) by the Panel's scrutiny officer, granted on the Panel. Everything is public.
 */
export const PRECEPT_POLICY: PolicyRules<PreceptAction> = {
  'precept:propose': ['opcc-officer'],
  'precept:report': ['scrutiny-officer'],
};
