import { type Selectable, sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { RecommendationStatus } from './recommendations.schemas.ts';
import type {
  RecommendationsDb as Db,
  RecommendationOrigin,
  RecommendationsTables,
} from './recommendations.tables.ts';

/** What the origin tells the ledger when it records a recommendation, and what a reviewed file sets. */
export type RecommendationValues = Omit<
  Selectable<RecommendationsTables['recommendation']>,
  'id' | 'createdAt'
>;

export interface RecommendationRow extends RecommendationValues {
  id: number;
  bodySlug: string;
  bodyName: string;
  status: RecommendationStatus;
  overdue: boolean;
}

export interface LedgerFilter {
  status: RecommendationStatus | null;
  origin: RecommendationOrigin | null;
  overdue: boolean | null;
}

/**
 * Every recommendation with its status and whether it is overdue, both worked out for a given London day,
 * so filtering happens in SQL. The statuses, in the order a recommendation normally moves through them:
 * awaiting-response (no response yet, and the deadline not passed), response-overdue (no response and the
 * deadline passed), no-deadline-set (no response, and no deadline to judge it by: the 2011 Act leaves the
 * period to the panel, so none is made up here), responded (a response, nothing done on it yet), in-progress
 * (a response and at least one action or progress update), implemented, closed (any other outcome). Overdue: a
 * response past its deadline, or an action not done by its due date, on a recommendation without an outcome.
 */
function selectLedger(db: Db, today: IsoDate) {
  const hasWork = sql<boolean>`(EXISTS (SELECT 1 FROM recommendation_progress p WHERE p.recommendation_id = r.id)
    OR EXISTS (SELECT 1 FROM recommendation_action a WHERE a.recommendation_id = r.id))`;
  return db
    .selectFrom('recommendation as r')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'r.bodyId')
    .select([
      'r.id',
      'r.bodyId',
      'body.slug as bodySlug',
      'body.name as bodyName',
      'r.reference',
      'r.origin',
      'r.originTitle',
      'r.originUrl',
      'r.madeOn',
      'r.topic',
      'r.text',
      'r.addressee',
      'r.responseDueOn',
      'r.response',
      'r.responseText',
      'r.respondedOn',
      'r.outcome',
      'r.outcomeText',
      'r.outcomeOn',
      'r.visibility',
      sql<RecommendationStatus>`CASE
        WHEN r.outcome = 'implemented' THEN 'implemented'
        WHEN r.outcome IS NOT NULL THEN 'closed'
        WHEN r.response IS NOT NULL AND ${hasWork} THEN 'in-progress'
        WHEN r.response IS NOT NULL THEN 'responded'
        WHEN r.response_due_on IS NULL THEN 'no-deadline-set'
        WHEN r.response_due_on < ${today}::date THEN 'response-overdue'
        ELSE 'awaiting-response'
      END`.as('status'),
      sql<boolean>`(r.outcome IS NULL AND (
        (r.response IS NULL AND r.response_due_on IS NOT NULL AND r.response_due_on < ${today}::date)
        OR EXISTS (SELECT 1 FROM recommendation_action a
                   WHERE a.recommendation_id = r.id AND a.done_on IS NULL AND a.due_on < ${today}::date)))`.as(
        'overdue',
      ),
    ]);
}

export function listRecommendations(
  db: Db,
  today: IsoDate,
  filter: LedgerFilter,
): Promise<RecommendationRow[]> {
  let query = db.selectFrom(selectLedger(db, today).as('ledger')).selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.origin) query = query.where('origin', '=', filter.origin);
  if (filter.overdue !== null) query = query.where('overdue', '=', filter.overdue);
  return query
    .orderBy('madeOn', (order) => order.desc().nullsLast())
    .orderBy('reference')
    .execute();
}

export function findRecommendationById(
  db: Db,
  today: IsoDate,
  id: number,
): Promise<RecommendationRow | undefined> {
  return selectLedger(db, today).where('r.id', '=', id).executeTakeFirst();
}

export function findRecommendationByReference(db: Db, bodyId: number, reference: string) {
  return db
    .selectFrom('recommendation')
    .select('id')
    .where('bodyId', '=', bodyId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/**
 * The policing bodies whose office answers to a body: those of the body's force area (the 2011 Act gives each
 * police area one panel, which scrutinises that area's local policing body).
 */
export function listPolicingBodiesOf(db: Db, bodyId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('accountsPublishedBody as panel')
    .innerJoin('accountsPublishedBody as policing', 'policing.forceAreaId', 'panel.forceAreaId')
    .select(['policing.id', 'policing.name'])
    .where('panel.id', '=', bodyId)
    .where('policing.kind', '=', 'policing-body')
    .orderBy('policing.id')
    .execute();
}

/** The references a body has used with a given prefix, to number the next one. */
export async function countReferencesLike(db: Db, bodyId: number, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('recommendation')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('bodyId', '=', bodyId)
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRecommendation(db: Db, values: RecommendationValues): Promise<number> {
  return insertedId(db.insertInto('recommendation').values(values).returning('id'));
}

export async function updateRecommendation(db: Db, id: number, values: RecommendationValues): Promise<void> {
  await db.updateTable('recommendation').set(values).where('id', '=', id).execute();
}

type Changeable = Partial<Omit<RecommendationValues, 'bodyId' | 'reference'>>;

/** Sets some of a recommendation's columns: its response, its outcome, its wording or who may see it. */
export async function updateRecommendationFields(db: Db, ids: number[], fields: Changeable): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('recommendation')
    .set({
      originTitle: fields.originTitle,
      originUrl: fields.originUrl,
      madeOn: fields.madeOn,
      topic: fields.topic,
      text: fields.text,
      addressee: fields.addressee,
      responseDueOn: fields.responseDueOn,
      response: fields.response,
      responseText: fields.responseText,
      respondedOn: fields.respondedOn,
      outcome: fields.outcome,
      outcomeText: fields.outcomeText,
      outcomeOn: fields.outcomeOn,
      visibility: fields.visibility,
    })
    .where('id', 'in', ids)
    .execute();
}

// Actions and progress updates

export type RecommendationActionRow = Omit<Selectable<RecommendationsTables['recommendationAction']>, 'id'>;
export type ProgressRow = Omit<Selectable<RecommendationsTables['recommendationProgress']>, 'id'>;

export function listRecommendationActions(db: Db, ids: number[]): Promise<RecommendationActionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendationAction')
    .select(['recommendationId', 'position', 'text', 'owner', 'dueOn', 'doneOn'])
    .where('recommendationId', 'in', ids)
    .orderBy('recommendationId')
    .orderBy('position')
    .execute();
}

export function listProgress(db: Db, ids: number[]): Promise<ProgressRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendationProgress')
    .select(['recommendationId', 'position', 'reportedOn', 'text'])
    .where('recommendationId', 'in', ids)
    .orderBy('recommendationId')
    .orderBy('position')
    .execute();
}

export async function insertRecommendationAction(db: Db, values: RecommendationActionRow): Promise<void> {
  await db.insertInto('recommendationAction').values(values).execute();
}

export async function insertProgress(db: Db, values: ProgressRow): Promise<void> {
  await db.insertInto('recommendationProgress').values(values).execute();
}

/** Removes a recommendation's actions and progress updates, so a reviewed file can set them afresh. */
export async function deleteActionsAndProgress(db: Db, id: number): Promise<void> {
  await db.deleteFrom('recommendationAction').where('recommendationId', '=', id).execute();
  await db.deleteFrom('recommendationProgress').where('recommendationId', '=', id).execute();
}
