import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import type { DecisionsService } from '../decisions/index.ts';
import type { InspectionsService } from '../inspections/index.ts';
import type { PreceptService } from '../precept/index.ts';
import { findPolicingBody } from './transparency.queries.ts';
import type { TransparencyDb } from './transparency.tables.ts';

/** The registers other domains keep that show a duty met, read as the public reads them. */
export interface EvidenceServices {
  decisions: DecisionsService;
  inspections: InspectionsService;
  precept: PreceptService;
}

/** What transparency's use-cases are built from. */
export interface TransparencyDeps extends EvidenceServices {
  db: TransparencyDb;
  policy: Policy;
  now: () => Date;
}

export function todayOf(deps: Pick<TransparencyDeps, 'now'>): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: TransparencyDeps, actor: Actor, bodyId: number): boolean {
  return deps.policy.can(actor, 'transparency:manage', { bodyId });
}

export function requireManage(deps: TransparencyDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

export async function bodyOrRefuse(deps: TransparencyDeps, slug: string) {
  const body = await findPolicingBody(deps.db, slug);
  if (!body) throw new NotFoundError('There is no such policing body');
  return body;
}
