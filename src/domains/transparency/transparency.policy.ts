import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type TransparencyAction = 'transparency:manage';

/**
 * A policing body's OPCC officers keep its transparency records, granted on the body: they load spending and
 * contracts, record that a duty was met and check an evidence link. Everything they record is public: the
 * Order exists so that the public can see it.
 */
export const TRANSPARENCY_POLICY: PolicyRules<TransparencyAction> = {
  'transparency:manage': ['opcc-officer'],
};
