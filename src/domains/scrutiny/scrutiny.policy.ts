import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type ScrutinyAction = 'scrutiny:manage' | 'scrutiny:read-exempt' | 'scrutiny:read-drafts';

/** A scrutiny officer runs the panel's meetings and public questions, for the panel they hold the role on. */
export const SCRUTINY_POLICY: PolicyRules<ScrutinyAction> = {
  'scrutiny:manage': ['scrutiny-officer'],
  // Exempt papers are for the panel's own members and its officer, never the public.
  'scrutiny:read-exempt': ['scrutiny-officer', 'panel-member'],
  // Draft minutes, until a later meeting approves them, are for the same people.
  'scrutiny:read-drafts': ['scrutiny-officer', 'panel-member'],
};
