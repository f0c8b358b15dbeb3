import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline } from '../../kernel/calendar/deadlines.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import {
  asSeenBy,
  canManage,
  type DecisionRecord,
  type DecisionsDeps,
  findOrRefuse,
  isOnForwardPlan,
  mayRead,
  panelsOf,
  requireDraft,
  todayOf,
} from './decisions.context.ts';
import { decisionPaths as paths } from './decisions.paths.ts';
import { listDecisions, listPolicingBodies } from './decisions.queries.ts';
import type { DecisionFilter } from './decisions.schemas.ts';

/** The public register: published decisions, Part 2 as its stub, filtered by year and maker. */
export async function listRegister(deps: DecisionsDeps, actor: Actor, filter: DecisionFilter) {
  const rows = await listDecisions(deps.db, { statuses: ['published'], ...filter });
  return rows.map((row) => asSeenBy(deps, actor, row));
}

/** How many of the latest publications the feed carries. */
const FEED_LENGTH = 50;

/**
 * The feed: the latest published decisions, newest publication first, Part 2 as its stub; and the time of
 * reading, which an empty feed gives as when it was last updated.
 */
export async function listFeed(deps: DecisionsDeps, actor: Actor) {
  const rows = await listDecisions(deps.db, { statuses: ['published'], year: null, maker: null });
  const decisions = rows
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .slice(0, FEED_LENGTH)
    .map((row) => asSeenBy(deps, actor, row));
  return { decisions, readAt: deps.now() };
}

/** The years decisions in the register were taken in, newest first, for the filter. */
export async function listRegisterYears(deps: DecisionsDeps) {
  const rows = await listDecisions(deps.db, { statuses: ['published'], year: null, maker: null });
  return [...new Set(rows.map((row) => Number(row.decidedOn?.slice(0, 4))))];
}

/** The office's own list of drafts and signed decisions not yet published, for its officers. */
export async function listUnpublished(deps: DecisionsDeps, actor: Actor): Promise<DecisionRecord[]> {
  if (!canManage(deps, actor)) return [];
  const rows = await listDecisions(deps.db, { statuses: ['draft', 'signed'], year: null, maker: null });
  return rows.filter((row) => canManage(deps, actor, row.bodyId)).map((row) => asSeenBy(deps, actor, row));
}

/**
 * Coming key decisions (drafts with a planned date), soonest first: each office's own, for its officers and
 * for the Panel of its force area.
 */
export async function listForwardPlan(deps: DecisionsDeps, actor: Actor): Promise<DecisionRecord[]> {
  const rows = (await listDecisions(deps.db, { statuses: ['draft'], year: null, maker: null })).filter(
    isOnForwardPlan,
  );
  const panels = await panelsOf(
    deps.db,
    rows.map((row) => row.bodyId),
  );
  return rows
    .filter((row) => mayRead(deps, actor, row, panels.get(row.bodyId) ?? []))
    .map((row) => asSeenBy(deps, actor, row));
}

/**
 * The forward plan page: for those the policy lets read it (the Panel and the office), refused to others;
 * each reader sees the plans of the offices they hold to account or work for.
 */
export function readForwardPlan(deps: DecisionsDeps, actor: Actor): Promise<DecisionRecord[]> {
  if (!deps.policy.can(actor, 'decisions:read-forward-plan')) throw new ForbiddenError();
  return listForwardPlan(deps, actor);
}

export async function readDecision(deps: DecisionsDeps, actor: Actor, body: string, number: string) {
  const row = await findOrRefuse(deps.db, body, number);
  const panels = await panelsOf(deps.db, [row.bodyId]);
  if (!mayRead(deps, actor, row, panels.get(row.bodyId) ?? []))
    throw new NotFoundError('There is no such decision');
  return { decision: asSeenBy(deps, actor, row), canManage: canManage(deps, actor, row.bodyId) };
}

/**
 * A draft for its edit form: the office's officers only, and only while it is a draft (a signed decision is
 * the record of what was signed).
 */
export async function readDraftToEdit(deps: DecisionsDeps, actor: Actor, body: string, number: string) {
  const row = await findOrRefuse(deps.db, body, number);
  if (!canManage(deps, actor, row.bodyId)) throw new ForbiddenError();
  requireDraft(row);
  return { decision: asSeenBy(deps, actor, row) };
}

/** The offices the actor may record decisions for. */
export async function listOfficesFor(deps: DecisionsDeps, actor: Actor) {
  return (await listPolicingBodies(deps.db)).filter((body) => canManage(deps, actor, body.id));
}

/**
 * For the statutory calendar: each signed decision's publication deadline (the office's officers; overdue ones
 * stay until published), and each coming key decision's planned date (those who read the forward plan).
 */
export async function upcomingDeadlines(deps: DecisionsDeps, actor: Actor): Promise<Deadline[]> {
  const today = todayOf(deps);
  const [unpublished, coming] = await Promise.all([
    listUnpublished(deps, actor),
    listForwardPlan(deps, actor),
  ]);
  const publication = unpublished
    .filter((decision) => decision.status === 'signed' && decision.dueOn)
    .map((decision) => ({
      uid: `decision-${decision.id}-publication`,
      date: decision.dueOn as string,
      title: `Publish decision ${decision.number} by ${formatDate(decision.dueOn)}${decision.deferredUntil ? ' (publication deferred)' : ''}`,
      basis: decision.deferredUntil
        ? `Publication deferred until ${formatDate(decision.deferredUntil)}: ${decision.deferralReason}`
        : `Within one working day of the decision, taken on ${formatDate(decision.decidedOn)}`,
      url: paths.decision({ body: decision.bodySlug, number: decision.number }),
      status: (decision.dueOn as string) < today ? 'overdue' : null,
    }));
  const planned = coming
    .filter((decision) => (decision.plannedOn as string) >= today)
    .map((decision) => ({
      uid: `decision-${decision.id}-planned`,
      date: decision.plannedOn as string,
      title: `Key decision ${decision.number} planned: ${decision.title}`,
      basis: `${decision.bodyName}: forward plan of key decisions`,
      url: paths.decision({ body: decision.bodySlug, number: decision.number }),
      status: null,
    }));
  return [...publication, ...planned];
}

/** What the register page offers the reader beyond the public list. */
export function registerAccess(deps: DecisionsDeps, actor: Actor) {
  return {
    canManage: canManage(deps, actor),
    canReadForwardPlan: deps.policy.can(actor, 'decisions:read-forward-plan'),
  };
}
