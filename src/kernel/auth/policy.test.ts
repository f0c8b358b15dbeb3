import { describe, expect, it } from 'vitest';
import { ANONYMOUS, systemActor } from './actor.ts';
import { userWith } from './auth.testing.ts';
import { createPolicy } from './policy.ts';

const policy = createPolicy({ 'plans:edit': ['opcc-officer'], 'meetings:edit': ['scrutiny-officer'] });
describe('createPolicy', () => {
  it('refuses everything to an anonymous caller', () => {
    expect(policy.can(ANONYMOUS, 'plans:edit')).toBe(false);
  });

  it('allows a role its actions, for its own body only', () => {
    const officer = userWith({ role: 'opcc-officer', bodyId: 7 });
    expect(policy.can(officer, 'plans:edit')).toBe(true);
    expect(policy.can(officer, 'plans:edit', { bodyId: 7 })).toBe(true);
    expect(policy.can(officer, 'plans:edit', { bodyId: 8 })).toBe(false);
    expect(policy.can(officer, 'meetings:edit')).toBe(false);
  });

  it('lets an installation-wide administrator do anything, and a body administrator nothing extra', () => {
    expect(policy.can(userWith({ role: 'admin', bodyId: null }), 'meetings:edit', { bodyId: 3 })).toBe(true);
    expect(policy.can(userWith({ role: 'admin', bodyId: 3 }), 'meetings:edit', { bodyId: 3 })).toBe(false);
  });

  it('trusts the system actor (the command line and seeding)', () => {
    expect(policy.can(systemActor('cli:root'), 'plans:edit', { bodyId: 99 })).toBe(true);
  });

  it('fails loudly for an action nobody wrote a rule for', () => {
    expect(() =>
      policy.can(userWith({ role: 'opcc-officer', bodyId: 1 }), 'unknown:action' as 'plans:edit'),
    ).toThrow(/No policy rule for unknown:action/);
  });
});
