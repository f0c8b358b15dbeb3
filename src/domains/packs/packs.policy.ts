import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type PacksAction = 'packs:manage';

/**
 * The office of the Commissioner draws up its performance packs and issues them (its officers, granted on the
 * policing body); an issued pack is public, a draft is the office's alone.
 */
export const PACKS_POLICY: PolicyRules<PacksAction> = {
  'packs:manage': ['opcc-officer'],
};
