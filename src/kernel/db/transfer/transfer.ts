import { z } from 'zod';
import type { CopySource } from '../copy.ts';
import type { Engine } from '../database.ts';
import { type MigrationFile, migrate, readMigrations } from '../migrator.ts';
import type { SqlClient } from '../sql-client.ts';
import {
  findExistingRelations,
  listTables,
  readSequences,
  SAME_TEXT_ON_BOTH_ENGINES,
  setSequences,
  sumTable,
  switchInsertTriggers,
  tablesWithRows,
} from './catalogue.ts';

/**
 * One engine for `peelian db copy`, `db backup` and `db restore`: a source is read as a manifest (its
 * migration level, each table's columns, row count and checksum, each sequence's value) and the rows of
 * each table in COPY text form, all from one snapshot; a target is loaded from a manifest and those rows,
 * in one transaction that checks every table against the manifest before it commits. A copy joins the
 * two directly; a backup file keeps them in between (backup-file.ts).
 */

export const BACKUP_FORMAT = 'peelian-backup/1';

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The migrations applied to the source, in order: its migration level. */
  migrations: z.array(z.string()).min(1),
  engine: z.enum(['pglite', 'postgresql']),
  takenAt: z.string(),
  tables: z.array(
    z.object({
      table: z.string(),
      columns: z.array(z.string()).min(1),
      rows: z.number().int().min(0),
      checksum: z.string(),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.number().int().nullable() })),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type TableEntry = Manifest['tables'][number];

/** A refusal or a failed check, said for the operator; nothing was written. */
export class TransferError extends Error {
  override name = 'TransferError';
}

/** What a source offers while its snapshot is open: the manifest, and each table's rows in turn. */
export interface Snapshot {
  manifest: Manifest;
  read(table: TableEntry): AsyncIterable<Uint8Array>;
}

/** Where a load takes each table's rows from, in the manifest's order; `finish` checks nothing is left. */
export interface TableFeed {
  read(table: TableEntry): CopySource;
  finish?(): Promise<void>;
}

/** Said before each table that has rows: which, how many, and how far along. */
export type Progress = (step: { table: TableEntry; index: number; total: number }) => void;

export interface LoadReport {
  tables: number;
  rows: number;
  sequences: number;
  /** Migrations newer than the source's, applied to the target after its data was checked. */
  migrated: string[];
}

/**
 * Opens one read-only snapshot of the source and gives it to `work`; on the embedded database this holds
 * the database for the whole of `work`, so the server's requests wait until it ends.
 */
export function readSnapshot<T>(
  source: { sql: SqlClient; engine: Engine },
  work: (snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  return source.sql.transaction(async (tx) => {
    await tx.exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${SAME_TEXT_ON_BOTH_ENGINES}`);
    const [{ migrated } = { migrated: false }] = await tx.query<{ migrated: boolean }>(
      "SELECT to_regclass('schema_migration') IS NOT NULL AS migrated",
    );
    if (!migrated) throw new TransferError('The database holds no Peelian data yet: it was never migrated.');
    const migrations = await tx.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name');
    const tables: TableEntry[] = [];
    for (const table of await listTables(tx)) {
      tables.push({ table: table.table, columns: [...table.columns], ...(await sumTable(tx, table)) });
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      migrations: migrations.map((row) => row.name),
      engine: source.engine,
      takenAt: new Date().toISOString(),
      tables,
      sequences: await readSequences(tx),
    };
    return work({ manifest, read: (table) => tx.copyTo(table) });
  });
}

/**
 * The migrations that make the tables the manifest describes, refusing data from a Peelian newer than
 * this one (its tables may have columns this version does not know).
 */
export function migrationsAtLevel(
  manifest: Manifest,
  files: MigrationFile[] = readMigrations(),
): MigrationFile[] {
  const known = new Set(files.map((file) => file.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new TransferError(
      `The data is from a newer Peelian: it has migration ${unknown.join(', ')}, which this version does not ` +
        `(it ends at ${files.at(-1)?.name ?? 'none'}). Upgrade Peelian and run the command again.`,
    );
  }
  const wanted = new Set(manifest.migrations);
  return files.filter((file) => wanted.has(file.name));
}

/**
 * Loads an empty database from a manifest and its rows, all or nothing: makes the source's tables with
 * the same migrations, copies the rows with the insert triggers off (the source's counters and stamps are
 * among the rows), sets the sequences, checks every table's count and checksum and every sequence, and
 * only then applies any newer migrations and commits.
 */
export async function loadSnapshot(
  target: SqlClient,
  manifest: Manifest,
  feed: TableFeed,
  progress: Progress,
): Promise<LoadReport> {
  const atLevel = migrationsAtLevel(manifest);
  return target.transaction(async (tx) => {
    const existing = await findExistingRelations(tx);
    if (existing.length > 0) {
      throw new TransferError(
        `The target database is not empty (it has ${existing.join(', ')}…). Copy or restore only into a new, ` +
          'empty database: create one, or point PEELIAN_DATA_DIR at a new directory.',
      );
    }
    await migrate(tx, atLevel);
    await tx.exec(SAME_TEXT_ON_BOTH_ENGINES);
    await checkSameTables(tx, manifest);
    await switchInsertTriggers(tx, 'DISABLE');
    // Rows the migrations themselves wrote (each producer's change counter) are the source's to give.
    for (const table of (await tablesWithRows(tx, manifest.tables)).reverse()) {
      await tx.exec(`DELETE FROM ${table}`);
    }
    let rows = 0;
    for (const [index, table] of manifest.tables.entries()) {
      if (table.rows > 0) progress({ table, index, total: manifest.tables.length });
      rows += await tx.copyFrom(table, feed.read(table));
    }
    await feed.finish?.();
    await setSequences(tx, manifest.sequences);
    await switchInsertTriggers(tx, 'ENABLE');
    await checkLoaded(tx, manifest);
    const migrated = await migrate(tx);
    return { tables: manifest.tables.length, rows, sequences: manifest.sequences.length, migrated };
  });
}

/** The target at the source's level must have the source's tables and columns, or the rows cannot fit. */
async function checkSameTables(tx: SqlClient, manifest: Manifest): Promise<void> {
  const shape = (table: { table: string; columns: readonly string[] }) =>
    `${table.table}(${table.columns.join(',')})`;
  const here = new Set((await listTables(tx)).map(shape));
  const differing = manifest.tables.map(shape).filter((table) => !here.delete(table));
  if (differing.length > 0 || here.size > 0) {
    throw new TransferError(
      `The data's tables do not match the ones its migrations make here: ${[...differing, ...here].slice(0, 3).join('; ')}. ` +
        'It was written by a Peelian whose migrations differ from this one.',
    );
  }
}

async function checkLoaded(tx: SqlClient, manifest: Manifest): Promise<void> {
  const problems: string[] = [];
  for (const table of manifest.tables) {
    const loaded = await sumTable(tx, table);
    if (loaded.rows !== table.rows)
      problems.push(`${table.table} has ${loaded.rows} rows, not ${table.rows}`);
    else if (loaded.checksum !== table.checksum)
      problems.push(`${table.table}'s rows differ from the source's`);
  }
  const sequences = new Map((await readSequences(tx)).map((row) => [row.name, row.lastValue]));
  for (const { name, lastValue } of manifest.sequences) {
    if (sequences.get(name) !== lastValue) problems.push(`sequence ${name} is not at ${lastValue}`);
  }
  if (problems.length > 0) {
    throw new TransferError(
      `The loaded data does not match the source, so nothing was kept: ${problems.slice(0, 5).join('; ')}` +
        `${problems.length > 5 ? ` and ${problems.length - 5} more` : ''}.`,
    );
  }
}

/** Copies one database into another, empty one, table by table as the source's snapshot streams them. */
export function copyDatabase(
  source: { sql: SqlClient; engine: Engine },
  target: SqlClient,
  progress: Progress,
): Promise<LoadReport> {
  return readSnapshot(source, (snapshot) => loadSnapshot(target, snapshot.manifest, snapshot, progress));
}
