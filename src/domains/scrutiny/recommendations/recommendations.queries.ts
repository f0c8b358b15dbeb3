import { sql } from 'kysely';
import type { RecommendationOrigin, Visibility } from '../../recommendations/index.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { ScrutinyFunction } from '../scrutiny-functions.ts';

/** Scrutiny's part of a recommendation in the ledger: the group, meeting, minute and function. */
export interface SourceValues {
  recommendationId: number;
  bodyId: number;
  origin: RecommendationOrigin;
  groupId: number | null;
  meetingId: number | null;
  minuteItemId: number | null;
  minuteDecisionPosition: number | null;
  function: ScrutinyFunction | null;
}

function sourceColumns(values: SourceValues) {
  return {
    recommendation_id: values.recommendationId,
    body_id: values.bodyId,
    origin: values.origin,
    group_id: values.groupId,
    meeting_id: values.meetingId,
    minute_item_id: values.minuteItemId,
    minute_decision_position: values.minuteDecisionPosition,
    function: values.function,
  };
}

export async function upsertSource(db: Db, values: SourceValues): Promise<void> {
  const { recommendation_id: _id, ...changed } = sourceColumns(values);
  await db
    .insertInto('scrutiny_recommendation_source')
    .values(sourceColumns(values))
    .onConflict((conflict) => conflict.column('recommendation_id').doUpdateSet(changed))
    .execute();
}

export function findSource(db: Db, recommendationId: number): Promise<SourceValues | undefined> {
  return db
    .selectFrom('scrutiny_recommendation_source')
    .select([
      'recommendation_id as recommendationId',
      'body_id as bodyId',
      'origin',
      'group_id as groupId',
      'meeting_id as meetingId',
      'minute_item_id as minuteItemId',
      'minute_decision_position as minuteDecisionPosition',
      'function',
    ])
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
}

/** What the panel's records say of these recommendations: the group, meeting and minute, with their names. */
export function listSourceDetails(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutiny_recommendation_source as s')
    .leftJoin('scrutiny_group as g', 'g.id', 's.group_id')
    .leftJoin('meeting as m', 'm.id', 's.meeting_id')
    .leftJoin('minute_item as mi', 'mi.id', 's.minute_item_id')
    .select([
      's.recommendation_id as recommendationId',
      's.group_id as groupId',
      'g.name as groupName',
      's.meeting_id as meetingId',
      'm.starts_at as meetingStartsAt',
      's.minute_item_id as minuteItemId',
      's.minute_decision_position as minuteDecisionPosition',
      'mi.number as minuteNumber',
      's.function',
    ])
    .where('s.recommendation_id', 'in', [...ids])
    .execute();
}
export type SourceDetailRow = Awaited<ReturnType<typeof listSourceDetails>>[number];

/** The ledger entries recorded from these minute items, to tell which of their recommendations are in it. */
export function listLedgerEntriesOfMinuteItems(db: Db, itemIds: number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutiny_recommendation_source as s')
    .innerJoin('recommendations_published_recommendation as r', 'r.id', 's.recommendation_id')
    .select([
      'r.id',
      'r.reference',
      's.minute_item_id as minuteItemId',
      's.minute_decision_position as decisionPosition',
      'r.text',
      'r.response',
      'r.outcome',
    ])
    .where('s.minute_item_id', 'in', itemIds)
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
    .selectFrom('scrutiny_recommendation_source as s')
    .innerJoin('recommendations_published_recommendation as r', 'r.id', 's.recommendation_id')
    .innerJoin('minute_item as mi', 'mi.id', 's.minute_item_id')
    .leftJoin('minutes as mn', 'mn.meeting_id', 'mi.meeting_id')
    .select(['s.recommendation_id as id', wanted.as('visibility')])
    .where('s.body_id', '=', bodyId)
    .where(sql<boolean>`r.visibility IS DISTINCT FROM ${wanted}`)
    .execute();
}
