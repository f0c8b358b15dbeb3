import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { createRecommendationsLedger, type RecommendationsLedgerService } from '../recommendations/index.ts';
import { findMeetingById, type MeetingRow } from './scrutiny.queries.ts';
import type { ScrutinyDb as Db } from './scrutiny.tables.ts';

/** A body as scrutiny sees it; bodies are the accounts domain's. */
export interface BodyRef {
  id: number;
  slug: string;
  name: string;
  kind: string;
}

/** What the minutes, recommendations, groups and work programme services need (a subset of ScrutinyDeps). */
export interface ScrutinyRecordsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  findBody(slug: string): Promise<BodyRef | undefined>;
  /** The shared recommendations ledger, which keeps the panel's recommendations. */
  ledger: RecommendationsLedgerService;
}

/** Deps that may leave out the ledger. */
export type LedgerOptional<Deps extends ScrutinyRecordsDeps> = Omit<Deps, 'ledger'> &
  Partial<Pick<Deps, 'ledger'>>;

/**
 * Built on its own (tests, a command), a scrutiny service keeps the panel's recommendations in a ledger over
 * the same database; in the app, the recommendations domain's ledger is handed in.
 */
export function withLedger<Deps extends ScrutinyRecordsDeps>(given: LedgerOptional<Deps>): Deps {
  return { ...given, ledger: given.ledger ?? createRecommendationsLedger(given) } as Deps;
}

/** What every scrutiny service is built from. */
export interface ScrutinyDeps extends ScrutinyRecordsDeps {
  /** Bodies are the accounts domain's; scrutiny reaches them through its service. */
  listBodies(): Promise<BodyRef[]>;
  /** The site's public address, for the links in emails to questioners. */
  baseUrl: string;
}

/**
 * How a records file meets records already there: "set" makes them what the file says (a reviewed file is the
 * source); "add-missing" only adds records the file names that do not exist yet and leaves the rest as users
 * left them (the demo, which must load again after a day of use).
 */
export type RecordsLoadMode = 'set' | 'add-missing';

/** Authorisation shared by the scrutiny record services. */
export function recordsAccess(policy: Policy) {
  return {
    canManage: (actor: Actor, bodyId: number) => policy.can(actor, 'scrutiny:manage', { bodyId }),
    /** Whether the actor is a scrutiny officer of any body, to offer the forms that start new records. */
    canManageAny: (actor: Actor) => policy.can(actor, 'scrutiny:manage-panels'),
    requireManage(actor: Actor, bodyId: number) {
      if (!policy.can(actor, 'scrutiny:manage', { bodyId })) throw new ForbiddenError();
    },
    /** The body's members and officers read its draft minutes. */
    canReadDrafts: (actor: Actor, bodyId: number) => policy.can(actor, 'scrutiny:read-drafts', { bodyId }),
    /** …and what was heard in private. */
    canReadExempt: (actor: Actor, bodyId: number) => policy.can(actor, 'scrutiny:read-exempt', { bodyId }),
  };
}

export async function requireMeeting(db: Db, id: number): Promise<MeetingRow> {
  const meeting = await findMeetingById(db, id);
  if (!meeting) throw new NotFoundError('There is no such meeting');
  return meeting;
}

/** The meeting, once the actor is known to be a scrutiny officer of its body. */
export async function requireManagedMeeting(
  deps: Pick<ScrutinyRecordsDeps, 'db' | 'policy'>,
  actor: Actor,
  meetingId: number,
): Promise<MeetingRow> {
  const meeting = await requireMeeting(deps.db, meetingId);
  recordsAccess(deps.policy).requireManage(actor, meeting.bodyId);
  return meeting;
}

/** "21 October 2016": a meeting named by its London date, as minutes and reports name it. */
export function meetingDay(startsAt: Date): string {
  return formatDate(londonDateOf(startsAt));
}

/**
 * Finds the body's meeting held on a London date, for files that name meetings by their date. Two meetings
 * on one day cannot be told apart this way, so that is an error naming the field.
 */
export function meetingOnDate(meetings: MeetingRow[], date: string, field: string): MeetingRow {
  const found = meetings.filter((meeting) => londonDateOf(meeting.startsAt) === date);
  if (found.length === 1 && found[0]) return found[0];
  throw new ValidationError([
    {
      field,
      message:
        found.length === 0
          ? `the panel has no meeting on ${date}`
          : `the panel has ${found.length} meetings on ${date}, so the date does not say which`,
    },
  ]);
}
