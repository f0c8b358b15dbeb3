import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type GrantsAction = 'grants:apply' | 'grants:assess';

/**
 * An applicant organisation is a partner-organisation body: its people hold `grant-applicant` on it and apply
 * for it, seeing only its applications and awards. A fund's applications are assessed, moderated and decided by
 * the OPCC officers of the policing body whose fund it is. Awards are public (without anyone's personal data):
 * they spend public money.
 */
export const GRANTS_POLICY: PolicyRules<GrantsAction> = {
  'grants:apply': ['grant-applicant'],
  'grants:assess': ['opcc-officer'],
};
