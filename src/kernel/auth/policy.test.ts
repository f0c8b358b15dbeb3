import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS, systemActor } from './actor.ts';
import { createPolicy } from './policy.ts';
import type { RoleGrant } from './roles.ts';

const policy = createPolicy({ 'plans:edit': ['opcc-officer'], 'meetings:edit': ['scrutiny-officer'] });
const user = (...grants: RoleGrant[]): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'a@example.org',
  displayName: 'A',
  grants,
  sessionSecondFactor: false,
});

describe('createPolicy', () => {
  it('refuses everything to an anonymous caller', () => {
    expect(policy.can(ANONYMOUS, 'plans:edit')).toBe(false);
  });

  it('allows a role its actions, for its own body only', () => {
    const officer = user({ role: 'opcc-officer', bodyId: 7 });
    expect(policy.can(officer, 'plans:edit')).toBe(true);
    expect(policy.can(officer, 'plans:edit', { bodyId: 7 })).toBe(true);
    expect(policy.can(officer, 'plans:edit', { bodyId: 8 })).toBe(false);
    expect(policy.can(officer, 'meetings:edit')).toBe(false);
  });

  it('lets an installation-wide administrator do anything, and a body administrator nothing extra', () => {
    expect(policy.can(user({ role: 'admin', bodyId: null }), 'meetings:edit', { bodyId: 3 })).toBe(true);
    expect(policy.can(user({ role: 'admin', bodyId: 3 }), 'meetings:edit', { bodyId: 3 })).toBe(false);
  });

  it('trusts the system actor (the command line and seeding)', () => {
    expect(policy.can(systemActor('cli:root'), 'plans:edit', { bodyId: 99 })).toBe(true);
  });

  it('fails loudly for an action nobody wrote a rule for', () => {
    expect(() =>
      policy.can(user({ role: 'opcc-officer', bodyId: 1 }), 'unknown:action' as 'plans:edit'),
    ).toThrow(/No policy rule for unknown:action/);
  });
});
