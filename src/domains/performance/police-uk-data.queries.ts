import { sql } from 'kysely';
import type { PerformanceDb as Db } from './performance.tables.ts';
import type { PoliceUkKind } from './police-uk/index.ts';

/** What the counts API groups street records by. */
export type CountBy = 'crime-type' | 'outcome' | 'lsoa';

export interface KeyCount {
  key: string;
  /** Every record under the key: crimes and anti-social behaviour together, as the file has them. */
  count: number;
  /** Of those, the crimes: what a client adding up crime should add. */
  crimes: number;
  /** Of those, anti-social behaviour incidents, which are not crimes and have no outcomes at all. */
  antiSocialBehaviour: number;
}

/** A force's loaded months of one kind, each with the import file its rows came from (which changes on every load). */
export function listLoadedMonthFiles(
  db: Db,
  forceAreaId: number,
  kind: PoliceUkKind,
): Promise<{ month: string; importFileId: number }[]> {
  return db
    .selectFrom('policeUkUnit')
    .select(['month', 'importFileId'])
    .where('forceAreaId', '=', forceAreaId)
    .where('kind', '=', kind)
    .orderBy('month')
    .execute();
}

const COUNT_COLUMN = {
  'crime-type': 'crimeType',
  outcome: 'lastOutcomeCategory',
  lsoa: 'lsoaCode',
} as const;

/**
 * Street records of one force and month counted by crime type, last outcome category or LSOA, from the
 * roll-ups, each key's crimes and anti-social behaviour counted apart. An empty category or LSOA counts under
 * ''. By outcome, anti-social behaviour is not put under '' with the crimes that have no outcome recorded:
 * police.uk records no outcome for it because it is not a crime, which is a different thing from a crime
 * whose outcome is blank, so its incidents count under their own key, the crime type 'Anti-social behaviour'.
 */
export async function countStreetRecordsBy(
  db: Db,
  forceAreaId: number,
  month: string,
  by: CountBy,
): Promise<KeyCount[]> {
  const column = COUNT_COLUMN[by];
  const [crimes, incidents] = await Promise.all([
    db
      .selectFrom('policeUkCrimeMonthly')
      .select([`${column} as key`, (eb) => eb.fn.sum<number>('crimes').as('n')])
      .where('forceAreaId', '=', forceAreaId)
      .where('month', '=', month)
      .groupBy(column)
      .execute(),
    db
      .selectFrom('policeUkAsbMonthly')
      .select([
        `${by === 'outcome' ? 'crimeType' : column} as key`,
        (eb) => eb.fn.sum<number>('incidents').as('n'),
      ])
      .where('forceAreaId', '=', forceAreaId)
      .where('month', '=', month)
      .groupBy(by === 'outcome' ? 'crimeType' : column)
      .execute(),
  ]);
  const counts = new Map<string, KeyCount>();
  const row = (key: string) => {
    const found = counts.get(key) ?? { key, count: 0, crimes: 0, antiSocialBehaviour: 0 };
    counts.set(key, found);
    return found;
  };
  for (const { key, n } of crimes) {
    const found = row(key);
    found.count += Number(n);
    found.crimes += Number(n);
  }
  for (const { key, n } of incidents) {
    const found = row(key);
    found.count += Number(n);
    found.antiSocialBehaviour += Number(n);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export interface MonthlyCount {
  month: string;
  key: string;
  count: number;
}

/** Months from `from` up to, not including, `to` (`YYYY-MM-01`); every month when not given. */
export interface MonthRange {
  from: string;
  to: string;
}

/** Crimes (never anti-social behaviour) per month and crime type for a force. */
export async function listMonthlyCrimesByType(
  db: Db,
  forceAreaId: number,
  range?: MonthRange,
): Promise<MonthlyCount[]> {
  const rows = await db
    .selectFrom('policeUkCrimeMonthly')
    .select(['month', 'crimeType as key', (eb) => eb.fn.sum<number>('crimes').as('count')])
    .where('forceAreaId', '=', forceAreaId)
    .$if(range !== undefined, (qb) =>
      qb.where('month', '>=', range?.from as string).where('month', '<', range?.to as string),
    )
    .groupBy(['month', 'crimeType'])
    .orderBy('month')
    .orderBy('crimeType')
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Anti-social behaviour incidents per month for a force: their own series. */
export async function listMonthlyAntiSocialBehaviour(
  db: Db,
  forceAreaId: number,
): Promise<{ month: string; count: number }[]> {
  const rows = await db
    .selectFrom('policeUkAsbMonthly')
    .select(['month', (eb) => eb.fn.sum<number>('incidents').as('count')])
    .where('forceAreaId', '=', forceAreaId)
    .groupBy('month')
    .orderBy('month')
    .execute();
  return rows.map((row) => ({ month: row.month, count: Number(row.count) }));
}

export interface MonthlyAuthorityCount {
  month: string;
  /** Null when the LSOA is not in the lookup, or the record had no location (lsoaMissing). */
  localAuthorityCode: string | null;
  localAuthorityName: string | null;
  lsoaMissing: boolean;
  count: number;
}

/** Crimes per month and local authority, through the LSOA lookup. */
export async function listMonthlyCrimesByAuthority(
  db: Db,
  forceAreaId: number,
  range?: MonthRange,
): Promise<MonthlyAuthorityCount[]> {
  const rows = await db
    .selectFrom('policeUkCrimeMonthly as c')
    .leftJoin('lsoaLocalAuthority as l', 'l.lsoaCode', 'c.lsoaCode')
    .select([
      'c.month',
      'l.localAuthorityCode',
      'l.localAuthorityName',
      sql<boolean>`c.lsoa_code = ''`.as('lsoaMissing'),
      (eb) => eb.fn.sum<number>('c.crimes').as('count'),
    ])
    .where('c.forceAreaId', '=', forceAreaId)
    .$if(range !== undefined, (qb) =>
      qb.where('c.month', '>=', range?.from as string).where('c.month', '<', range?.to as string),
    )
    .groupBy(['c.month', 'l.localAuthorityCode', 'l.localAuthorityName', sql`c.lsoa_code = ''`])
    .orderBy('c.month')
    .execute();
  return rows.map((row) => ({ ...row, lsoaMissing: Boolean(row.lsoaMissing), count: Number(row.count) }));
}

export interface LoadedUnitDetail {
  kind: PoliceUkKind;
  month: string;
  rows: number;
  sha256: string;
  loadedAt: Date;
  importFileId: number;
  runId: number;
  fileName: string;
}

/** Every unit loaded for a force, with the file and run it came from. */
export function listLoadedUnitDetails(db: Db, forceAreaId: number): Promise<LoadedUnitDetail[]> {
  return db
    .selectFrom('policeUkUnit as u')
    .innerJoin('policeUkImportFile as f', 'f.id', 'u.importFileId')
    .select([
      'u.kind',
      'u.month',
      'u.rows',
      'u.sha256',
      'u.loadedAt',
      'u.importFileId',
      'f.runId',
      'f.displayName as fileName',
    ])
    .where('u.forceAreaId', '=', forceAreaId)
    .orderBy('u.month')
    .orderBy('u.kind')
    .execute();
}

export interface ForceCoverage {
  forceAreaId: number;
  kind: PoliceUkKind;
  months: number;
  firstMonth: string;
  lastMonth: string;
  rows: number;
}

/** For each force and kind with data: how many months, the first and last, and the rows. */
export async function listForceCoverage(db: Db): Promise<ForceCoverage[]> {
  const rows = await db
    .selectFrom('policeUkUnit')
    .select([
      'forceAreaId',
      'kind',
      (eb) => eb.fn.countAll<number>().as('months'),
      (eb) => eb.fn.min<string>('month').as('firstMonth'),
      (eb) => eb.fn.max<string>('month').as('lastMonth'),
      (eb) => eb.fn.sum<number>('rows').as('rows'),
    ])
    .groupBy(['forceAreaId', 'kind'])
    .execute();
  return rows.map((row) => ({ ...row, months: Number(row.months), rows: Number(row.rows) }));
}

export interface OutcomeByCrimeType {
  outcomeType: string;
  /** The crime type of the street record the outcome's Crime ID matched; null when none matched. */
  crimeType: string | null;
  count: number;
}

/**
 * Outcomes recorded in a month, each joined by Crime ID to its crime: the street record of the same force
 * with that ID in the same or the latest earlier month. One crime can have several outcomes; a Crime ID
 * repeated within a street month counts once.
 */
export async function countOutcomesByCrimeType(
  db: Db,
  forceAreaId: number,
  month: string,
): Promise<OutcomeByCrimeType[]> {
  // A hash join over the force's street records up to the month: Crime IDs are not indexed on street
  // records (the index would slow every street import by more than this query costs).
  const result = await sql<{ outcomeType: string; crimeType: string | null; count: number }>`
    WITH outcome AS (
      SELECT outcome_type, crime_id FROM police_uk_outcome_record
       WHERE force_area_id = ${forceAreaId} AND month = ${month}
    ), crime AS (
      SELECT DISTINCT ON (s.crime_id) s.crime_id, s.crime_type
        FROM police_uk_street_record s
       WHERE s.force_area_id = ${forceAreaId} AND s.month <= ${month}
         AND s.crime_id IN (SELECT crime_id FROM outcome)
       ORDER BY s.crime_id, s.month DESC, s.source_line
    )
    SELECT outcome.outcome_type AS "outcomeType", crime.crime_type AS "crimeType", count(*)::int AS count
      FROM outcome LEFT JOIN crime ON crime.crime_id = outcome.crime_id
     GROUP BY outcome.outcome_type, crime.crime_type
     ORDER BY count DESC, outcome.outcome_type, crime.crime_type`.execute(db);
  return result.rows.map((row) => ({ ...row, count: Number(row.count) }));
}

export interface CrimeOutcome {
  month: string;
  outcomeType: string;
}

/** Every outcome recorded for a crime, oldest first. */
export async function listOutcomesOfCrime(
  db: Db,
  forceAreaId: number,
  crimeId: string,
): Promise<CrimeOutcome[]> {
  const result = await sql<CrimeOutcome>`
    SELECT month, outcome_type AS "outcomeType" FROM police_uk_outcome_record
     WHERE crime_id = ${crimeId} AND force_area_id = ${forceAreaId}
     ORDER BY month, source_line`.execute(db);
  return result.rows;
}
