import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type AppointmentsAction = 'appointments:propose' | 'appointments:report';

/**
 * The Commissioner's side (the notification of a proposed appointment and the notice accepting or rejecting the
 * Panel's recommendation) is kept by the policing body's OPCC officers, granted on the body; the Panel's side
 * (its hearing, vote and report) by the Panel's scrutiny officer, granted on the Panel. Everything is public
 * once notified: the Panel must publish its report (Sch 8 para 4(7)).
 */
export const APPOINTMENTS_POLICY: PolicyRules<AppointmentsAction> = {
  'appointments:propose': ['opcc-officer'],
  'appointments:report': ['scrutiny-officer'],
};
