import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import {
  findYear,
  listPolicingBodies,
  listVotes,
  type PolicingBody,
  type PreceptYearRow,
} from './precept.queries.ts';
import type { YearTarget } from './precept.schemas.ts';
import type { PreceptDb as Db } from './precept.tables.ts';

/** What the precept's use-cases are built from. */
export interface PreceptDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
}

/** Whether the actor keeps the Commissioner's side of the precept for the office (any office if none given). */
export function canPropose(deps: PreceptDeps, actor: Actor, bodyId?: number): boolean {
  return deps.policy.can(actor, 'precept:propose', bodyId === undefined ? undefined : { bodyId });
}

/** Whether the actor keeps the Panel's side (its vote and reports) for the Panel. */
export function canReport(deps: PreceptDeps, actor: Actor, panelId?: number): boolean {
  return deps.policy.can(actor, 'precept:report', panelId === undefined ? undefined : { bodyId: panelId });
}

export function requirePropose(deps: PreceptDeps, actor: Actor, bodyId: number): void {
  if (!canPropose(deps, actor, bodyId)) throw new ForbiddenError();
}

export function requireReport(deps: PreceptDeps, actor: Actor, panelId: number): void {
  if (!canReport(deps, actor, panelId)) throw new ForbiddenError();
}

export async function findBodyOrRefuse(db: Db, slug: string): Promise<PolicingBody> {
  const body = (await listPolicingBodies(db)).find((each) => each.slug === slug);
  if (!body) throw new NotFoundError('There is no such policing body');
  return body;
}

/** A precept year with its recorded vote. */
export interface PreceptRecord extends PreceptYearRow {
  /** The London date of the Panel's meeting, when one is recorded. */
  meetingOn: IsoDate | null;
  votes: Awaited<ReturnType<typeof listVotes>>;
}

export async function findYearOrRefuse(db: Db, target: YearTarget): Promise<PreceptRecord> {
  const body = await findBodyOrRefuse(db, target.body);
  const row = await findYear(db, body.id, target.year);
  if (!row) throw new NotFoundError('There is no precept for that year');
  const meetingOn = row.meetingStartsAt ? londonDateOf(row.meetingStartsAt) : null;
  return { ...row, meetingOn, votes: await listVotes(db, row.id) };
}

/** The day the Panel's decision was made: its meeting, or failing that the date of its report. */
export function decisionDateOf(meetingOn: IsoDate | null, reportedOn: IsoDate): IsoDate {
  return meetingOn ?? reportedOn;
}
