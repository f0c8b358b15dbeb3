import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type RecommendationsAction =
  | 'recommendations:manage'
  | 'recommendations:read-private'
  | 'recommendations:read-draft'
  | 'recommendations:record-response'
  | 'recommendations:respond-as-policing-body';

/**
 * Who keeps a body's ledger: its scrutiny officer, or for a policing body its OPCC officers (the inspections
 * and audit reports the office tracks), each granted on the body. The same roles that read a body's private
 * and draft records read its private and draft recommendations.
 */
export const RECOMMENDATIONS_POLICY: PolicyRules<RecommendationsAction> = {
  'recommendations:manage': ['scrutiny-officer', 'opcc-officer'],
  // Heard in private: the body's own members and its officer, never the public.
  'recommendations:read-private': ['scrutiny-officer', 'panel-member', 'opcc-officer'],
  // From a draft (minutes not yet approved, an inspection not yet checked): the same people, until published.
  'recommendations:read-draft': ['scrutiny-officer', 'panel-member', 'opcc-officer'],
  // Who may reach the form for a recommendation's response: the body's officer, or the office of the policing
  // body that answers to it. Which body each may answer for is checked on the recommendation.
  'recommendations:record-response': ['scrutiny-officer', 'opcc-officer'],
  // Granted on a policing body: records the responses to the recommendations of the body that scrutinises it.
  'recommendations:respond-as-policing-body': ['opcc-officer'],
};
