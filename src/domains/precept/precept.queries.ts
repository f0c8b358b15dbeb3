import type { Insertable, Updateable } from 'kysely';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { PreceptDb as Db, PreceptTables, Vote } from './precept.tables.ts';

export type YearInsert = Insertable<PreceptTables['preceptYear']>;
export type YearUpdate = Updateable<PreceptTables['preceptYear']>;

/** The policing bodies, each with the Panel of its force area (null when it has none). */
export async function listPolicingBodies(db: Db) {
  const rows = await db
    .selectFrom('accountsPublishedBody as office')
    .leftJoin('accountsPublishedBody as panel', (join) =>
      join.onRef('panel.forceAreaId', '=', 'office.forceAreaId').on('panel.kind', '=', 'scrutiny-panel'),
    )
    .select(['office.id', 'office.slug', 'office.name', 'panel.id as panelId', 'panel.name as panelName'])
    .where('office.kind', '=', 'policing-body')
    .orderBy('office.name')
    .orderBy('panel.id')
    .execute();
  // One Panel per office: the first of its force area, should an area ever have two.
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}
export type PolicingBody = Awaited<ReturnType<typeof listPolicingBodies>>[number];

function yearQuery(db: Db) {
  return db
    .selectFrom('preceptYear as year')
    .innerJoin('accountsPublishedBody as office', 'office.id', 'year.bodyId')
    .innerJoin('accountsPublishedBody as panel', 'panel.id', 'year.panelId')
    .leftJoin('scrutinyPublishedMeeting as meeting', 'meeting.id', 'year.meetingId')
    .selectAll('year')
    .select([
      'office.slug as bodySlug',
      'office.name as bodyName',
      'panel.name as panelName',
      'meeting.title as meetingTitle',
      'meeting.startsAt as meetingStartsAt',
    ]);
}

export async function listYears(db: Db, bodyId?: number) {
  let query = yearQuery(db).orderBy('office.name').orderBy('year.startYear', 'desc');
  if (bodyId !== undefined) query = query.where('year.bodyId', '=', bodyId);
  return query.execute();
}
export type PreceptYearRow = Awaited<ReturnType<typeof listYears>>[number];

export function findYear(db: Db, bodyId: number, startYear: number) {
  return yearQuery(db)
    .where('year.bodyId', '=', bodyId)
    .where('year.startYear', '=', startYear)
    .executeTakeFirst();
}

/** The recorded vote, member by member, in the order the Panel lists its members. */
export function listVotes(db: Db, preceptYearId: number) {
  return db
    .selectFrom('preceptVote as vote')
    .innerJoin('scrutinyPublishedMember as member', 'member.id', 'vote.memberId')
    .select(['member.id as memberId', 'member.name', 'member.role', 'vote.vote'])
    .where('vote.preceptYearId', '=', preceptYearId)
    .orderBy('member.name')
    .execute();
}
export type VoteRow = Awaited<ReturnType<typeof listVotes>>[number];

// Who was a member on a day is the shared vote module's; re-exported for the precept's reads.
export { findMembers, listMembersOn, type MemberRow } from './panel-vote.ts';

/** The Panel's meetings, newest first, each with its London date, for the report form. */
export async function listPanelMeetings(db: Db, panelId: number) {
  const rows = await db
    .selectFrom('scrutinyPublishedMeeting')
    .select(['id', 'title', 'startsAt'])
    .where('bodyId', '=', panelId)
    .where('status', '<>', 'cancelled')
    .orderBy('startsAt', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, on: londonDateOf(row.startsAt) }));
}

export function insertYear(db: Db, values: YearInsert) {
  return insertedId(db.insertInto('preceptYear').values(values).returning('id'));
}

export async function updateYear(db: Db, id: number, values: YearUpdate) {
  await db.updateTable('preceptYear').set(values).where('id', '=', id).execute();
}

/** Sets the recorded vote afresh. */
export async function setVotes(
  db: Db,
  preceptYearId: number,
  votes: readonly { memberId: number; vote: Vote }[],
) {
  await db.deleteFrom('preceptVote').where('preceptYearId', '=', preceptYearId).execute();
  if (votes.length)
    await db
      .insertInto('preceptVote')
      .values(votes.map((each) => ({ preceptYearId, ...each })))
      .execute();
}
