import { sql } from 'kysely';
import type { MeasureDirection } from '../plans/plans.file-schema.ts';
import type { AreaCount, Authority, IndicatorValue, Population } from './judgements.compute.ts';
import type { JudgementsDb as Db, Frequency, Geography, IndicatorKind } from './judgements.tables.ts';

export interface IndicatorRow {
  id: number;
  slug: string;
  forceAreaId: number;
  forceAreaCode: string;
  title: string;
  kind: IndicatorKind;
  crimeTypes: string[];
  outcomeCategories: string[];
  perPopulation: number | null;
  decimals: number;
  source: string;
  unit: string;
  geography: Geography;
  frequency: Frequency;
  description: string;
  definitionFile: string;
  seriesFile: string | null;
  seriesSha256: string | null;
  seriesLoadedAt: Date | null;
  refreshedAt: Date | null;
  refreshError: string | null;
}

export type IndicatorValues = Omit<
  IndicatorRow,
  'id' | 'forceAreaCode' | 'seriesFile' | 'seriesSha256' | 'seriesLoadedAt' | 'refreshedAt' | 'refreshError'
>;

function selectIndicators(db: Db) {
  return db
    .selectFrom('indicator as i')
    .innerJoin('areas_published_force_area as f', 'f.id', 'i.force_area_id')
    .select([
      'i.id',
      'i.slug',
      'i.force_area_id as forceAreaId',
      'f.gss_code as forceAreaCode',
      'i.title',
      'i.kind',
      'i.crime_types as crimeTypes',
      'i.outcome_categories as outcomeCategories',
      'i.per_population as perPopulation',
      'i.decimals',
      'i.source',
      'i.unit',
      'i.geography',
      'i.frequency',
      'i.description',
      'i.definition_file as definitionFile',
      'i.series_file as seriesFile',
      'i.series_sha256 as seriesSha256',
      'i.series_loaded_at as seriesLoadedAt',
      'i.refreshed_at as refreshedAt',
      'i.refresh_error as refreshError',
    ]);
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
    .$if(forceAreaIds !== undefined, (qb) => qb.where('i.force_area_id', 'in', [...(forceAreaIds ?? [])]))
    .$if(kinds !== undefined, (qb) => qb.where('i.kind', 'in', [...(kinds ?? [])]))
    .$if(geographies !== undefined, (qb) => qb.where('i.geography', 'in', [...(geographies ?? [])]))
    .$if(ids !== undefined, (qb) => qb.where('i.id', 'in', [...(ids ?? [])]))
    .orderBy('i.slug')
    .execute();
}

function indicatorColumns(values: IndicatorValues) {
  return {
    slug: values.slug,
    force_area_id: values.forceAreaId,
    title: values.title,
    kind: values.kind,
    crime_types: values.crimeTypes,
    outcome_categories: values.outcomeCategories,
    per_population: values.perPopulation,
    decimals: values.decimals,
    source: values.source,
    unit: values.unit,
    geography: values.geography,
    frequency: values.frequency,
    description: values.description,
    definition_file: values.definitionFile,
  };
}

export async function insertIndicator(db: Db, values: IndicatorValues): Promise<number> {
  const row = await db
    .insertInto('indicator')
    .values(indicatorColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIndicator(db: Db, id: number, values: IndicatorValues): Promise<void> {
  await db.updateTable('indicator').set(indicatorColumns(values)).where('id', '=', id).execute();
}

export interface MeasureLink {
  plan: string;
  measure: string;
}

export async function listIndicatorMeasures(db: Db, indicatorId: number): Promise<MeasureLink[]> {
  return db
    .selectFrom('indicator_measure')
    .select(['plan_slug as plan', 'measure_code as measure'])
    .where('indicator_id', '=', indicatorId)
    .orderBy('plan_slug')
    .orderBy('measure_code')
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
  await db.deleteFrom('indicator_measure').where('indicator_id', '=', indicatorId).execute();
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
    .selectFrom('plans_published_plan')
    .select('id')
    .where('slug', '=', planSlug)
    .executeTakeFirst();
  if (!plan) return undefined;
  const rows = await db
    .selectFrom('plans_published_measure as m')
    .innerJoin('plans_published_version as v', 'v.id', 'm.version_id')
    .select('m.code')
    .distinct()
    .where('v.plan_id', '=', plan.id)
    .execute();
  return new Set(rows.map((row) => row.code));
}

/** The months a force has street-level police.uk data for. */
export async function listStreetMonths(db: Db, forceAreaId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('performance_published_street_month')
    .select('month')
    .where('force_area_id', '=', forceAreaId)
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
    ? sql.table('performance_published_asb_count')
    : sql.table('performance_published_crime_count');
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
    .selectFrom('areas_published_local_authority as a')
    .leftJoin('areas_published_local_authority as c', 'c.id', 'a.county_id')
    .select(['a.gss_code as code', 'c.gss_code as countyCode'])
    .where('a.force_area_id', '=', forceAreaId)
    .orderBy('a.gss_code')
    .execute();
}

export async function listPopulations(db: Db, areaCodes: readonly string[]): Promise<Population[]> {
  if (areaCodes.length === 0) return [];
  return db
    .selectFrom('population_estimate')
    .select(['area_code as areaCode', 'year', 'population'])
    .where('area_code', 'in', [...areaCodes])
    .execute();
}

/** Where the populations of an area came from (for a rate's page to say so). */
export async function listPopulationSources(db: Db, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('population_estimate')
    .select('source')
    .distinct()
    .where('area_code', '=', areaCode)
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
      .insertInto('population_estimate')
      .values(
        rows.slice(start, start + 1000).map((row) => ({
          area_code: row.areaCode,
          year: row.year,
          population: row.population,
          source: row.source,
          source_file: row.sourceFile,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['area_code', 'year']).doUpdateSet((eb) => ({
          population: eb.ref('excluded.population'),
          source: eb.ref('excluded.source'),
          source_file: eb.ref('excluded.source_file'),
          loaded_at: eb.fn('now'),
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
    db.selectFrom('areas_published_force_area').select('gss_code').where('gss_code', 'in', wanted).execute(),
    db
      .selectFrom('areas_published_local_authority')
      .select('gss_code')
      .where('gss_code', 'in', wanted)
      .execute(),
  ]);
  return new Set([...forces, ...authorities].map((row) => row.gss_code));
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
    .selectFrom('population_estimate')
    .select((eb) => [
      'loaded_at as loadedAt',
      eb.fn.countAll<number>().as('rows'),
      eb.fn.count<number>('area_code').distinct().as('areas'),
      eb.fn.min<number>('year').as('firstYear'),
      eb.fn.max<number>('year').as('lastYear'),
    ])
    .where('source_file', '=', sourceFile)
    .groupBy('loaded_at')
    .orderBy('loaded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, rows: Number(row.rows), areas: Number(row.areas) };
}

export async function listSeriesValues(
  db: Db,
  indicatorId: number,
): Promise<{ month: string; value: number }[]> {
  return db
    .selectFrom('indicator_series_value')
    .select(['month', 'value'])
    .where('indicator_id', '=', indicatorId)
    .orderBy('month')
    .execute();
}

export async function replaceSeriesValues(
  db: Db,
  indicatorId: number,
  rows: readonly { month: string; value: number }[],
  file: { name: string; sha256: string },
): Promise<void> {
  await db.deleteFrom('indicator_series_value').where('indicator_id', '=', indicatorId).execute();
  for (let start = 0; start < rows.length; start += 1000)
    await db
      .insertInto('indicator_series_value')
      .values(
        rows
          .slice(start, start + 1000)
          .map((row) => ({ indicator_id: indicatorId, month: row.month, value: row.value })),
      )
      .execute();
  await db
    .updateTable('indicator')
    .set({ series_file: file.name, series_sha256: file.sha256, series_loaded_at: new Date() })
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
  await db.deleteFrom('indicator_value').where('indicator_id', '=', indicatorId).execute();
  for (let start = 0; start < values.length; start += 1000)
    await db
      .insertInto('indicator_value')
      .values(
        values.slice(start, start + 1000).map((value) => ({
          indicator_id: indicatorId,
          area_code: value.areaCode,
          month: value.month,
          numerator: value.numerator,
          denominator: value.denominator,
          value: value.value,
        })),
      )
      .execute();
  await db
    .updateTable('indicator')
    .set({ refreshed_at: refreshedAt, refresh_error: null })
    .where('id', '=', indicatorId)
    .execute();
}

export async function recordRefreshError(db: Db, indicatorId: number, error: string): Promise<void> {
  await db.updateTable('indicator').set({ refresh_error: error }).where('id', '=', indicatorId).execute();
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
      eb.selectFrom('scorecard_inputs_version').select('version').as('own'),
      eb.selectFrom('plans_published_change').select('version').as('plans'),
      eb.selectFrom('areas_published_change').select('version').as('areas'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.own}.${row.plans}.${row.areas}`;
}

/**
 * The plan in force today: an issued version of a plan whose term includes `today`, preferring plans of the
 * force area the installation names (PEELIAN_AREA_NAME), then the plan whose term began last, and of that
 * plan the latest issued version. Drafts never count: they are not public.
 */
export function findCurrentPlan(
  db: Db,
  today: string,
  areaName: string,
): Promise<CurrentPlanRow | undefined> {
  return db
    .selectFrom('plans_published_plan as p')
    .innerJoin('areas_published_force_area as f', 'f.id', 'p.force_area_id')
    .innerJoin('plans_published_version as v', 'v.plan_id', 'p.id')
    .select([
      'p.id as planId',
      'p.slug',
      'p.title',
      'p.term_start as termStart',
      'p.term_end as termEnd',
      'v.id as versionId',
      'v.number as versionNumber',
      sql<string>`v.issued_on`.as('issuedOn'),
      'f.id as forceAreaId',
      'f.gss_code as forceAreaCode',
      'f.name as forceAreaName',
    ])
    .where('v.state', '=', 'issued')
    .where('p.term_start', '<=', today)
    .where('p.term_end', '>=', today)
    .orderBy(sql`f.name = ${areaName}`, 'desc')
    .orderBy('p.term_start', 'desc')
    .orderBy('v.number', 'desc')
    .limit(1)
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
    .selectFrom('plans_published_measure as m')
    .leftJoin('indicator_measure as im', (join) =>
      join.on('im.plan_slug', '=', planSlug).onRef('im.measure_code', '=', 'm.code'),
    )
    .select([
      'm.pillar_code as pillarCode',
      'm.pillar_title as pillarTitle',
      'm.priority_code as priorityCode',
      'm.priority_title as priorityTitle',
      'm.code',
      'm.text',
      'm.direction',
      'im.indicator_id as indicatorId',
    ])
    .where('m.version_id', '=', versionId)
    .$if(measureCode !== undefined, (qb) => qb.where('m.code', '=', measureCode as string))
    .orderBy('m.pillar_position')
    .orderBy('m.priority_position')
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

export interface ValueRow {
  indicatorId: number;
  areaCode: string;
  month: string;
  numerator: number;
  denominator: number | null;
  value: number;
}

/** The materialised values of some indicators for some areas, in month order (the primary key's order). */
export async function listIndicatorValues(
  db: Db,
  indicatorIds: readonly number[],
  areaCodes: readonly string[],
): Promise<ValueRow[]> {
  if (indicatorIds.length === 0 || areaCodes.length === 0) return [];
  return db
    .selectFrom('indicator_value')
    .select([
      'indicator_id as indicatorId',
      'area_code as areaCode',
      'month',
      'numerator',
      'denominator',
      'value',
    ])
    .where('indicator_id', 'in', [...indicatorIds])
    .where('area_code', 'in', [...areaCodes])
    .orderBy('indicator_id')
    .orderBy('area_code')
    .orderBy('month')
    .execute();
}

export function listAuthoritiesOfForce(
  db: Db,
  forceAreaId: number,
): Promise<{ code: string; name: string; tier: string }[]> {
  return db
    .selectFrom('areas_published_local_authority')
    .select(['gss_code as code', 'name', 'tier'])
    .where('force_area_id', '=', forceAreaId)
    .orderBy('name')
    .execute();
}
