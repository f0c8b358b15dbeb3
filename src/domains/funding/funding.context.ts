import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { findFund } from './funding.queries.ts';
import type { FundingDb } from './funding.tables.ts';

/** What funding's use-cases are built from. */
export interface FundingDeps {
  db: FundingDb;
  policy: Policy;
  now: () => Date;
}

export function todayOf(deps: Pick<FundingDeps, 'now'>): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: FundingDeps, actor: Actor, bodyId: number): boolean {
  return deps.policy.can(actor, 'funding:manage', { bodyId });
}

export function requireManage(deps: FundingDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

export async function fundOrRefuse(deps: FundingDeps, slug: string, db: FundingDb = deps.db) {
  const fund = await findFund(db, slug);
  if (!fund) throw new NotFoundError('There is no such fund');
  return fund;
}

/** "2017-18" as people read it: 2017/18. */
export function yearLabel(year: string): string {
  return year.replace('-', '/');
}
