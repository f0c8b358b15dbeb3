import { sql } from 'kysely';
import type { SqlClient } from '../../kernel/db/sql-client.ts';
import type { PerformanceDb as Db } from './performance.tables.ts';

export interface LsoaAuthorityRow {
  lsoaCode: string;
  lsoaName: string | null;
  localAuthorityCode: string;
  localAuthorityName: string;
  communitySafetyPartnershipCode: string | null;
  communitySafetyPartnershipName: string | null;
}

/**
 * Adds a lookup row for each LSOA in the force's street records of the given months whose name, less its
 * ` 001A`-style suffix, is one of `prefixes`: ONS names each LSOA after its local authority. Rows already
 * present (from a lookup file, or derived before) are left alone. Returns how many were added.
 */
export async function insertLsoaAuthoritiesFromNames(
  sql: SqlClient,
  forceAreaId: number,
  months: readonly string[],
  prefixes: readonly { prefix: string; code: string; name: string }[],
): Promise<number> {
  if (months.length === 0 || prefixes.length === 0) return 0;
  const rows = await sql.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO lsoa_local_authority (lsoa_code, lsoa_name, local_authority_code, local_authority_name, source)
       SELECT DISTINCT ON (seen.lsoa_code) seen.lsoa_code, seen.lsoa_name, la.code, la.name, 'lsoa-name'
         FROM (SELECT DISTINCT lsoa_code, lsoa_name FROM police_uk_street_record
                WHERE force_area_id = $1 AND month = ANY($2::date[]) AND lsoa_code IS NOT NULL) AS seen
         JOIN unnest($3::text[], $4::text[], $5::text[]) AS la (prefix, code, name)
           ON regexp_replace(seen.lsoa_name, ' [0-9]{3}[A-Z]$', '') = la.prefix
        ORDER BY seen.lsoa_code, seen.lsoa_name
       ON CONFLICT (lsoa_code) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM added`,
    [
      forceAreaId,
      [...months],
      prefixes.map((entry) => entry.prefix),
      prefixes.map((entry) => entry.code),
      prefixes.map((entry) => entry.name),
    ],
  );
  return rows[0]?.n ?? 0;
}

/** Saves rows from a lookup file, replacing any row for the same LSOA (a file wins over a derived row). */
export async function upsertLsoaAuthoritiesFromFile(
  db: Db,
  rows: readonly LsoaAuthorityRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    const values = rows.slice(start, start + 2000).map((row) => ({
      lsoaCode: row.lsoaCode,
      lsoaName: row.lsoaName,
      localAuthorityCode: row.localAuthorityCode,
      localAuthorityName: row.localAuthorityName,
      communitySafetyPartnershipCode: row.communitySafetyPartnershipCode,
      communitySafetyPartnershipName: row.communitySafetyPartnershipName,
      source: 'lookup-file' as const,
    }));
    await db
      .insertInto('lsoaLocalAuthority')
      .values(values)
      .onConflict((oc) =>
        oc.column('lsoaCode').doUpdateSet((eb) => ({
          lsoaName: eb.ref('excluded.lsoaName'),
          localAuthorityCode: eb.ref('excluded.localAuthorityCode'),
          localAuthorityName: eb.ref('excluded.localAuthorityName'),
          communitySafetyPartnershipCode: eb.ref('excluded.communitySafetyPartnershipCode'),
          communitySafetyPartnershipName: eb.ref('excluded.communitySafetyPartnershipName'),
          source: eb.ref('excluded.source'),
          loadedAt: eb.fn('now'),
        })),
      )
      .execute();
  }
}

/** The local authority each of these LSOAs is placed in now, for those the lookup holds. */
export async function listLsoaAuthorityCodes(
  db: Db,
  lsoaCodes: readonly string[],
): Promise<Map<string, string>> {
  if (lsoaCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('lsoaLocalAuthority')
    .select(['lsoaCode', 'localAuthorityCode'])
    .where(sql<boolean>`lsoa_code = ANY(${[...lsoaCodes]}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.lsoaCode, row.localAuthorityCode]));
}

export async function countLsoaAuthoritiesBySource(
  db: Db,
): Promise<Record<'lookup-file' | 'lsoa-name', number>> {
  const rows = await db
    .selectFrom('lsoaLocalAuthority')
    .select((eb) => ['source', eb.fn.countAll<number>().as('n')])
    .groupBy('source')
    .execute();
  const counts = { 'lookup-file': 0, 'lsoa-name': 0 };
  for (const row of rows) counts[row.source] = Number(row.n);
  return counts;
}
