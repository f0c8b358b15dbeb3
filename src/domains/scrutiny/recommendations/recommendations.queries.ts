import { type Selectable, sql } from 'kysely';
import type { Visibility } from '../../recommendations/index.ts';
import type { ScrutinyDb as Db, ScrutinyTables } from '../scrutiny.tables.ts';

/** Scrutiny's part of a recommendation in the ledger: the group, meeting, minute and function. */
export type SourceValues = Selectable<ScrutinyTables['scrutinyRecommendationSource']>;

export async function upsertSource(db: Db, { recommendationId, ...changed }: SourceValues): Promise<void> {
  await db
    .insertInto('scrutinyRecommendationSource')
    .values({ recommendationId, ...changed })
    .onConflict((conflict) => conflict.column('recommendationId').doUpdateSet(changed))
    .execute();
}

export function findSource(db: Db, recommendationId: number): Promise<SourceValues | undefined> {
  return db
    .selectFrom('scrutinyRecommendationSource')
    .select([
      'recommendationId',
      'bodyId',
      'origin',
      'groupId',
      'meetingId',
      'minuteItemId',
      'minuteDecisionPosition',
      'function',
    ])
    .where('recommendationId', '=', recommendationId)
    .executeTakeFirst();
}

/** What the panel's records say of these recommendations: the group, meeting and minute, with their names. */
export function listSourceDetails(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutinyRecommendationSource as s')
    .leftJoin('scrutinyGroup as g', 'g.id', 's.groupId')
    .leftJoin('meeting as m', 'm.id', 's.meetingId')
    .leftJoin('minuteItem as mi', 'mi.id', 's.minuteItemId')
    .select([
      's.recommendationId',
      's.groupId',
      'g.name as groupName',
      's.meetingId',
      'm.startsAt as meetingStartsAt',
      's.minuteItemId',
      's.minuteDecisionPosition',
      'mi.number as minuteNumber',
      's.function',
    ])
    .where('s.recommendationId', 'in', [...ids])
    .execute();
}
export type SourceDetailRow = Awaited<ReturnType<typeof listSourceDetails>>[number];

/** The ledger entries recorded from these minute items, to tell which of their recommendations are in it. */
export function listLedgerEntriesOfMinuteItems(db: Db, itemIds: number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutinyRecommendationSource as s')
    .innerJoin('recommendationsPublishedRecommendation as r', 'r.id', 's.recommendationId')
    .select([
      'r.id',
      'r.reference',
      's.minuteItemId',
      's.minuteDecisionPosition as decisionPosition',
      'r.text',
      'r.response',
      'r.outcome',
    ])
    .where('s.minuteItemId', 'in', itemIds)
    .$narrowType<{ minuteItemId: number }>()
    .orderBy('r.id')
    .execute();
}

/**
 * Who should see each of a body's recommendations recorded from minutes, as the minutes stand: one from an
 * item heard in private only the body's members and officer; one from minutes not yet approved those who read
 * drafts; the rest everyone. Only those whose visibility in the ledger differs are listed.
 */
export function listVisibilityChanges(db: Db, bodyId: number) {
  const wanted = sql<Visibility>`CASE
    WHEN mi.exempt_paragraph IS NOT NULL THEN 'private'
    WHEN mn.approved_at_meeting_id IS NULL THEN 'draft'
    ELSE 'public'
  END`;
  return db
    .selectFrom('scrutinyRecommendationSource as s')
    .innerJoin('recommendationsPublishedRecommendation as r', 'r.id', 's.recommendationId')
    .innerJoin('minuteItem as mi', 'mi.id', 's.minuteItemId')
    .leftJoin('minutes as mn', 'mn.meetingId', 'mi.meetingId')
    .select(['s.recommendationId as id', wanted.as('visibility')])
    .where('s.bodyId', '=', bodyId)
    .where(sql<boolean>`r.visibility IS DISTINCT FROM ${wanted}`)
    .execute();
}
