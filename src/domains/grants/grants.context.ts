import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../kernel/errors.ts';
import {
  type ApplicationRow,
  budgetOf,
  findApplication,
  findOrganisationBodies,
  listRounds,
  type OrganisationRow,
} from './grants.queries.ts';
import { financialYearOf, type RoundTerms } from './grants.rules.ts';
import type { GrantsDb as Db } from './grants.tables.ts';

/** What grants' use-cases are built from. */
export interface GrantsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
}

export const todayOf = (deps: Pick<GrantsDeps, 'now'>) => londonDateOf(deps.now());

export function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** The bodies the actor applies for: those they hold `grant-applicant` on (an administrator applies for none). */
function applicantBodyIds(actor: Actor): number[] {
  if (actor.kind !== 'user' && actor.kind !== 'token') return [];
  return actor.grants.flatMap((grant) =>
    grant.role === 'grant-applicant' && grant.bodyId !== null ? [grant.bodyId] : [],
  );
}

/**
 * The organisation the applicant belongs to: the partner-organisation body their role is on. A person belongs
 * to one; should an administrator have granted more, the first by name is the one they apply for.
 */
export async function organisationOf(db: Db, actor: Actor): Promise<OrganisationRow> {
  const [organisation] = await findOrganisationBodies(db, applicantBodyIds(actor));
  if (!organisation) throw new NotFoundError('Your account does not belong to an applicant organisation');
  return organisation;
}

export function canAssess(deps: GrantsDeps, actor: Actor, bodyId: number): boolean {
  return deps.policy.can(actor, 'grants:assess', { bodyId });
}

/**
 * An application as its own organisation's applicant may see it. Another organisation's is "not found", the
 * same as one that does not exist, so ids reveal nothing.
 */
export async function applicantsApplication(deps: GrantsDeps, actor: Actor, id: number, db: Db = deps.db) {
  const application = await findApplication(db, id);
  if (!application || !applicantBodyIds(actor).includes(application.organisationId))
    throw new NotFoundError('There is no such application');
  return application;
}

/** A submitted application as an officer of the fund's body sees it; drafts are the applicant's alone. */
export async function officersApplication(deps: GrantsDeps, actor: Actor, id: number, db: Db = deps.db) {
  const application = await findApplication(db, id);
  if (!application || application.state === 'draft' || !canAssess(deps, actor, application.bodyId))
    throw new NotFoundError('There is no such application');
  return application;
}

/** Whichever of the two the actor is. */
export async function readableApplication(deps: GrantsDeps, actor: Actor, id: number) {
  const application = await findApplication(deps.db, id);
  if (application && applicantBodyIds(actor).includes(application.organisationId))
    return { application, as: 'applicant' as const };
  return { application: await officersApplication(deps, actor, id), as: 'officer' as const };
}

/** The officer acting, who must be a person: conflicts, scores and moderation are each one person's. */
export function officerOf(actor: Actor): { userId: number; name: string } {
  if (actor.kind !== 'user') throw new ForbiddenError();
  return { userId: actor.userId, name: actor.displayName };
}

export function requireState(application: ApplicationRow, state: ApplicationRow['state'], why: string) {
  if (application.state !== state) throw new ConflictError(why);
}

/** The terms of the application's round as funding holds them now, with the fund's budget for its year. */
export async function termsOf(db: Db, application: Pick<ApplicationRow, 'fundId' | 'roundName'>) {
  const round = (await listRounds(db)).find(
    (each) => each.fundId === application.fundId && each.roundName === application.roundName,
  );
  if (!round)
    throw new ValidationError([{ field: 'round', message: `${application.roundName} is no longer offered` }]);
  const year = financialYearOf(round.opensOn);
  const terms: RoundTerms = {
    fundName: round.fundName,
    roundName: round.roundName,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    maxAwardPence: round.maxAwardPence,
    applicantTypes: round.applicantTypes,
    budgetPence: await budgetOf(db, round.fundId, year),
  };
  return { round, terms, year };
}
