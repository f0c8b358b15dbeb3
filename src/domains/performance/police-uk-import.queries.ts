import { type Selectable, sql } from 'kysely';
import type { CopySource, CopyTarget } from '../../kernel/db/copy.ts';
import type { SqlClient } from '../../kernel/db/sql-client.ts';
import type {
  PerformanceDb as Db,
  ImportOrigin,
  ImportPhase,
  ImportRunStatus,
  PerformanceTables,
} from './performance.tables.ts';
import { COPY_COLUMNS, type PoliceUkKind } from './police-uk/index.ts';
import { ROLLUPS_OF_KIND } from './police-uk-rollup.ts';

/** One police.uk file's worth of data: a force area, a month (`YYYY-MM-01`) and a kind. */
export interface UnitKey {
  forceAreaId: number;
  month: string;
  kind: PoliceUkKind;
}

/** Where each kind's rows are kept. */
const RECORD_TABLE: Record<PoliceUkKind, string> = {
  street: 'police_uk_street_record',
  outcomes: 'police_uk_outcome_record',
  'stop-and-search': 'police_uk_stop_search_record',
};

/** The roll-up tables each kind maintains. */
const ROLLUP_TABLES: Record<PoliceUkKind, string[]> = {
  street: ROLLUPS_OF_KIND.street.map((rollup) => rollup.table),
  outcomes: ROLLUPS_OF_KIND.outcomes.map((rollup) => rollup.table),
  'stop-and-search': ROLLUPS_OF_KIND['stop-and-search'].map((rollup) => rollup.table),
};

/** The columns COPY fills: the force area, then the reader's columns for the kind. */
export function recordCopyTarget(kind: PoliceUkKind) {
  return { table: RECORD_TABLE[kind], columns: ['force_area_id', ...COPY_COLUMNS[kind]] };
}

/** Any fixed number: with the unit's hash it names the lock that lets one import at a time replace a unit. */
const UNIT_LOCK_SPACE = 7_335_204;

// ---- Inside a unit's transaction (SqlClient: COPY and plain SQL) ----

/** Waits for any other import replacing the same unit (PostgreSQL; PGlite has one connection anyway). */
export async function lockPoliceUkUnit(tx: SqlClient, unit: UnitKey): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    UNIT_LOCK_SPACE,
    `${unit.forceAreaId}/${unit.kind}/${unit.month}`,
  ]);
}

export async function findPoliceUkUnit(
  sql: SqlClient,
  unit: UnitKey,
): Promise<{ sha256: string; rows: number; importFileId: number } | undefined> {
  const rows = await sql.query<{ sha256: string; rows: number; importFileId: number }>(
    `SELECT sha256, rows, import_file_id AS "importFileId" FROM police_uk_unit
      WHERE force_area_id = $1 AND kind = $2 AND month = $3`,
    [unit.forceAreaId, unit.kind, unit.month],
  );
  return rows[0];
}

/** Deletes a unit's rows and roll-ups; returns how many rows there were. */
export async function deletePoliceUkUnitData(tx: SqlClient, unit: UnitKey): Promise<number> {
  const params = [unit.forceAreaId, unit.month];
  for (const table of ROLLUP_TABLES[unit.kind])
    await tx.query(`DELETE FROM ${table} WHERE force_area_id = $1 AND month = $2`, params);
  const deleted = await tx.query<{ n: number }>(
    `WITH gone AS (DELETE FROM ${RECORD_TABLE[unit.kind]} WHERE force_area_id = $1 AND month = $2 RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    params,
  );
  return deleted[0]?.n ?? 0;
}

/** Loads a unit's rows, given as COPY text in the order of `recordCopyTarget(kind)`. */
export function copyPoliceUkRecords(tx: SqlClient, kind: PoliceUkKind, source: CopySource): Promise<number> {
  return tx.copyFrom(recordCopyTarget(kind), source);
}

/** Loads one of a unit's roll-up blocks (counted while its rows were checked; see police-uk-rollup.ts). */
export function copyPoliceUkRollup(tx: SqlClient, target: CopyTarget, source: CopySource): Promise<number> {
  return tx.copyFrom(target, source);
}

/** How many records a unit's roll-ups count: after a load, this must equal the rows loaded. */
export async function countRolledUpRecords(tx: SqlClient, unit: UnitKey): Promise<number> {
  const params = [unit.forceAreaId, unit.month];
  let total = 0;
  for (const { table, count } of ROLLUPS_OF_KIND[unit.kind]) {
    const rows = await tx.query<{ n: number }>(
      `SELECT coalesce(sum(${count}), 0)::int AS n FROM ${table} WHERE force_area_id = $1 AND month = $2`,
      params,
    );
    total += rows[0]?.n ?? 0;
  }
  return total;
}

export async function upsertPoliceUkUnit(
  tx: SqlClient,
  unit: UnitKey,
  loaded: { importFileId: number; sha256: string; rows: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO police_uk_unit (force_area_id, kind, month, import_file_id, sha256, rows)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (force_area_id, kind, month)
     DO UPDATE SET import_file_id = EXCLUDED.import_file_id, sha256 = EXCLUDED.sha256,
                   rows = EXCLUDED.rows, loaded_at = now()`,
    [unit.forceAreaId, unit.kind, unit.month, loaded.importFileId, loaded.sha256, loaded.rows],
  );
}

export async function markImportFileLoaded(
  tx: SqlClient,
  fileId: number,
  loaded: { durationMs: number; replacedFileId: number | null },
): Promise<void> {
  await tx.query(
    `UPDATE police_uk_import_file SET status = 'loaded', duration_ms = $2, replaced_file_id = $3
      WHERE id = $1`,
    [fileId, loaded.durationMs, loaded.replacedFileId],
  );
}

/**
 * Refreshes the planner's statistics and the visibility map after a load: without it, an aggregate over
 * freshly loaded rows measured ten times slower on PGlite. Runs outside any transaction.
 */
export async function vacuumAnalysePoliceUk(sql: SqlClient, kinds: Iterable<PoliceUkKind>): Promise<void> {
  const tables = [...new Set([...kinds].flatMap((kind) => [RECORD_TABLE[kind], ...ROLLUP_TABLES[kind]]))];
  if (tables.length > 0) await sql.exec(`VACUUM ANALYZE ${tables.join(', ')}`);
}

// ---- Records of runs and files (Kysely) ----

type RunRow = PerformanceTables['policeUkImportRun'];

export async function insertImportRun(
  db: Db,
  run: {
    actorKind: RunRow['actorKind'];
    actorId: number | null;
    actorLabel: string;
    origin: ImportOrigin;
    allowedRejects: number;
    requestId: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('policeUkImportRun')
    .values({
      actorKind: run.actorKind,
      actorId: run.actorId,
      actorLabel: run.actorLabel,
      origin: run.origin,
      allowedRejects: run.allowedRejects,
      requestId: run.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RunProgressPatch {
  phase?: ImportPhase;
  filesTotal?: number;
  filesDone?: number;
  streetRows?: number;
  outcomeRows?: number;
  stopAndSearchRows?: number;
  rejectedRows?: number;
}

export async function updateImportRunProgress(db: Db, runId: number, patch: RunProgressPatch): Promise<void> {
  await db
    .updateTable('policeUkImportRun')
    .set((eb) => ({
      updatedAt: eb.fn('now'),
      ...(patch.phase !== undefined ? { phase: patch.phase } : {}),
      ...(patch.filesTotal !== undefined ? { filesTotal: patch.filesTotal } : {}),
      ...(patch.filesDone !== undefined ? { filesDone: patch.filesDone } : {}),
      ...(patch.streetRows !== undefined ? { streetRows: patch.streetRows } : {}),
      ...(patch.outcomeRows !== undefined ? { outcomeRows: patch.outcomeRows } : {}),
      ...(patch.stopAndSearchRows !== undefined ? { stopAndSearchRows: patch.stopAndSearchRows } : {}),
      ...(patch.rejectedRows !== undefined ? { rejectedRows: patch.rejectedRows } : {}),
    }))
    .where('id', '=', runId)
    .execute();
}

/**
 * Marks as failed the runs left 'running' by a process that stopped (no progress for `minutes`), except
 * those given (runs this process is still working on or has queued).
 */
export async function failAbandonedImportRuns(
  db: Db,
  minutes: number,
  except: readonly number[],
): Promise<number> {
  const result = await db
    .updateTable('policeUkImportRun')
    .set((eb) => ({
      status: 'failed',
      phase: 'done',
      error:
        'This run stopped without finishing: Peelian was stopped while it ran. Files it had loaded stay loaded; the rest were not.',
      finishedAt: eb.fn('now'),
    }))
    .where('status', '=', 'running')
    .where('updatedAt', '<', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .$if(except.length > 0, (qb) => qb.where('id', 'not in', [...except]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function finishImportRun(
  db: Db,
  runId: number,
  outcome: { status: Exclude<ImportRunStatus, 'running'>; error: string | null; durationMs: number },
): Promise<void> {
  await db
    .updateTable('policeUkImportRun')
    .set((eb) => ({
      status: outcome.status,
      phase: 'done',
      error: outcome.error,
      durationMs: outcome.durationMs,
      finishedAt: eb.fn('now'),
      updatedAt: eb.fn('now'),
    }))
    .where('id', '=', runId)
    .execute();
}

/** What a run records of each file it met, whatever became of it. */
export type ImportFileOutcome = Pick<
  ImportFileRow,
  | 'kind'
  | 'sha256'
  | 'bytes'
  | 'rows'
  | 'rejectedRows'
  | 'antiSocialBehaviourRows'
  | 'rowsWithoutLocation'
  | 'repeatedCrimeIds'
  | 'status'
  | 'error'
>;

export interface NewImportFile extends ImportFileOutcome {
  position: number;
  displayName: string;
  forceAreaId: number | null;
  /** `YYYY-MM-01`. */
  month: string | null;
  rejects: { line: number; column: string | null; value: string; reason: string }[];
}

/** Records the run's files and their kept rejects; returns each file's id, in the order given. */
export async function insertImportFiles(db: Db, runId: number, files: NewImportFile[]): Promise<number[]> {
  if (files.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const { rejects, ...file } of files) {
      const row = await trx
        .insertInto('policeUkImportFile')
        .values({ runId, ...file })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
      // In slices, to stay under the 65,535 parameters a statement may carry.
      for (let start = 0; start < rejects.length; start += 1000) {
        await trx
          .insertInto('policeUkImportReject')
          .values(
            rejects.slice(start, start + 1000).map((reject) => ({
              fileId: row.id,
              line: reject.line,
              columnName: reject.column,
              value: reject.value,
              reason: reject.reason,
            })),
          )
          .execute();
      }
    }
    return ids;
  });
}

export async function markImportFileFailed(db: Db, fileId: number, error: string): Promise<void> {
  await db
    .updateTable('policeUkImportFile')
    .set({ status: 'failed', error })
    .where('id', '=', fileId)
    .execute();
}

export interface ImportRunRow {
  id: number;
  actorLabel: string;
  origin: ImportOrigin;
  allowedRejects: number;
  status: ImportRunStatus;
  phase: ImportPhase;
  filesTotal: number;
  filesDone: number;
  streetRows: number;
  outcomeRows: number;
  stopAndSearchRows: number;
  rejectedRows: number;
  error: string | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
}

function selectRuns(db: Db) {
  return db
    .selectFrom('policeUkImportRun')
    .select([
      'id',
      'actorLabel',
      'origin',
      'allowedRejects',
      'status',
      'phase',
      'filesTotal',
      'filesDone',
      'streetRows',
      'outcomeRows',
      'stopAndSearchRows',
      'rejectedRows',
      'error',
      'startedAt',
      'updatedAt',
      'finishedAt',
      'durationMs',
    ]);
}

export function listImportRuns(db: Db, limit: number, offset: number): Promise<ImportRunRow[]> {
  return selectRuns(db).orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countImportRuns(db: Db): Promise<number> {
  const row = await db
    .selectFrom('policeUkImportRun')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findImportRun(db: Db, id: number): Promise<ImportRunRow | undefined> {
  return selectRuns(db).where('id', '=', id).executeTakeFirst();
}

export type ImportFileRow = Selectable<PerformanceTables['policeUkImportFile']>;

/** The files of the given runs, in run then file order. */
export function listImportFiles(db: Db, runIds: readonly number[]): Promise<ImportFileRow[]> {
  if (runIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('policeUkImportFile as f')
    .select([
      'f.id',
      'f.runId',
      'f.position',
      'f.displayName',
      'f.forceAreaId',
      'f.month',
      'f.kind',
      'f.sha256',
      'f.bytes',
      'f.rows',
      'f.rejectedRows',
      'f.antiSocialBehaviourRows',
      'f.rowsWithoutLocation',
      'f.repeatedCrimeIds',
      'f.status',
      'f.error',
      'f.durationMs',
      'f.replacedFileId',
    ])
    .where('f.runId', 'in', [...runIds])
    .orderBy('f.runId', 'desc')
    .orderBy('f.position')
    .execute();
}

export interface ImportRejectRow {
  fileId: number;
  line: number;
  column: string | null;
  value: string;
  reason: string;
}

export function listImportRejects(
  db: Db,
  fileIds: readonly number[],
  limit: number,
): Promise<ImportRejectRow[]> {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('policeUkImportReject')
    .select(['fileId', 'line', 'columnName as column', 'value', 'reason'])
    .where('fileId', 'in', [...fileIds])
    .orderBy('fileId')
    .orderBy('line')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface LoadedUnitRow {
  forceAreaId: number;
  kind: PoliceUkKind;
  month: string;
  sha256: string;
  rows: number;
  importFileId: number;
}

/** Every loaded unit of the given forces (by id). */
export function listLoadedUnits(db: Db, forceAreaIds: readonly number[]): Promise<LoadedUnitRow[]> {
  if (forceAreaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('policeUkUnit')
    .select(['forceAreaId', 'kind', 'month', 'sha256', 'rows', 'importFileId'])
    .where('forceAreaId', 'in', [...forceAreaIds])
    .execute();
}

/** How many import runs there are in each status, for the metrics. */
export function countImportRunsByStatus(db: Db) {
  return db
    .selectFrom('policeUkImportRun')
    .select(['status', (eb) => eb.fn.countAll<string>().as('runs')])
    .groupBy('status')
    .execute();
}
