import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type ScrutinyAction = 'scrutiny:manage';

/** A scrutiny officer runs the panel's meetings and public questions, for the panel they hold the role on. */
export const SCRUTINY_POLICY: PolicyRules<ScrutinyAction> = {
  'scrutiny:manage': ['scrutiny-officer'],
};
