import type { Actor } from './actor.ts';
import type { Role, RoleGrant } from './roles.ts';

/** A signed-in user holding the given grants, as the policy sees them. */
export const userWith = (...grants: RoleGrant[]): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'a@example.org',
  displayName: 'A',
  grants,
  sessionSecondFactor: false,
});

/** An API token holding one role for one body, named after its role. */
export const tokenHolding = (role: Role, bodyId: number): Actor => ({
  kind: 'token',
  tokenId: 1,
  name: role,
  grants: [{ role, bodyId }],
});
