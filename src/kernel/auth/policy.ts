import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

/** The roles allowed to take each action. Each domain writes its own rules; the composition root merges them. */
export type PolicyRules<Action extends string> = Record<Action, readonly Role[]>;

export interface Resource {
  /** The body that owns the record; absent for actions not tied to one body. */
  bodyId?: number | null;
}

export interface Policy<Action extends string = string> {
  /** Whether the actor may take the action, on the given record's body when there is one. */
  can(actor: Actor, action: Action, resource?: Resource): boolean;
  actions(): Action[];
}

/**
 * Authorisation in one place. An installation-wide administrator may do everything; other grants count only
 * for the body they were given on. The system actor (CLI, seeding) is trusted: it already holds the database.
 */
export function createPolicy<Action extends string>(rules: PolicyRules<Action>): Policy<Action> {
  return {
    can(actor, action, resource) {
      if (actor.kind === 'system') return true;
      if (actor.kind === 'anonymous') return false;
      const allowed = rules[action];
      if (!allowed) throw new Error(`No policy rule for ${action}`);
      return actor.grants.some(
        (grant) =>
          (grant.role === 'admin' && grant.bodyId === null) ||
          (allowed.includes(grant.role) &&
            (resource?.bodyId === undefined || resource.bodyId === null || grant.bodyId === resource.bodyId)),
      );
    },
    actions: () => Object.keys(rules) as Action[],
  };
}
