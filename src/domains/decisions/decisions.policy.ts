import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type DecisionsAction =
  | 'decisions:manage'
  | 'decisions:read-unpublished'
  | 'decisions:read-confidential'
  | 'decisions:read-forward-plan';

/**
 * Who keeps a policing body's decision register: its OPCC officers, granted on the body. They alone see drafts,
 * decisions not yet published and Part 2; the forward plan of coming key decisions is also the Panel's, which
 * scrutinises them (its members and its officer).
 */
export const DECISIONS_POLICY: PolicyRules<DecisionsAction> = {
  'decisions:manage': ['opcc-officer'],
  'decisions:read-unpublished': ['opcc-officer'],
  'decisions:read-confidential': ['opcc-officer'],
  'decisions:read-forward-plan': ['opcc-officer', 'panel-member', 'scrutiny-officer'],
};
