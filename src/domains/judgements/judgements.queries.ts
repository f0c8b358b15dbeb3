import { type Selectable, sql } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { MeasureDirection } from '../plans/plans.file-schema.ts';
import type { ReadingToRecord } from './judgements.changes.ts';
import type { AreaCount, Authority, IndicatorValue, Population } from './judgements.compute.ts';
import type { JudgementsDb as Db, Geography, IndicatorKind, JudgementsTables } from './judgements.tables.ts';

/** An indicator with the GSS code of its force area. */
export type IndicatorRow = Omit<Selectable<JudgementsTables['indicator']>, 'createdAt'> & {
  forceAreaCode: string;
};

export type IndicatorValues = Omit<
  IndicatorRow,
  'id' | 'forceAreaCode' | 'seriesFile' | 'seriesSha256' | 'seriesLoadedAt' | 'refreshedAt' | 'refreshError'
>;

function selectIndicators(db: Db) {
  return (
    db
      .selectFrom('indicator as i')
      .innerJoin('areasPublishedForceArea as f', 'f.id', 'i.forceAreaId')
      .select([
        'i.id',
        'i.slug',
        'i.forceAreaId',
        'f.gssCode as forceAreaCode',
        'i.title',
        'i.kind',
        'i.crimeTypes',
        'i.outcomeCategories',
        'i.perPopulation',
        'i.decimals',
        'i.source',
        'i.unit',
        'i.geography',
        'i.frequency',
        'i.description',
        'i.definitionFile',
        'i.seriesFile',
        'i.seriesSha256',
        'i.seriesLoadedAt',
        'i.refreshedAt',
        'i.refreshError',
      ])
      // Judgements are of ONS areas: a force without a police force area code (migration 0032) has none.
      .where('f.gssCode', 'is not', null)
      .$narrowType<{ forceAreaCode: string }>()
  );
}

export function findIndicatorBySlug(db: Db, slug: string): Promise<IndicatorRow | undefined> {
  return selectIndicators(db).where('i.slug', '=', slug).executeTakeFirst();
}

export interface IndicatorFilter {
  forceAreaIds?: readonly number[];
  kinds?: readonly IndicatorKind[];
  geographies?: readonly Geography[];
  ids?: readonly number[];
}

/** Indicators to rebuild or list: all, or those of the given force areas, kinds, geographies or ids. */
export async function listIndicators(db: Db, filter: IndicatorFilter = {}): Promise<IndicatorRow[]> {
  const { forceAreaIds, kinds, geographies, ids } = filter;
  if ([forceAreaIds, kinds, geographies, ids].some((values) => values?.length === 0)) return [];
  return selectIndicators(db)
    .$if(forceAreaIds !== undefined, (qb) => qb.where('i.forceAreaId', 'in', [...(forceAreaIds ?? [])]))
    .$if(kinds !== undefined, (qb) => qb.where('i.kind', 'in', [...(kinds ?? [])]))
    .$if(geographies !== undefined, (qb) => qb.where('i.geography', 'in', [...(geographies ?? [])]))
    .$if(ids !== undefined, (qb) => qb.where('i.id', 'in', [...(ids ?? [])]))
    .orderBy('i.slug')
    .execute();
}

export async function insertIndicator(db: Db, values: IndicatorValues): Promise<number> {
  return insertedId(db.insertInto('indicator').values(values).returning('id'));
}

export async function updateIndicator(db: Db, id: number, values: IndicatorValues): Promise<void> {
  await db.updateTable('indicator').set(values).where('id', '=', id).execute();
}

export interface MeasureLink {
  plan: string;
  measure: string;
}

export async function listIndicatorMeasures(db: Db, indicatorId: number): Promise<MeasureLink[]> {
  return db
    .selectFrom('indicatorMeasure')
    .select(['planSlug as plan', 'measureCode as measure'])
    .where('indicatorId', '=', indicatorId)
    .orderBy('planSlug')
    .orderBy('measureCode')
    .execute();
}

/**
 * Replaces an indicator's measure links. Each link's position puts the indicator after those the measure
 * already has, so the order in which files list indicators is the order a measure shows them.
 */
export async function replaceIndicatorMeasures(
  db: Db,
  indicatorId: number,
  links: readonly MeasureLink[],
): Promise<void> {
  await db.deleteFrom('indicatorMeasure').where('indicatorId', '=', indicatorId).execute();
  for (const link of links) {
    await sql`
      INSERT INTO indicator_measure (indicator_id, plan_slug, measure_code, position)
      SELECT ${indicatorId}, ${link.plan}, ${link.measure}, coalesce(max(position) + 1, 0)
        FROM indicator_measure WHERE plan_slug = ${link.plan} AND measure_code = ${link.measure}`.execute(db);
  }
}

/** The measure codes of every version of a plan, or undefined when there is no such plan. */
export async function listPlanMeasureCodes(db: Db, planSlug: string): Promise<Set<string> | undefined> {
  const plan = await db
    .selectFrom('plansPublishedPlan')
    .select('id')
    .where('slug', '=', planSlug)
    .executeTakeFirst();
  if (!plan) return undefined;
  const rows = await db
    .selectFrom('plansPublishedMeasure as m')
    .innerJoin('plansPublishedVersion as v', 'v.id', 'm.versionId')
    .select('m.code')
    .distinct()
    .where('v.planId', '=', plan.id)
    .execute();
  return new Set(rows.map((row) => row.code));
}

/** The months a force has street-level police.uk data for. */
export async function listStreetMonths(db: Db, forceAreaId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('performancePublishedStreetMonth')
    .select('month')
    .where('forceAreaId', '=', forceAreaId)
    .orderBy('month')
    .execute();
  return rows.map((row) => row.month);
}

/**
 * Crimes of the given types per month and local authority, from the police.uk roll-ups performance
 * publishes, with those whose last outcome category is in `outcomes` counted apart. Anti-social behaviour
 * is read from its own roll-up, never from the crimes'.
 */
export async function listAreaCounts(
  db: Db,
  forceAreaId: number,
  crimeTypes: readonly string[],
  outcomes: readonly string[],
  antiSocialBehaviour: boolean,
): Promise<AreaCount[]> {
  const view = antiSocialBehaviour
    ? sql.table('performancePublishedAsbCount')
    : sql.table('performancePublishedCrimeCount');
  const result = await sql<{ month: string; areaCode: string; count: number; matched: number }>`
    SELECT r.month, coalesce(r.local_authority_code, '') AS "areaCode",
           sum(r.count)::int AS count,
           coalesce(sum(r.count) FILTER (WHERE r.last_outcome_category = ANY(${[...outcomes]}::text[])), 0)::int
             AS matched
      FROM ${view} AS r
     WHERE r.force_area_id = ${forceAreaId} AND r.crime_type = ANY(${[...crimeTypes]}::text[])
     GROUP BY r.month, coalesce(r.local_authority_code, '')`.execute(db);
  return result.rows.map((row) => ({ ...row, count: Number(row.count), matched: Number(row.matched) }));
}

export function listForceAuthorities(db: Db, forceAreaId: number): Promise<Authority[]> {
  return db
    .selectFrom('areasPublishedLocalAuthority as a')
    .leftJoin('areasPublishedLocalAuthority as c', 'c.id', 'a.countyId')
    .select(['a.gssCode as code', 'c.gssCode as countyCode'])
    .where('a.forceAreaId', '=', forceAreaId)
    .orderBy('a.gssCode')
    .execute();
}

export async function listPopulations(db: Db, areaCodes: readonly string[]): Promise<Population[]> {
  if (areaCodes.length === 0) return [];
  return db
    .selectFrom('populationEstimate')
    .select(['areaCode', 'year', 'population'])
    .where('areaCode', 'in', [...areaCodes])
    .execute();
}

/** Where the populations of an area came from (for a rate's page to say so). */
export async function listPopulationSources(db: Db, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('populationEstimate')
    .select('source')
    .distinct()
    .where('areaCode', '=', areaCode)
    .orderBy('source')
    .execute();
  return rows.map((row) => row.source);
}

export interface PopulationValues extends Population {
  source: string;
  sourceFile: string;
}

export async function upsertPopulations(db: Db, rows: readonly PopulationValues[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto('populationEstimate')
      .values(
        rows.slice(start, start + 1000).map((row) => ({
          areaCode: row.areaCode,
          year: row.year,
          population: row.population,
          source: row.source,
          sourceFile: row.sourceFile,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['areaCode', 'year']).doUpdateSet((eb) => ({
          population: eb.ref('excluded.population'),
          source: eb.ref('excluded.source'),
          sourceFile: eb.ref('excluded.sourceFile'),
          loadedAt: eb.fn('now'),
        })),
      )
      .execute();
  }
}

/** Which of the codes name a force area or a local authority Peelian knows. */
export async function listKnownAreaCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Set();
  const [forces, authorities] = await Promise.all([
    db
      .selectFrom('areasPublishedForceArea')
      .select('gssCode')
      .where('gssCode', 'in', wanted)
      .$narrowType<{ gssCode: string }>()
      .execute(),
    db.selectFrom('areasPublishedLocalAuthority').select('gssCode').where('gssCode', 'in', wanted).execute(),
  ]);
  return new Set([...forces, ...authorities].map((row) => row.gssCode));
}

export interface PopulationLoad {
  loadedAt: Date;
  rows: number;
  areas: number;
  firstYear: number;
  lastYear: number;
}

/** The figures held from the latest load of a population file (rows a later file replaced are not counted). */
export async function findLatestPopulationLoad(
  db: Db,
  sourceFile: string,
): Promise<PopulationLoad | undefined> {
  const row = await db
    .selectFrom('populationEstimate')
    .select((eb) => [
      'loadedAt',
      eb.fn.countAll<number>().as('rows'),
      eb.fn.count<number>('areaCode').distinct().as('areas'),
      eb.fn.min<number>('year').as('firstYear'),
      eb.fn.max<number>('year').as('lastYear'),
    ])
    .where('sourceFile', '=', sourceFile)
    .groupBy('loadedAt')
    .orderBy('loadedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, rows: Number(row.rows), areas: Number(row.areas) };
}

export async function listSeriesValues(
  db: Db,
  indicatorId: number,
): Promise<{ month: string; value: number }[]> {
  return db
    .selectFrom('indicatorSeriesValue')
    .select(['month', 'value'])
    .where('indicatorId', '=', indicatorId)
    .orderBy('month')
    .execute();
}

export async function replaceSeriesValues(
  db: Db,
  indicatorId: number,
  rows: readonly { month: string; value: number }[],
  file: { name: string; sha256: string },
): Promise<void> {
  await db.deleteFrom('indicatorSeriesValue').where('indicatorId', '=', indicatorId).execute();
  for (let start = 0; start < rows.length; start += 1000)
    await db
      .insertInto('indicatorSeriesValue')
      .values(
        rows
          .slice(start, start + 1000)
          .map((row) => ({ indicatorId: indicatorId, month: row.month, value: row.value })),
      )
      .execute();
  await db
    .updateTable('indicator')
    .set({ seriesFile: file.name, seriesSha256: file.sha256, seriesLoadedAt: new Date() })
    .where('id', '=', indicatorId)
    .execute();
}

/** The first key of the advisory lock taken while an indicator's values are replaced. */
const INDICATOR_LOCK = 7007;

/** Replaces an indicator's materialised values and marks it refreshed (inside the caller's transaction). */
export async function replaceIndicatorValues(
  db: Db,
  indicatorId: number,
  values: readonly IndicatorValue[],
  refreshedAt: Date,
): Promise<void> {
  // Two refreshes of one indicator (an import's and the demo seed's, say) take turns rather than collide.
  await sql`SELECT pg_advisory_xact_lock(${INDICATOR_LOCK}, ${indicatorId})`.execute(db);
  await db.deleteFrom('indicatorValue').where('indicatorId', '=', indicatorId).execute();
  for (let start = 0; start < values.length; start += 1000)
    await db
      .insertInto('indicatorValue')
      .values(
        values.slice(start, start + 1000).map((value) => ({
          indicatorId: indicatorId,
          areaCode: value.areaCode,
          month: value.month,
          numerator: value.numerator,
          denominator: value.denominator,
          value: value.value,
        })),
      )
      .execute();
  await db
    .updateTable('indicator')
    .set({ refreshedAt: refreshedAt, refreshError: null })
    .where('id', '=', indicatorId)
    .execute();
}

export async function recordRefreshError(db: Db, indicatorId: number, error: string): Promise<void> {
  await db.updateTable('indicator').set({ refreshError: error }).where('id', '=', indicatorId).execute();
}

// --- The scorecard's read path: a handful of indexed reads of small tables, no aggregation. ---

export interface CurrentPlanRow {
  planId: number;
  slug: string;
  title: string;
  termStart: string;
  termEnd: string;
  versionId: number;
  versionNumber: number;
  issuedOn: string;
  forceAreaId: number;
  forceAreaCode: string;
  forceAreaName: string;
}

/**
 * Changes whenever anything the scorecard reads changes: judgements' own counter with the change signals
 * plans and areas publish (bigints, kept as text so that they are compared exactly), read in one statement.
 */
export async function readScorecardInputsVersion(db: Db): Promise<string> {
  // Three scalar subqueries, not a join: the one-row tables are never analysed, so PostgreSQL guesses 2,200 rows
  // each, costs their cross join in the billions and JIT-compiles it — 20 ms on every request, measured.
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('scorecardInputsVersion').select('version').as('own'),
      eb.selectFrom('plansPublishedChange').select('version').as('plans'),
      eb.selectFrom('areasPublishedChange').select('version').as('areas'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.own}.${row.plans}.${row.areas}`;
}

/**
 * The plan in force today: an issued version of a plan whose term includes `today`, preferring plans of the
 * force area the installation names (PEELIAN_AREA_NAME), then the plan whose term began last, and of that
 * plan the latest issued version. Drafts never count: they are not public.
 */
function selectIssuedPlanVersions(db: Db) {
  return db
    .selectFrom('plansPublishedPlan as p')
    .innerJoin('areasPublishedForceArea as f', 'f.id', 'p.forceAreaId')
    .innerJoin('plansPublishedVersion as v', 'v.planId', 'p.id')
    .select([
      'p.id as planId',
      'p.slug',
      'p.title',
      'p.termStart',
      'p.termEnd',
      'v.id as versionId',
      'v.number as versionNumber',
      sql<string>`v.issued_on`.as('issuedOn'),
      'f.id as forceAreaId',
      'f.gssCode as forceAreaCode',
      'f.name as forceAreaName',
    ])
    .where('v.state', '=', 'issued')
    .where('f.gssCode', 'is not', null)
    .$narrowType<{ forceAreaCode: string }>();
}

export function findCurrentPlan(
  db: Db,
  today: string,
  areaName: string,
): Promise<CurrentPlanRow | undefined> {
  return selectIssuedPlanVersions(db)
    .where('p.termStart', '<=', today)
    .where('p.termEnd', '>=', today)
    .orderBy(sql`f.name = ${areaName}`, 'desc')
    .orderBy('p.termStart', 'desc')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The plans in force today in these force areas, each at its latest issued version. */
export function listPlansInForce(
  db: Db,
  today: string,
  forceAreaIds: readonly number[],
): Promise<CurrentPlanRow[]> {
  if (forceAreaIds.length === 0) return Promise.resolve([]);
  return selectIssuedPlanVersions(db)
    .where('p.termStart', '<=', today)
    .where('p.termEnd', '>=', today)
    .where('p.forceAreaId', 'in', forceAreaIds)
    .distinctOn('p.id')
    .orderBy('p.id')
    .orderBy('v.number', 'desc')
    .execute();
}

/** The last recorded judgement of each measure of these plans (migration 0052). */
export function listLatestMeasureReadings(db: Db, planSlugs: readonly string[]) {
  if (planSlugs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measureJudgementChange')
    .distinctOn(['planSlug', 'measureCode'])
    .select(['planSlug', 'measureCode', 'judgement', 'provisional'])
    .where('planSlug', 'in', planSlugs)
    .orderBy('planSlug')
    .orderBy('measureCode')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertMeasureReadings(
  db: Db,
  readings: readonly ReadingToRecord[],
  recordedAt: Date,
): Promise<void> {
  if (readings.length === 0) return;
  await db
    .insertInto('measureJudgementChange')
    .values(
      readings.map((reading) => ({
        forceAreaId: reading.forceAreaId,
        planSlug: reading.planSlug,
        measureCode: reading.code,
        measureText: reading.text,
        previousJudgement: reading.previous?.judgement ?? null,
        previousProvisional: reading.previous?.provisional ?? null,
        judgement: reading.judgement,
        provisional: reading.provisional,
        throughMonth: reading.throughMonth,
        summary: reading.summary,
        recordedAt,
      })),
    )
    .execute();
}

/** One issued version of a plan, by the plan's slug and the version's number. */
export function findIssuedPlanVersion(
  db: Db,
  slug: string,
  versionNumber: number,
): Promise<CurrentPlanRow | undefined> {
  return selectIssuedPlanVersions(db)
    .where('p.slug', '=', slug)
    .where('v.number', '=', versionNumber)
    .executeTakeFirst();
}

export interface ScorecardMeasureRow {
  pillarCode: string;
  pillarTitle: string;
  priorityCode: string;
  priorityTitle: string;
  code: string;
  text: string;
  direction: MeasureDirection;
  indicatorId: number | null;
}

/** A plan version's measures in plan order, each with its linked indicators (one row per link, or one without). */
export function listScorecardMeasures(
  db: Db,
  versionId: number,
  planSlug: string,
  measureCode?: string,
): Promise<ScorecardMeasureRow[]> {
  return db
    .selectFrom('plansPublishedMeasure as m')
    .leftJoin('indicatorMeasure as im', (join) =>
      join.on('im.planSlug', '=', planSlug).onRef('im.measureCode', '=', 'm.code'),
    )
    .select([
      'm.pillarCode',
      'm.pillarTitle',
      'm.priorityCode',
      'm.priorityTitle',
      'm.code',
      'm.text',
      'm.direction',
      'im.indicatorId',
    ])
    .where('m.versionId', '=', versionId)
    .$if(measureCode !== undefined, (qb) => qb.where('m.code', '=', measureCode as string))
    .orderBy('m.pillarPosition')
    .orderBy('m.priorityPosition')
    .orderBy('m.position')
    .orderBy('im.position')
    .execute();
}

export async function listIndicatorsByIds(db: Db, ids: readonly number[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return selectIndicators(db)
    .where('i.id', 'in', [...ids])
    .execute();
}

export type ValueRow = Selectable<JudgementsTables['indicatorValue']>;

/** The materialised values of some indicators for some areas, in month order (the primary key's order). */
export async function listIndicatorValues(
  db: Db,
  indicatorIds: readonly number[],
  areaCodes: readonly string[],
): Promise<ValueRow[]> {
  if (indicatorIds.length === 0 || areaCodes.length === 0) return [];
  return db
    .selectFrom('indicatorValue')
    .select(['indicatorId', 'areaCode', 'month', 'numerator', 'denominator', 'value'])
    .where('indicatorId', 'in', [...indicatorIds])
    .where('areaCode', 'in', [...areaCodes])
    .orderBy('indicatorId')
    .orderBy('areaCode')
    .orderBy('month')
    .execute();
}

export function listAuthoritiesOfForce(
  db: Db,
  forceAreaId: number,
): Promise<{ code: string; name: string; tier: string }[]> {
  return db
    .selectFrom('areasPublishedLocalAuthority')
    .select(['gssCode as code', 'name', 'tier'])
    .where('forceAreaId', '=', forceAreaId)
    .orderBy('name')
    .execute();
}
