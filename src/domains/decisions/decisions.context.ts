import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { effectiveDueOn, workingDaysLate } from './decisions.clock.ts';
import { type DecisionRow, findDecision } from './decisions.queries.ts';
import type { DecisionsDb as Db } from './decisions.tables.ts';

/** What the register's use-cases are built from. */
export interface DecisionsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
}

export function todayOf(deps: DecisionsDeps): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: DecisionsDeps, actor: Actor, bodyId?: number): boolean {
  return deps.policy.can(actor, 'decisions:manage', bodyId === undefined ? undefined : { bodyId });
}

export function requireManage(deps: DecisionsDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

/**
 * A decision as one reader may see it. Part 2 is withheld from all but the office's officers: the title
 * becomes the public description, and the summary, the value, the advice and the plan priorities go. The
 * Part 2 advice of a Part 1 decision goes too. Every page, download, feed and API call reads through this.
 */
export interface DecisionRecord extends Omit<DecisionRow, 'summary'> {
  summary: string | null;
  withheld: boolean;
  /** When publication is due, deferral counted; null until the decision is signed. */
  dueOn: IsoDate | null;
  publishedOn: IsoDate | null;
  workingDaysLate: number | null;
}

function clockOf(row: DecisionRow) {
  const dueOn = row.publicationDueOn ? effectiveDueOn(row.publicationDueOn, row.deferredUntil) : null;
  const publishedOn = row.publishedAt ? londonDateOf(row.publishedAt) : null;
  const late = dueOn && publishedOn ? workingDaysLate(dueOn, publishedOn) : null;
  return { dueOn, publishedOn, workingDaysLate: late };
}

export function asSeenBy(deps: DecisionsDeps, actor: Actor, row: DecisionRow): DecisionRecord {
  const confidential = deps.policy.can(actor, 'decisions:read-confidential', { bodyId: row.bodyId });
  const shown = { ...row, ...clockOf(row), withheld: false };
  if (confidential) return shown;
  if (row.part === 'part-1') return { ...shown, part2Advice: null };
  return {
    ...shown,
    title: row.publicStub ?? 'A confidential decision',
    summary: null,
    valuePence: null,
    advice: null,
    part2Advice: null,
    priorities: [],
    withheld: true,
  };
}

/** Whether the reader may see the decision at all: published, or a forward plan entry, or the office's own. */
export function mayRead(deps: DecisionsDeps, actor: Actor, row: DecisionRow): boolean {
  if (row.status === 'published') return true;
  const resource = { bodyId: row.bodyId };
  if (deps.policy.can(actor, 'decisions:read-unpublished', resource)) return true;
  return isOnForwardPlan(row) && deps.policy.can(actor, 'decisions:read-forward-plan');
}

/** A coming key decision: a draft with a planned date. */
export function isOnForwardPlan(row: DecisionRow): boolean {
  return row.status === 'draft' && row.keyDecision && row.plannedOn !== null;
}

export async function findOrRefuse(db: Db, bodySlug: string, number: string): Promise<DecisionRow> {
  const row = await findDecision(db, bodySlug, number);
  if (!row) throw new NotFoundError('There is no such decision');
  return row;
}
