import type { RoleGrant } from './roles.ts';

/** Who is asking: nobody signed in, a person, an API token, or the system itself (CLI, seeding). */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      email: string;
      displayName: string;
      grants: RoleGrant[];
      sessionSecondFactor: boolean;
    }
  | { kind: 'token'; tokenId: number; name: string; grants: RoleGrant[] }
  | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}

export function isSignedIn(actor: Actor): boolean {
  return actor.kind === 'user' || actor.kind === 'token';
}

/** How the actor is named in the audit trail. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return actor.email;
    case 'token':
      return `token:${actor.name}`;
    case 'system':
      return actor.label;
  }
}
