import { z } from 'zod';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { ScrutinyPublished } from '../scrutiny/index.ts';
import { describeVetoArithmetic, isVetoCarried } from './precept.rules.ts';
import type { Vote } from './precept.tables.ts';

/**
 * A Panel's recorded vote, member by member, checked against who was a member on the day: shared by every
 * power the Panel holds by a two-thirds veto (the precept, Sch 5 para 4; a chief constable's appointment,
 * Sch 8 para 5). It reads the members scrutiny publishes and nothing else, so any domain can use it.
 */
export type PanelVoteDb = DomainDb<ScrutinyPublished>;

/** The persons who are members of the Panel on a day: their term covers it (an unknown end is open). */
export function listMembersOn(db: PanelVoteDb, panelId: number, on: IsoDate) {
  return db
    .selectFrom('scrutinyPublishedMember')
    .select(['id', 'name', 'role'])
    .where('bodyId', '=', panelId)
    .where((eb) => eb.or([eb('termStart', 'is', null), eb('termStart', '<=', on)]))
    .where((eb) => eb.or([eb('termEnd', 'is', null), eb('termEnd', '>=', on)]))
    .orderBy('name')
    .execute();
}
export type MemberRow = Awaited<ReturnType<typeof listMembersOn>>[number];

/** Members of any body by id, to name whoever a refused vote was for. */
export function findMembers(db: PanelVoteDb, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutinyPublishedMember')
    .select(['id', 'name', 'bodyId'])
    .where('id', 'in', ids)
    .execute();
}

/** What a vote is checked against: the Panel, the day of its decision, and whether the decision is a veto. */
export interface PanelVoteCheck {
  panelId: number;
  panelName: string;
  decidedOn: IsoDate;
  /** The votes by member id, as the form gathers them. */
  votes: Record<string, Vote>;
  veto: boolean;
  /** The rule that asks two-thirds of the membership, as the refusal cites it. */
  vetoRule: string;
  /** The field a refused veto or an empty Panel is reported on. */
  decisionField: string;
  meetingField: string;
}

/**
 * Checks a recorded vote against the Panel's membership on the day of the decision: a vote by anyone who was
 * not then a member is refused, naming them; every member then has a vote (absent counts as one); and a veto
 * needs at least two-thirds of those members, present or not. Gives the votes to store.
 */
export async function checkPanelVote(
  db: PanelVoteDb,
  check: PanelVoteCheck,
): Promise<{ memberId: number; vote: Vote }[]> {
  const { panelName, decidedOn } = check;
  const members = await listMembersOn(db, check.panelId, decidedOn);
  if (members.length === 0)
    throw new ValidationError([
      {
        field: check.meetingField,
        message: `${panelName} has no members on ${formatDate(decidedOn)}: record its members first`,
      },
    ]);
  const memberIds = new Set(members.map((member) => member.id));
  const voted = Object.entries(check.votes).map(([id, vote]) => ({ memberId: Number(id), vote }));
  const outsiders = voted.filter((each) => !memberIds.has(each.memberId));
  const strangers = await findMembers(
    db,
    outsiders.map((each) => each.memberId),
  );
  const errors: FieldError[] = outsiders.map((each) => ({
    field: `vote-${each.memberId}`,
    message: `${strangers.find((member) => member.id === each.memberId)?.name ?? `Member ${each.memberId}`} was not a member of ${panelName} on ${formatDate(decidedOn)}, so cannot vote`,
  }));
  for (const member of members)
    if (check.votes[String(member.id)] === undefined)
      errors.push({ field: `vote-${member.id}`, message: `Select how ${member.name} voted` });
  if (errors.length) throw new ValidationError(errors);
  const votesFor = voted.filter((each) => each.vote === 'for').length;
  if (check.veto && !isVetoCarried(votesFor, members.length))
    throw new ValidationError([
      {
        field: check.decisionField,
        message: `A veto needs at least two-thirds of the members of the Panel at the time (${check.vetoRule}). ${describeVetoArithmetic(votesFor, members.length)}`,
      },
    ]);
  return voted;
}

/**
 * Gathers the vote radios (`vote-<member id>`) into one `votes` object before the schema runs, as the date
 * boxes are gathered; a JSON body may send `votes` as it is.
 */
export function withVotes<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((input) => {
    const body = { ...((input ?? {}) as Record<string, unknown>) };
    const votes: Record<string, unknown> = { ...((body.votes as Record<string, unknown>) ?? {}) };
    for (const [key, value] of Object.entries(body))
      if (/^vote-\d{1,9}$/.test(key)) votes[key.slice('vote-'.length)] = value;
    return { ...body, votes };
  }, schema);
}
