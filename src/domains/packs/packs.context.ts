import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import type { PackSectionProvider } from './packs.content.ts';
import type { PacksDb } from './packs.tables.ts';

/** A meeting a pack may be a paper for, as the meetings module lists it. */
export interface PackMeeting {
  id: number;
  bodyId: number;
  title: string;
  startsAt: Date;
}

/** What the packs' use-cases are built from. */
export interface PacksDeps {
  db: PacksDb;
  policy: Policy;
  now: () => Date;
  /** The parts of the pack, in order, each drawn by the domain that keeps its records. */
  providers: readonly PackSectionProvider[];
  /** The meetings of the bodies that hold them (the shared meetings module). */
  listMeetings(): Promise<PackMeeting[]>;
}

export function canManage(deps: PacksDeps, actor: Actor, bodyId?: number): boolean {
  return deps.policy.can(actor, 'packs:manage', bodyId === undefined ? undefined : { bodyId });
}

export function requireManage(deps: PacksDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}
