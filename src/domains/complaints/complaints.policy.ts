import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type ComplaintsAction = 'complaints:manage';

/**
 * Complaints about the Commissioner are the Panel's to handle (PRSRA 2011 Sch 7; SI 2012/62), in practice by
 * the officer supporting the Panel or its complaints sub-committee, so only the Panel's scrutiny officer, granted
 * on that Panel, may read or change a case. Panel members see the anonymised counts like everyone else: a
 * sub-committee's members are shown a case's papers by its officer, not given the register.
 */
export const COMPLAINTS_POLICY: PolicyRules<ComplaintsAction> = {
  'complaints:manage': ['scrutiny-officer'],
};
