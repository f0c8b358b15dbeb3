import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

export const VISIBILITIES = ['public', 'restricted', 'confidential'] as const;

/**
 * public: anyone, including on the public portal and API. restricted: signed-in users holding a role on the
 * record's body (e.g. a Panel's draft papers for its members). confidential: only the named roles on that
 * body (e.g. part 2 of a PCC decision), and installation administrators.
 */
export type Visibility = (typeof VISIBILITIES)[number];

export interface VisibleRecord {
  visibility: Visibility;
  bodyId: number | null;
  /** For confidential records: the roles on the body that may see them. */
  confidentialRoles?: readonly Role[];
}

export function canSee(actor: Actor, record: VisibleRecord): boolean {
  if (record.visibility === 'public' || actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  if (actor.grants.some((grant) => grant.role === 'admin' && grant.bodyId === null)) return true;
  const onBody = actor.grants.filter((grant) => record.bodyId !== null && grant.bodyId === record.bodyId);
  if (record.visibility === 'restricted') return onBody.length > 0;
  return onBody.some((grant) => record.confidentialRoles?.includes(grant.role) ?? false);
}

/** The visibilities a query may return to this actor for records of one body (to filter in SQL). */
export function visibilitiesFor(
  actor: Actor,
  bodyId: number,
  confidentialRoles: readonly Role[] = [],
): Visibility[] {
  return VISIBILITIES.filter((visibility) => canSee(actor, { visibility, bodyId, confidentialRoles }));
}
