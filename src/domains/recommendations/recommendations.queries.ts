import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import type { RecommendationStatus } from './recommendations.schemas.ts';
import type {
  RecommendationsDb as Db,
  OutcomeKind,
  RecommendationOrigin,
  ResponseKind,
  Visibility,
} from './recommendations.tables.ts';

/** What the origin tells the ledger when it records a recommendation, and what a reviewed file sets. */
export interface RecommendationValues {
  bodyId: number;
  reference: string;
  origin: RecommendationOrigin;
  originTitle: string | null;
  originUrl: string | null;
  madeOn: string | null;
  topic: string | null;
  text: string;
  addressee: string;
  responseDueOn: string | null;
  response: ResponseKind | null;
  responseText: string | null;
  respondedOn: string | null;
  outcome: OutcomeKind | null;
  outcomeText: string | null;
  outcomeOn: string | null;
  visibility: Visibility;
}

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
    .innerJoin('accounts_published_body as body', 'body.id', 'r.body_id')
    .select([
      'r.id',
      'r.body_id as bodyId',
      'body.slug as bodySlug',
      'body.name as bodyName',
      'r.reference',
      'r.origin',
      'r.origin_title as originTitle',
      'r.origin_url as originUrl',
      'r.made_on as madeOn',
      'r.topic',
      'r.text',
      'r.addressee',
      'r.response_due_on as responseDueOn',
      'r.response',
      'r.response_text as responseText',
      'r.responded_on as respondedOn',
      'r.outcome',
      'r.outcome_text as outcomeText',
      'r.outcome_on as outcomeOn',
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
    .where('body_id', '=', bodyId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/**
 * The policing bodies whose office answers to a body: those of the body's force area (the 2011 Act gives each
 * police area one panel, which scrutinises that area's local policing body).
 */
export function listPolicingBodiesOf(db: Db, bodyId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('accounts_published_body as panel')
    .innerJoin('accounts_published_body as policing', 'policing.force_area_id', 'panel.force_area_id')
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
    .where('body_id', '=', bodyId)
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function recommendationColumns(values: RecommendationValues) {
  return {
    body_id: values.bodyId,
    reference: values.reference,
    origin: values.origin,
    origin_title: values.originTitle,
    origin_url: values.originUrl,
    made_on: values.madeOn,
    topic: values.topic,
    text: values.text,
    addressee: values.addressee,
    response_due_on: values.responseDueOn,
    response: values.response,
    response_text: values.responseText,
    responded_on: values.respondedOn,
    outcome: values.outcome,
    outcome_text: values.outcomeText,
    outcome_on: values.outcomeOn,
    visibility: values.visibility,
  };
}

export async function insertRecommendation(db: Db, values: RecommendationValues): Promise<number> {
  const row = await db
    .insertInto('recommendation')
    .values(recommendationColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRecommendation(db: Db, id: number, values: RecommendationValues): Promise<void> {
  await db.updateTable('recommendation').set(recommendationColumns(values)).where('id', '=', id).execute();
}

type Changeable = Partial<Omit<RecommendationValues, 'bodyId' | 'reference'>>;

/** Sets some of a recommendation's columns: its response, its outcome, its wording or who may see it. */
export async function updateRecommendationFields(db: Db, ids: number[], fields: Changeable): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('recommendation')
    .set({
      origin_title: fields.originTitle,
      origin_url: fields.originUrl,
      made_on: fields.madeOn,
      topic: fields.topic,
      text: fields.text,
      addressee: fields.addressee,
      response_due_on: fields.responseDueOn,
      response: fields.response,
      response_text: fields.responseText,
      responded_on: fields.respondedOn,
      outcome: fields.outcome,
      outcome_text: fields.outcomeText,
      outcome_on: fields.outcomeOn,
      visibility: fields.visibility,
    })
    .where('id', 'in', ids)
    .execute();
}

// Actions and progress updates

export interface RecommendationActionRow {
  recommendationId: number;
  position: number;
  text: string;
  owner: string;
  dueOn: string | null;
  doneOn: string | null;
}

export interface ProgressRow {
  recommendationId: number;
  position: number;
  reportedOn: string;
  text: string;
}

export function listRecommendationActions(db: Db, ids: number[]): Promise<RecommendationActionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendation_action')
    .select([
      'recommendation_id as recommendationId',
      'position',
      'text',
      'owner',
      'due_on as dueOn',
      'done_on as doneOn',
    ])
    .where('recommendation_id', 'in', ids)
    .orderBy('recommendation_id')
    .orderBy('position')
    .execute();
}

export function listProgress(db: Db, ids: number[]): Promise<ProgressRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendation_progress')
    .select(['recommendation_id as recommendationId', 'position', 'reported_on as reportedOn', 'text'])
    .where('recommendation_id', 'in', ids)
    .orderBy('recommendation_id')
    .orderBy('position')
    .execute();
}

export async function insertRecommendationAction(db: Db, values: RecommendationActionRow): Promise<void> {
  await db
    .insertInto('recommendation_action')
    .values({
      recommendation_id: values.recommendationId,
      position: values.position,
      text: values.text,
      owner: values.owner,
      due_on: values.dueOn,
      done_on: values.doneOn,
    })
    .execute();
}

export async function insertProgress(db: Db, values: ProgressRow): Promise<void> {
  await db
    .insertInto('recommendation_progress')
    .values({
      recommendation_id: values.recommendationId,
      position: values.position,
      reported_on: values.reportedOn,
      text: values.text,
    })
    .execute();
}

/** Removes a recommendation's actions and progress updates, so a reviewed file can set them afresh. */
export async function deleteActionsAndProgress(db: Db, id: number): Promise<void> {
  await db.deleteFrom('recommendation_action').where('recommendation_id', '=', id).execute();
  await db.deleteFrom('recommendation_progress').where('recommendation_id', '=', id).execute();
}
