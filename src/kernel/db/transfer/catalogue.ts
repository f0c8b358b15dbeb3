import { type CopyTarget, plainName } from '../copy.ts';
import type { SqlClient } from '../sql-client.ts';

/**
 * What a copy of the database reads from PostgreSQL's catalogue, the same way on both engines: the tables
 * (in an order that loads parents before children), the sequences, the triggers that write on INSERT, and
 * a checksum of each table's rows.
 */

/** The migrator's own table: the target's migrations write it, so it is not copied. */
const MIGRATION_TABLE = 'schema_migration';

/**
 * Settings under which every value has the same text on both engines (PGlite is PostgreSQL 18, a server
 * may be 15): times in UTC and ISO form, floats in their shortest exact form, bytea in hex. The checksums
 * depend on it. `SET LOCAL`, so nothing outlives the transaction — which matters on the running server's
 * PGlite, where a command's session settings would otherwise stay with the server.
 */
export const SAME_TEXT_ON_BOTH_ENGINES = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
].join('; ');

/**
 * Peelian's tables with the columns a copy writes (generated columns are worked out again by the target),
 * parents before the tables whose foreign keys point at them.
 */
export async function listTables(sql: SqlClient): Promise<CopyTarget[]> {
  const tables = await sql.query<{ table: string; columns: string[] }>(
    `SELECT c.relname::text AS "table", array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> $1
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     GROUP BY c.relname`,
    [MIGRATION_TABLE],
  );
  const references = await sql.query<{ child: string; parent: string }>(
    `SELECT child.relname::text AS child, parent.relname::text AS parent
     FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid
     JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  return inDependencyOrder(tables, references);
}

/**
 * Orders tables so that each comes after every table it references (a table referencing itself loads in
 * one COPY, which PostgreSQL checks as a whole at its end); ties go alphabetically, so the order is stable.
 */
export function inDependencyOrder<T extends { table: string }>(
  tables: T[],
  references: { child: string; parent: string }[],
): T[] {
  const waitingFor = new Map(tables.map(({ table }) => [table, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && waitingFor.has(parent)) waitingFor.get(child)?.add(parent);
  }
  const byName = new Map(tables.map((table) => [table.table, table]));
  const ordered: T[] = [];
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      throw new Error(
        `The tables ${[...waitingFor.keys()].sort().join(', ')} reference each other in a cycle, so no load order fits.`,
      );
    }
    for (const name of ready.sort()) {
      waitingFor.delete(name);
      for (const parents of waitingFor.values()) parents.delete(name);
      ordered.push(byName.get(name) as T);
    }
  }
  return ordered;
}

export interface SequenceValue {
  name: string;
  /** Null while the sequence has never been used. */
  lastValue: number | null;
}

export function readSequences(sql: SqlClient): Promise<SequenceValue[]> {
  return sql.query<SequenceValue>(
    `SELECT sequencename::text AS name, last_value AS "lastValue"
     FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
}

/** Sets each sequence where the source's was, so the next id follows the copied rows. */
export async function setSequences(sql: SqlClient, sequences: SequenceValue[]): Promise<void> {
  for (const { name, lastValue } of sequences) {
    await sql.query(
      `SELECT setval(format('public.%I', s.sequencename)::regclass, coalesce($2::bigint, s.start_value), $2::bigint IS NOT NULL)
       FROM pg_sequences s WHERE s.schemaname = 'public' AND s.sequencename = $1`,
      [plainName(name), lastValue],
    );
  }
}

/**
 * Turns off or back on the triggers that write when a row is inserted (change counters, OParl stamps):
 * during a copy the source's own counters and stamps are copied, and must not be written again. Only the
 * table's owner may do this, which the role that just migrated the target is.
 */
export async function switchInsertTriggers(sql: SqlClient, state: 'DISABLE' | 'ENABLE'): Promise<void> {
  const triggers = await sql.query<{ table: string; trigger: string }>(
    `SELECT c.relname::text AS "table", t.tgname::text AS "trigger"
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace AND (t.tgtype & 4) <> 0
     ORDER BY 1, 2`,
  );
  for (const { table, trigger } of triggers) {
    await sql.exec(`ALTER TABLE ${plainName(table)} ${state} TRIGGER ${plainName(trigger)}`);
  }
}

export interface TableSum {
  rows: number;
  /**
   * The sum of each row's hash (the first 64 bits of the MD5 of its text): one pass, any order, no
   * primary key needed, and no string the size of the table as an ordered aggregate would build.
   */
  checksum: string;
}

export async function sumTable(sql: SqlClient, table: CopyTarget): Promise<TableSum> {
  const rowText = `ROW(${table.columns.map(plainName).join(', ')})::text`;
  const [sum] = await sql.query<TableSum>(
    `SELECT count(*) AS rows,
       coalesce(sum(('x' || left(md5(${rowText}), 16))::bit(64)::bigint), 0)::text AS checksum
     FROM ${plainName(table.table)}`,
  );
  return sum as TableSum;
}

/** The names of up to three relations already in the public schema: a copy goes only into an empty one. */
export async function findExistingRelations(sql: SqlClient): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class
     WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
     ORDER BY relname LIMIT 3`,
  );
  return rows.map((row) => row.name);
}

/** Which of the tables hold any row (after migrations that insert their own, such as change counters). */
export async function tablesWithRows(sql: SqlClient, tables: CopyTarget[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const probes = tables.map(
    ({ table }) => `SELECT '${plainName(table)}' AS name WHERE EXISTS (SELECT 1 FROM ${table})`,
  );
  return (await sql.query<{ name: string }>(probes.join(' UNION ALL '))).map((row) => row.name);
}
