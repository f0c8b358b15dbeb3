import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import type { Visibility } from '../recommendations/index.ts';
import { effectiveDueOn, workingDaysLate } from './decisions.clock.ts';
import { type DecisionRow, findDecision, listPanelsOf } from './decisions.queries.ts';
import type { DecisionsDb as Db } from './decisions.tables.ts';

/** What the register's use-cases are built from. */
export interface DecisionsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  /** Whether the reader may see a recommendation in the shared ledger: the ledger's own rule. */
  canSeeRecommendation: (actor: Actor, row: { bodyId: number; visibility: Visibility }) => boolean;
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
 * becomes the public description, and the summary, the value, the advice, the plan priorities, the meetings
 * and the recommendations go. The Part 2 advice of a Part 1 decision goes too, and so does any linked
 * recommendation the ledger would not show the reader. Every page, download, feed and API call reads
 * through this.
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
  const recommendations = row.recommendations.filter((each) => deps.canSeeRecommendation(actor, each));
  const shown = { ...row, ...clockOf(row), recommendations, withheld: false };
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
    meetings: [],
    recommendations: [],
    withheld: true,
  };
}

/**
 * Whether the reader may see the decision at all: published; or the office's own; or a forward plan entry,
 * for the office and for the Panel that scrutinises it (`panels`: the scrutiny panels of the office's force
 * area), not for every Panel in the country.
 */
export function mayRead(
  deps: DecisionsDeps,
  actor: Actor,
  row: DecisionRow,
  panels: readonly number[],
): boolean {
  if (row.status === 'published') return true;
  if (deps.policy.can(actor, 'decisions:read-unpublished', { bodyId: row.bodyId })) return true;
  if (!isOnForwardPlan(row)) return false;
  return [row.bodyId, ...panels].some((bodyId) =>
    deps.policy.can(actor, 'decisions:read-forward-plan', { bodyId }),
  );
}

/** The Panels that scrutinise each of the offices, by the office's id. */
export async function panelsOf(db: Db, bodyIds: readonly number[]): Promise<Map<number, number[]>> {
  const unique = [...new Set(bodyIds)];
  const panels = await Promise.all(unique.map((bodyId) => listPanelsOf(db, bodyId)));
  return new Map(unique.map((bodyId, index) => [bodyId, panels[index] ?? []]));
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

/** Only a draft may be changed: once signed off, a decision is the record of what was decided and signed. */
export function requireDraft(row: DecisionRow): void {
  if (row.status !== 'draft')
    throw new ConflictError(
      `Decision ${row.number} is signed off, so it can no longer be changed: record a new decision to correct it`,
    );
}
