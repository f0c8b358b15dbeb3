import { describe, expect, it } from 'vitest';
import { ANONYMOUS, systemActor } from './actor.ts';
import { userWith } from './auth.testing.ts';
import { canSee, visibilitiesFor } from './visibility.ts';

describe('canSee', () => {
  const decisionPart2 = {
    visibility: 'confidential' as const,
    bodyId: 1,
    confidentialRoles: ['opcc-officer' as const],
  };
  const draftPaper = { visibility: 'restricted' as const, bodyId: 2 };

  it('shows public records to everyone', () => {
    expect(canSee(ANONYMOUS, { visibility: 'public', bodyId: 1 })).toBe(true);
  });

  it('never shows a non-public record to an anonymous reader', () => {
    expect(canSee(ANONYMOUS, draftPaper)).toBe(false);
    expect(canSee(ANONYMOUS, decisionPart2)).toBe(false);
  });

  it('shows a restricted record to anyone with a role on its body, and no one else', () => {
    expect(canSee(userWith({ role: 'panel-member', bodyId: 2 }), draftPaper)).toBe(true);
    expect(canSee(userWith({ role: 'panel-member', bodyId: 3 }), draftPaper)).toBe(false);
  });

  it('shows a confidential record only to the named roles on its body and installation administrators', () => {
    expect(canSee(userWith({ role: 'opcc-officer', bodyId: 1 }), decisionPart2)).toBe(true);
    expect(canSee(userWith({ role: 'force-analyst', bodyId: 1 }), decisionPart2)).toBe(false);
    expect(canSee(userWith({ role: 'opcc-officer', bodyId: 9 }), decisionPart2)).toBe(false);
    expect(canSee(userWith({ role: 'admin', bodyId: null }), decisionPart2)).toBe(true);
    expect(canSee(systemActor('cli:root'), decisionPart2)).toBe(true);
  });

  it('gives the visibilities to filter a query by', () => {
    expect(visibilitiesFor(ANONYMOUS, 1)).toEqual(['public']);
    expect(visibilitiesFor(userWith({ role: 'opcc-officer', bodyId: 1 }), 1, ['opcc-officer'])).toEqual([
      'public',
      'restricted',
      'confidential',
    ]);
    expect(visibilitiesFor(userWith({ role: 'force-analyst', bodyId: 1 }), 1, ['opcc-officer'])).toEqual([
      'public',
      'restricted',
    ]);
  });
});
