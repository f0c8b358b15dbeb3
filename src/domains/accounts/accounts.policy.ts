import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type AccountsAction = 'users:manage' | 'tokens:manage' | 'audit:read';

export const ACCOUNTS_POLICY: PolicyRules<AccountsAction> = {
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['admin'],
};
