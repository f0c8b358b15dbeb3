import type { PolicyRules } from '../../kernel/auth/policy.ts';

export type PerformanceAction = 'imports:run' | 'imports:read';

/**
 * Force analysts load police data; they and the OPCC's officers can read the record of every import.
 * The figures themselves are public.
 */
export const PERFORMANCE_POLICY: PolicyRules<PerformanceAction> = {
  'imports:run': ['force-analyst'],
  'imports:read': ['force-analyst', 'opcc-officer'],
};
