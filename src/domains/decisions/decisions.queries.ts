import { sql, type Updateable } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type {
  DecisionsDb as Db,
  DecisionMaker,
  DecisionPart,
  DecisionStatus,
  DecisionsTables,
  InformationRegime,
} from './decisions.tables.ts';

/** A decision as the office records it. */
export interface DecisionValues {
  bodyId: number;
  number: string;
  title: string;
  summary: string;
  maker: DecisionMaker;
  keyDecision: boolean;
  plannedOn: string | null;
  valuePence: number | null;
  advice: string | null;
  part: DecisionPart;
  publicStub: string | null;
  part2Advice: string | null;
  exemption: string | null;
  informationRegime: InformationRegime;
}

/** A meeting a decision concerns, as its page links to it. */
export interface LinkedMeeting {
  id: number;
  title: string;
  startsAt: Date;
  bodyName: string;
}

/** A recommendation in the shared ledger a decision concerns, with who may see it (the ledger decides). */
export interface LinkedRecommendation {
  id: number;
  reference: string;
  text: string;
  bodyId: number;
  bodyName: string;
  visibility: 'public' | 'draft' | 'private';
}

/** What a decision is linked to: plan priorities by code, meetings and recommendations by id. */
export interface DecisionLinks {
  priorities: readonly string[];
  meetings: readonly number[];
  recommendations: readonly number[];
}

export interface DecisionRow extends DecisionValues {
  id: number;
  bodySlug: string;
  bodyName: string;
  status: DecisionStatus;
  decidedOn: string | null;
  cfoName: string | null;
  cfoSignedOn: string | null;
  monitoringOfficerName: string | null;
  monitoringOfficerSignedOn: string | null;
  publicationDueOn: string | null;
  deferredUntil: string | null;
  deferralReason: string | null;
  publishedAt: Date | null;
  priorities: string[];
  meetings: LinkedMeeting[];
  recommendations: LinkedRecommendation[];
}

export interface RegisterQuery {
  statuses: readonly DecisionStatus[];
  year: number | null;
  maker: DecisionMaker | null;
}

function selectDecisions(db: Db) {
  return db
    .selectFrom('decision as d')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'd.bodyId')
    .selectAll('d')
    .select(['body.slug as bodySlug', 'body.name as bodyName']);
}

type Linked = 'priorities' | 'meetings' | 'recommendations';

function linkedMeetings(db: Db, ids: number[]) {
  return db
    .selectFrom('decisionMeeting as l')
    .innerJoin('scrutinyPublishedMeeting as m', 'm.id', 'l.meetingId')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'm.bodyId')
    .select(['l.decisionId', 'm.id', 'm.title', 'm.startsAt', 'body.name as bodyName'])
    .where('l.decisionId', 'in', ids)
    .orderBy('m.startsAt')
    .execute();
}

function linkedRecommendations(db: Db, ids: number[]) {
  return db
    .selectFrom('decisionRecommendation as l')
    .innerJoin('recommendationsPublishedRecommendation as r', 'r.id', 'l.recommendationId')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'r.bodyId')
    .select([
      'l.decisionId',
      'r.id',
      'r.reference',
      'r.text',
      'r.bodyId',
      'r.visibility',
      'body.name as bodyName',
    ])
    .where('l.decisionId', 'in', ids)
    .orderBy('body.name')
    .orderBy('r.reference')
    .execute();
}

/** The rows with their plan priorities, meetings and recommendations, read in one query each. */
async function withLinks(db: Db, rows: Omit<DecisionRow, Linked>[]): Promise<DecisionRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [priorities, meetings, recommendations] = await Promise.all([
    db
      .selectFrom('decisionPriority')
      .select(['decisionId', 'priorityCode'])
      .where('decisionId', 'in', ids)
      .orderBy('priorityCode')
      .execute(),
    linkedMeetings(db, ids),
    linkedRecommendations(db, ids),
  ]);
  const of = <Link extends { decisionId: number }>(links: Link[], id: number) =>
    links.filter((link) => link.decisionId === id).map(({ decisionId: _id, ...link }) => link);
  return rows.map((row) => ({
    ...row,
    valuePence: row.valuePence === null ? null : Number(row.valuePence),
    priorities: of(priorities, row.id).map((link) => link.priorityCode),
    meetings: of(meetings, row.id),
    recommendations: of(recommendations, row.id),
  }));
}

/** Decisions in the given states, newest first (by decision date, then planned date), filtered in SQL. */
export async function listDecisions(db: Db, query: RegisterQuery): Promise<DecisionRow[]> {
  let select = selectDecisions(db).where('d.status', 'in', query.statuses);
  if (query.year !== null)
    select = select.where(sql<number>`extract(year FROM d.decided_on)`, '=', query.year);
  if (query.maker) select = select.where('d.maker', '=', query.maker);
  const rows = await select
    .orderBy('d.decidedOn', (order) => order.desc().nullsLast())
    .orderBy('d.plannedOn', (order) => order.asc().nullsLast())
    .orderBy('d.number', 'desc')
    .execute();
  return withLinks(db, rows);
}

export async function findDecision(
  db: Db,
  bodySlug: string,
  number: string,
): Promise<DecisionRow | undefined> {
  const row = await selectDecisions(db)
    .where('body.slug', '=', bodySlug)
    .where('d.number', '=', number)
    .executeTakeFirst();
  return row ? (await withLinks(db, [row]))[0] : undefined;
}

export function findNumber(db: Db, bodyId: number, number: string) {
  return db
    .selectFrom('decision')
    .select('id')
    .where('bodyId', '=', bodyId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The policing bodies (the Commissioners' offices) decisions are recorded for. */
export function listPolicingBodies(db: Db) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name', 'forceAreaId'])
    .where('kind', '=', 'policing-body')
    .orderBy('name')
    .execute();
}

export async function insertDecision(db: Db, values: DecisionValues, links: DecisionLinks) {
  const id = await insertedId(db.insertInto('decision').values(values).returning('id'));
  await setLinks(db, id, links);
  return id;
}

/** Sets what the decision is linked to afresh: its priorities, meetings and recommendations. */
export async function setLinks(db: Db, decisionId: number, links: DecisionLinks) {
  await db.deleteFrom('decisionPriority').where('decisionId', '=', decisionId).execute();
  await db.deleteFrom('decisionMeeting').where('decisionId', '=', decisionId).execute();
  await db.deleteFrom('decisionRecommendation').where('decisionId', '=', decisionId).execute();
  if (links.priorities.length)
    await db
      .insertInto('decisionPriority')
      .values(links.priorities.map((priorityCode) => ({ decisionId, priorityCode })))
      .execute();
  if (links.meetings.length)
    await db
      .insertInto('decisionMeeting')
      .values(links.meetings.map((meetingId) => ({ decisionId, meetingId })))
      .execute();
  if (links.recommendations.length)
    await db
      .insertInto('decisionRecommendation')
      .values(links.recommendations.map((recommendationId) => ({ decisionId, recommendationId })))
      .execute();
}

/** The office and the bodies of its force area (its Panel, audit committee…): whose records it may name. */
export async function listBodiesOfArea(db: Db, bodyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('accountsPublishedBody as body')
    .innerJoin('accountsPublishedBody as office', (join) =>
      join.on((eb) =>
        eb.or([
          eb('body.id', '=', eb.ref('office.id')),
          eb('body.forceAreaId', '=', eb.ref('office.forceAreaId')),
        ]),
      ),
    )
    .select('body.id')
    .where('office.id', '=', bodyId)
    .execute();
  return rows.map((row) => row.id);
}

/** The scrutiny panels of the office's force area: the Panels that scrutinise it. */
export async function listPanelsOf(db: Db, bodyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('accountsPublishedBody as panel')
    .innerJoin('accountsPublishedBody as office', 'office.forceAreaId', 'panel.forceAreaId')
    .select('panel.id')
    .where('office.id', '=', bodyId)
    .where('panel.kind', '=', 'scrutiny-panel')
    .execute();
  return rows.map((row) => row.id);
}

export function findMeetings(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('scrutinyPublishedMeeting').select(['id', 'bodyId']).where('id', 'in', ids).execute();
}

/** Recommendations of the given bodies, by id or by reference, with who may see each. */
export function findRecommendations(
  db: Db,
  bodyIds: readonly number[],
  wanted: { ids: readonly number[]; references: readonly string[] },
) {
  if (bodyIds.length === 0 || wanted.ids.length + wanted.references.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendationsPublishedRecommendation as r')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'r.bodyId')
    .select(['r.id', 'r.reference', 'r.bodyId', 'r.visibility', 'body.name as bodyName'])
    .where('r.bodyId', 'in', bodyIds)
    .where((eb) =>
      eb.or([
        ...(wanted.ids.length ? [eb('r.id', 'in', wanted.ids)] : []),
        ...(wanted.references.length ? [eb('r.reference', 'in', wanted.references)] : []),
      ]),
    )
    .execute();
}

/**
 * The plan in force for a force area on a date: the latest issued version of the plan whose term includes the
 * date (the one begun last, if terms overlap), with its priority codes. Drafts never count.
 */
export async function findPlanInForce(db: Db, forceAreaId: number, onDate: string) {
  const plan = await db
    .selectFrom('plansPublishedPlan as p')
    .innerJoin('plansPublishedVersion as v', 'v.planId', 'p.id')
    .select(['p.title', 'v.id as versionId'])
    .where('p.forceAreaId', '=', forceAreaId)
    .where('v.state', '=', 'issued')
    .where('p.termStart', '<=', onDate)
    .where('p.termEnd', '>=', onDate)
    .orderBy('p.termStart', 'desc')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!plan) return undefined;
  const priorities = await db
    .selectFrom('plansPublishedPriority')
    .select('code')
    .where('versionId', '=', plan.versionId)
    .execute();
  return { title: plan.title, codes: new Set(priorities.map((row) => row.code)) };
}

export async function updateDecision(db: Db, id: number, fields: Updateable<DecisionsTables['decision']>) {
  await db.updateTable('decision').set(fields).where('id', '=', id).execute();
}
