import { sql } from 'kysely';
import type { PerformanceDb as Db } from '../performance.tables.ts';
import type { MonthRange } from '../police-uk-data.queries.ts';

/** Stop and search records of one month sharing every field a page breaks them down by. */
export interface StopSearchGroup {
  month: string;
  type: string;
  objectOfSearch: string;
  outcome: string;
  selfDefinedEthnicity: string;
  officerDefinedEthnicity: string;
  ageRange: string;
  gender: string;
  count: number;
}

/**
 * A force's stop and search records in a range of months, grouped by every field the page shows ('' where
 * the file left one blank), for the service to add up each way. Read from the records, not the roll-up: the
 * roll-up has no self-defined ethnicity, age or gender. A force-year is a few thousand to a hundred thousand
 * records, and the groups are far fewer.
 */
export async function listStopSearchGroups(
  db: Db,
  forceAreaId: number,
  range: MonthRange,
): Promise<StopSearchGroup[]> {
  const result = await sql<StopSearchGroup>`
    SELECT month, type,
           coalesce(object_of_search, '') AS "objectOfSearch",
           coalesce(outcome, '') AS outcome,
           coalesce(self_defined_ethnicity, '') AS "selfDefinedEthnicity",
           coalesce(officer_defined_ethnicity, '') AS "officerDefinedEthnicity",
           coalesce(age_range, '') AS "ageRange",
           coalesce(gender, '') AS gender,
           count(*)::int AS count
      FROM police_uk_stop_search_record
     WHERE force_area_id = ${forceAreaId} AND month >= ${range.from} AND month < ${range.to}
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
     ORDER BY 1`.execute(db);
  return result.rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Crimes (never anti-social behaviour) by month, crime type and last outcome category, from the roll-up. */
export async function listCrimeOutcomeCounts(
  db: Db,
  forceAreaId: number,
  range: MonthRange,
): Promise<{ month: string; crimeType: string; outcome: string; count: number }[]> {
  const rows = await db
    .selectFrom('policeUkCrimeMonthly')
    .select([
      'month',
      'crimeType',
      'lastOutcomeCategory as outcome',
      (eb) => eb.fn.sum<number>('crimes').as('count'),
    ])
    .where('forceAreaId', '=', forceAreaId)
    .where('month', '>=', range.from)
    .where('month', '<', range.to)
    .groupBy(['month', 'crimeType', 'lastOutcomeCategory'])
    .orderBy('month')
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** The residents of an area each year, as judgements publishes them (decision record 0004), with their source. */
export function listAreaPopulations(
  db: Db,
  areaCode: string,
): Promise<{ year: number; population: number; source: string }[]> {
  return db
    .selectFrom('judgementsPublishedPopulation')
    .select(['year', 'population', 'source'])
    .where('areaCode', '=', areaCode)
    .orderBy('year')
    .execute();
}
