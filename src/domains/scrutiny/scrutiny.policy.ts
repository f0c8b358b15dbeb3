import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type ScrutinyAction =
  | 'scrutiny:manage'
  | 'scrutiny:manage-panels'
  | 'scrutiny:read-exempt'
  | 'scrutiny:read-drafts';

/**
 * A scrutiny officer runs the meetings and public questions of the body they hold the role on; an OPCC officer
 * runs the policing body's own public accountability meetings. What a body of each kind has (a members' list,
 * groups, a work programme, recommendations) is decided by its kind, in bodies.ts, not here.
 */
export const SCRUTINY_POLICY: PolicyRules<ScrutinyAction> = {
  'scrutiny:manage': ['scrutiny-officer', 'opcc-officer'],
  // Who is offered the forms that start a panel's records (recommendations, groups, the work programme).
  'scrutiny:manage-panels': ['scrutiny-officer'],
  // Exempt papers are for the panel's own members and its officer, never the public.
  'scrutiny:read-exempt': ['scrutiny-officer', 'panel-member'],
  // Draft minutes, until a later meeting approves them, are for the same people.
  'scrutiny:read-drafts': ['scrutiny-officer', 'panel-member'],
};
