import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { actorLabel } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import type { CopyTarget } from '../../kernel/db/copy.ts';
import type { DatabaseHandle } from '../../kernel/db/database.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import { isProcessRunning } from '../../kernel/process-running.ts';
import type { AreasService } from '../areas/index.ts';
import { deriveLsoaAuthoritiesFromNames } from './lsoa-lookup.service.ts';
import type { ImportOrigin, PerformanceRelations } from './performance.tables.ts';
import {
  listPoliceUkSources,
  openPoliceUkFile,
  POLICE_UK_KINDS,
  type PoliceUkFile,
  PoliceUkInputError,
  type PoliceUkKind,
  type PoliceUkReject,
  type PoliceUkSource,
  toCopyText,
} from './police-uk/index.ts';
import {
  copyPoliceUkRecords,
  copyPoliceUkRollup,
  countRolledUpRecords,
  deletePoliceUkUnitData,
  failAbandonedImportRuns,
  findPoliceUkUnit,
  finishImportRun,
  type ImportFileOutcome,
  insertImportFiles,
  insertImportRun,
  listLoadedUnits,
  lockPoliceUkUnit,
  markImportFileFailed,
  markImportFileLoaded,
  type UnitKey,
  updateImportRunProgress,
  upsertPoliceUkUnit,
  vacuumAnalysePoliceUk,
} from './police-uk-import.queries.ts';
import { type ConfirmationNeeded, findConfirmationsNeeded } from './police-uk-plausibility.ts';
import { UnitRollup } from './police-uk-rollup.ts';

/**
 * Importing police.uk files: every file is checked before anything is written, then each
 * (force, month, kind) unit is replaced in a transaction of its own.
 *
 * 1. Checking. Each file is read once, as a stream: its name, header and every row are checked, its
 *    SHA-256 taken, and its rows written, already in COPY form, to a spool file in a temporary folder.
 *    A file that cannot be read, two files for one unit, or more rejected rows than allowed fail the
 *    whole run here, before the database is touched. A dry run stops after this step.
 * 2. Loading. For each unit, one short transaction deletes the unit's rows and roll-ups, COPYs the
 *    spooled rows and the roll-ups counted while checking (see police-uk-rollup.ts), checks that the
 *    roll-ups add up to the rows, and records the unit and its file. Loading the
 *    same file again gives the same rows; a failure rolls the unit back whole. Short transactions keep a
 *    web server on PGlite (one connection) answering between units.
 * 3. Finishing. The LSOA → local authority lookup is filled in from LSOA names where no lookup file gave
 *    one, the tables are vacuumed and analysed so that queries plan well on the new rows, and `afterLoad`
 *    rebuilds what other modules derive. A run that failed while loading finishes the units it did load.
 *
 * Imports run one at a time in a process; the run and each file are recorded against the actor.
 */

export interface ImportProgress {
  phase: 'checking' | 'loading' | 'finishing';
  filesDone: number;
  filesTotal: number;
  /** How far through the phase, 0 to 1 (by bytes when checking, by rows when loading). */
  fraction: number;
  /** Rows checked or loaded so far in this phase. */
  rows: number;
  /** The file in hand, if any. */
  file: string | null;
}

export interface ImportOptions {
  origin: ImportOrigin;
  /** Check everything and report, writing nothing (and recording no run). */
  dryRun?: boolean;
  /** How many rejected rows to tolerate (they are left out); any more fails the run. Default 0. */
  allowRejects?: number;
  /** Import only this force's files (by police.uk slug); files of other forces are skipped. */
  forceArea?: string;
  /** Load a file with no data rows over a unit that holds rows (which empties that month). */
  allowEmpty?: boolean;
  /** Load a month whose row count is unusual for its force (see police-uk-plausibility.ts). */
  confirmUnusual?: boolean;
  /** Skip a file whose bytes are exactly what its unit already holds (used by the demo seed). */
  skipUnchanged?: boolean;
  /** Removed from file names in records and messages (an upload's temporary folder). */
  hidePrefix?: string;
  requestId?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportFileReport extends ImportFileOutcome {
  file: string;
  force: string | null;
  /** `YYYY-MM`. */
  month: string | null;
}

export interface ImportReport {
  /** The recorded run; null for a dry run and for a demo seed that found nothing new. */
  runId: number | null;
  status: 'succeeded' | 'failed' | 'unchanged';
  dryRun: boolean;
  durationMs: number;
  files: ImportFileReport[];
  /** Files of other forces, left out because of `forceArea`. */
  skipped: string[];
  /** Files that are not CSV files, met inside folders and archives. */
  ignored: string[];
  /** Rows checked (dry run) or loaded, by kind. */
  rows: Record<PoliceUkKind, number>;
  rejectedRows: number;
  /** The first rejected rows, with file, line, column, value and reason. */
  rejects: PoliceUkReject[];
  /** Files held back until the importer confirms them (empty over loaded data, unusual size). */
  confirmations: ConfirmationNeeded[];
  error: string | null;
}

export interface PoliceUkImportDeps {
  database: DatabaseHandle<PerformanceRelations>;
  areas: AreasService;
  policy: Policy;
  /**
   * Called as a run that loaded months finishes (one that failed part way too, for the units it did load), with
   * their force areas, so that what other modules derive from the roll-ups (the judgements' indicators) is
   * rebuilt. It reports its own failures and must not throw.
   */
  afterLoad?: (forceAreaIds: readonly number[]) => Promise<unknown>;
}

const REJECTS_IN_REPORT = 1000;

export type PoliceUkImportService = ReturnType<typeof createPoliceUkImportService>;

export function createPoliceUkImportService(deps: PoliceUkImportDeps) {
  const context: ImportContext = { ...deps, ours: new Set(), enqueue: serialQueue() };
  return {
    importPoliceUk: (actor: Actor, paths: readonly string[], options: ImportOptions) =>
      importPoliceUk(context, actor, paths, options),
    startPoliceUkImport: (actor: Actor, paths: readonly string[], options: ImportOptions) =>
      startPoliceUkImport(context, actor, paths, options),
    canRun: (actor: Actor) => deps.policy.can(actor, 'imports:run'),
  };
}

/** What the import use-cases share: the service's deps, its queue, and the runs it has recorded. */
interface ImportContext extends PoliceUkImportDeps {
  /** Runs this process has recorded and not yet finished. */
  ours: Set<number>;
  /** Imports in this process run one after another. */
  enqueue<T>(work: () => Promise<T>): Promise<T>;
}

function serialQueue(): ImportContext['enqueue'] {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
}

/** Tidies what a stopped process left: runs still marked running, and spool folders. */
async function tidyAbandoned(context: ImportContext): Promise<void> {
  await failAbandonedImportRuns(context.database.db, ABANDONED_AFTER_MINUTES, [...context.ours]).catch(
    () => {},
  );
  await removeAbandonedTempDirs();
}

function requireRun(policy: Policy, actor: Actor): void {
  if (!policy.can(actor, 'imports:run')) throw new ForbiddenError('You cannot import police data');
}

/** Imports the files, folders and archives at `paths`, and resolves when done (whether or not it failed). */
async function importPoliceUk(
  context: ImportContext,
  actor: Actor,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportReport> {
  requireRun(context.policy, actor);
  return context.enqueue(() => new ImportRun(context, actor, paths, options, null).execute());
}

/**
 * Records a run at once and imports in the background (for a browser that watches the run's page).
 * `finished` never rejects: a failure is in the report and the run's record.
 */
async function startPoliceUkImport(
  context: ImportContext,
  actor: Actor,
  paths: readonly string[],
  options: ImportOptions,
): Promise<{ runId: number; finished: Promise<ImportReport> }> {
  requireRun(context.policy, actor);
  const runId = await createRun(context, actor, options);
  const finished = context.enqueue(() => new ImportRun(context, actor, paths, options, runId).execute());
  return { runId, finished };
}

async function createRun(context: ImportContext, actor: Actor, options: ImportOptions): Promise<number> {
  if (actor.kind === 'anonymous') throw new ForbiddenError('You cannot import police data');
  const runId = await insertImportRun(context.database.db, {
    actorKind: actor.kind,
    actorId: actor.kind === 'user' ? actor.userId : actor.kind === 'token' ? actor.tokenId : null,
    actorLabel: actorLabel(actor),
    origin: options.origin,
    allowedRejects: options.allowRejects ?? 0,
    requestId: options.requestId ?? null,
  });
  context.ours.add(runId);
  return runId;
}

/** How far checking has gone, across the files. */
interface CheckingProgress {
  totalBytes: number;
  filesTotal: number;
  /** Bytes of the files before the one in hand. */
  bytesBefore: number;
  rows: number;
}

/** A file that passed its checks, waiting to load. */
interface CheckedFile {
  report: ImportFileReport;
  unit: UnitKey;
  spool: string | null;
  /** The unit's roll-up blocks, spooled beside its rows. */
  rollups: { target: CopyTarget; spool: string }[];
  fileId: number | null;
  /** The rejects kept for the record (the report keeps fewer). */
  rejects: PoliceUkReject[];
}

class ImportRun {
  private readonly started = performance.now();
  private readonly hide: (text: string) => string;
  private readonly allowRejects: number;
  private readonly files: ImportFileReport[] = [];
  private readonly checked: CheckedFile[] = [];
  private readonly rejectsByFile = new Map<ImportFileReport, PoliceUkReject[]>();
  private skipped: string[] = [];
  private confirmations: ConfirmationNeeded[] = [];
  private ignored: string[] = [];
  private rejectedRows = 0;
  private tempDir: string | null = null;
  private forceIds = new Map<string, number>();
  private readonly db: ImportContext['database']['db'];

  constructor(
    private readonly context: ImportContext,
    private readonly actor: Actor,
    private readonly paths: readonly string[],
    private readonly options: ImportOptions,
    private runId: number | null,
  ) {
    const prefix = options.hidePrefix;
    this.hide = prefix ? (text) => text.split(prefix).join('') : (text) => text;
    this.allowRejects = options.allowRejects ?? 0;
    this.db = context.database.db;
  }

  async execute(): Promise<ImportReport> {
    try {
      await tidyAbandoned(this.context);
      return await this.steps();
    } catch (error) {
      const message = this.hide(messageOf(error));
      return this.fail(message);
    } finally {
      if (this.runId !== null) this.context.ours.delete(this.runId);
      if (this.tempDir) await fs.rm(this.tempDir, { recursive: true, force: true }).catch(() => {});
    }
  }

  private async steps(): Promise<ImportReport> {
    const { options } = this;
    const forces = await this.context.areas.listForceAreasWithAuthorities();
    this.forceIds = new Map(forces.map((force) => [force.slug, force.id]));
    if (this.runId === null && !options.dryRun && !options.skipUnchanged)
      this.runId = await createRun(this.context, this.actor, options);
    if (options.forceArea !== undefined && !this.forceIds.has(options.forceArea)) {
      const known = [...this.forceIds.keys()].join(', ') || 'none';
      return this.fail(`The force area "${options.forceArea}" is not known (known: ${known}).`);
    }

    const listing = await listPoliceUkSources(this.paths);
    this.ignored = listing.ignored.map(this.hide);
    let sources = listing.sources.map((source) => ({
      ...source,
      displayName: this.hide(source.displayName),
    }));
    if (options.forceArea !== undefined) {
      const wanted = options.forceArea;
      this.skipped = sources
        .filter((source) => source.force !== null && source.force !== wanted)
        .map((source) => source.displayName);
      sources = sources.filter((source) => source.force === null || source.force === wanted);
      if (sources.length === 0) return this.fail(`No file is for the force area "${wanted}".`);
    }
    if (options.skipUnchanged) sources = await this.leaveOutUnchanged(sources);
    if (sources.length === 0) return this.report('unchanged', null);
    if (this.runId === null && !options.dryRun)
      this.runId = await createRun(this.context, this.actor, options);

    if (!options.dryRun) this.tempDir = await fs.mkdtemp(path.join(os.tmpdir(), tempDirPrefix('import')));
    await this.progressRecord({ phase: 'checking', filesTotal: sources.length, filesDone: 0 });
    await this.checkAll(sources);

    const refused = this.files.filter((file) => file.status === 'refused');
    let failure: string | null = null;
    if (refused.length > 0) {
      const first = refused[0]?.error ?? '';
      failure =
        refused.length === 1
          ? `${sentence(first)} Nothing was imported.`
          : `${refused.length} files could not be read; the first: ${sentence(first)} Nothing was imported.`;
    } else if (this.rejectedRows > this.allowRejects) {
      failure =
        `${count(this.rejectedRows, 'row was', 'rows were')} rejected` +
        (this.allowRejects > 0 ? `, more than the ${this.allowRejects} allowed` : '') +
        '. Nothing was imported.';
    } else {
      failure = await this.unconfirmed();
    }
    if (this.runId !== null) await this.recordFiles();
    if (failure !== null) return this.fail(failure);
    if (options.dryRun) return this.report('succeeded', null);

    try {
      await this.loadAll();
    } catch (error) {
      await this.finishAfterFailure(error);
    }
    await this.finish(this.checked);
    const report = this.report('succeeded', null);
    await finishImportRun(this.db, this.runId as number, {
      status: 'succeeded',
      error: null,
      durationMs: report.durationMs,
    });
    return report;
  }

  /**
   * Files that need the importer's confirmation and did not get it: the reasons, as the run's failure; or
   * null when every file may load.
   */
  private async unconfirmed(): Promise<string | null> {
    const loaded = await listLoadedUnits(this.db, [
      ...new Set(this.checked.map((file) => file.unit.forceAreaId)),
    ]);
    const needed = findConfirmationsNeeded(
      this.checked.map((file) => ({
        file: file.report.file,
        force: file.report.force as string,
        ...file.unit,
        rows: file.report.rows,
      })),
      loaded,
    );
    const given = {
      'allow-empty': this.options.allowEmpty,
      'confirm-unusual': this.options.confirmUnusual,
    };
    this.confirmations = needed.filter((item) => given[item.needs] !== true);
    if (this.confirmations.length === 0) return null;
    // A file left "checked" with a problem is one that waits for confirmation (the run page says how).
    for (const item of this.confirmations) {
      const file = this.files.find((report) => report.file === item.file);
      if (file) file.error = item.reason;
    }
    return `${this.confirmations.map((item) => item.reason).join(' ')} Nothing was imported.`;
  }

  /** For the demo seed: leaves out files whose bytes are what their unit already holds. */
  private async leaveOutUnchanged(sources: PoliceUkSource[]): Promise<PoliceUkSource[]> {
    const units = await listLoadedUnits(this.db, [...this.forceIds.values()]);
    const loaded = new Map(units.map((unit) => [`${unit.forceAreaId}/${unit.kind}/${unit.month}`, unit]));
    const remaining: PoliceUkSource[] = [];
    for (const source of sources) {
      const forceAreaId = source.force === null ? undefined : this.forceIds.get(source.force);
      const unit =
        forceAreaId === undefined || source.nameKind === null || source.month === null
          ? undefined
          : loaded.get(`${forceAreaId}/${source.nameKind}/${source.month}-01`);
      if (unit && (await sha256Of(source)) === unit.sha256) {
        this.files.push({
          ...emptyFileReport(source.displayName),
          force: source.force,
          month: source.month,
          kind: unit.kind,
          sha256: unit.sha256,
          rows: unit.rows,
          status: 'unchanged',
        });
      } else {
        remaining.push(source);
      }
    }
    return remaining;
  }

  private async checkAll(sources: PoliceUkSource[]): Promise<void> {
    const progress: CheckingProgress = {
      totalBytes: sources.reduce((sum, source) => sum + source.size, 0) || 1,
      filesTotal: sources.length,
      bytesBefore: 0,
      rows: 0,
    };
    const units = new Map<string, string>();
    for (const [index, source] of sources.entries()) {
      const report = emptyFileReport(source.displayName);
      this.files.push(report);
      try {
        await this.checkFile(source, index, report, units, progress);
      } catch (error) {
        if (!(error instanceof PoliceUkInputError)) throw error;
        report.status = 'refused';
        report.error = this.hide(error.message);
      }
      progress.bytesBefore += source.size;
      this.emit({
        phase: 'checking',
        filesDone: index + 1,
        filesTotal: progress.filesTotal,
        fraction: Math.min(1, progress.bytesBefore / progress.totalBytes),
        rows: progress.rows,
        file: null,
      });
      await this.progressRecord({ filesDone: index + 1, rejectedRows: this.rejectedRows });
    }
  }

  /**
   * Checks one file and spools its rows and roll-ups; throws PoliceUkInputError for a file that is refused.
   * `units` maps each unit seen so far to the file that gave it.
   */
  private async checkFile(
    source: PoliceUkSource,
    index: number,
    report: ImportFileReport,
    units: Map<string, string>,
    progress: CheckingProgress,
  ): Promise<void> {
    const file = await openPoliceUkFile(source, { forces: this.forceIds.keys() });
    const forceAreaId = this.forceIds.get(file.force) as number;
    const unit: UnitKey = { forceAreaId, month: file.month, kind: file.kind };
    Object.assign(report, { force: file.force, month: file.month.slice(0, 7), kind: file.kind });
    const key = `${file.force} ${file.month.slice(0, 7)} ${file.kind}`;
    const other = units.get(key);
    if (other !== undefined) {
      file.close();
      throw new PoliceUkInputError(
        source.displayName,
        null,
        `holds the same force, month and kind (${key}) as ${other}; give each file once`,
      );
    }
    units.set(key, source.displayName);
    const spool = this.tempDir ? path.join(this.tempDir, `${index}.copy`) : null;
    const rollup = new UnitRollup(file.kind, forceAreaId, file.month);
    await this.spoolRows(file, spool, rollup, {
      index,
      name: source.displayName,
      prefix: `${forceAreaId}\t`,
      progress,
    });
    const summary = file.summary();
    Object.assign(report, {
      sha256: summary.sha256,
      bytes: summary.bytes,
      rows: summary.rows,
      rejectedRows: summary.rejectedRows,
      antiSocialBehaviourRows: summary.antiSocialBehaviourRows,
      rowsWithoutLocation: summary.rowsWithoutLocation,
      repeatedCrimeIds: summary.repeatedCrimeIds,
      status: 'checked',
    } satisfies Partial<ImportFileReport>);
    this.rejectedRows += summary.rejectedRows;
    this.rejectsByFile.set(report, summary.rejects);
    const rollups = await this.spoolRollups(rollup, index);
    this.checked.push({ report, unit, spool, rollups, fileId: null, rejects: summary.rejects });
  }

  /** Reads the file's rows into the roll-up and, unless this is a dry run, writes them to the spool as COPY text. */
  private async spoolRows(
    file: PoliceUkFile,
    spool: string | null,
    rollup: UnitRollup,
    at: { index: number; name: string; prefix: string; progress: CheckingProgress },
  ): Promise<void> {
    const { progress } = at;
    const handle = spool ? await fs.open(spool, 'w') : null;
    // COPY text waits here until there is about a megabyte of it: fewer, larger writes.
    let pending: string[] = [];
    let pendingLength = 0;
    try {
      for await (const batch of file.batches()) {
        rollup.add(batch);
        if (handle) {
          const text = toCopyText(batch, at.prefix);
          pending.push(text);
          pendingLength += text.length;
          if (pendingLength >= SPOOL_WRITE_CHARS) {
            await handle.write(pending.join(''));
            pending = [];
            pendingLength = 0;
          }
        }
        progress.rows += batch.length;
        this.emit({
          phase: 'checking',
          filesDone: at.index,
          filesTotal: progress.filesTotal,
          fraction: Math.min(1, (progress.bytesBefore + file.bytesRead()) / progress.totalBytes),
          rows: progress.rows,
          file: at.name,
        });
      }
      if (handle && pending.length > 0) await handle.write(pending.join(''));
    } finally {
      await handle?.close();
    }
  }

  /** Writes the unit's roll-up blocks beside its rows (none on a dry run). */
  private async spoolRollups(rollup: UnitRollup, index: number): Promise<CheckedFile['rollups']> {
    const rollups: CheckedFile['rollups'] = [];
    if (!this.tempDir) return rollups;
    for (const block of rollup.blocks()) {
      const rollupSpool = path.join(this.tempDir, `${index}.${block.target.table}.copy`);
      await fs.writeFile(rollupSpool, block.text);
      rollups.push({ target: block.target, spool: rollupSpool });
    }
    return rollups;
  }

  private async recordFiles(): Promise<void> {
    if (this.runId === null) return;
    const ids = await insertImportFiles(
      this.db,
      this.runId,
      this.files.map((file, position) => ({
        position,
        displayName: file.file,
        forceAreaId: file.force === null ? null : (this.forceIds.get(file.force) ?? null),
        month: file.month === null ? null : `${file.month}-01`,
        kind: file.kind,
        sha256: file.sha256,
        bytes: file.bytes,
        rows: file.rows,
        rejectedRows: file.rejectedRows,
        antiSocialBehaviourRows: file.antiSocialBehaviourRows,
        rowsWithoutLocation: file.rowsWithoutLocation,
        repeatedCrimeIds: file.repeatedCrimeIds,
        status: file.status,
        error: file.error,
        rejects: this.rejectsByFile.get(file) ?? [],
      })),
    );
    for (const checked of this.checked) checked.fileId = ids[this.files.indexOf(checked.report)] ?? null;
  }

  private async loadAll(): Promise<void> {
    const runId = this.runId as number;
    const totalRows = this.checked.reduce((sum, file) => sum + file.report.rows, 0) || 1;
    const loaded: Record<PoliceUkKind, number> = { street: 0, outcomes: 0, 'stop-and-search': 0 };
    await this.progressRecord({ phase: 'loading', filesTotal: this.checked.length, filesDone: 0 });
    for (const [index, file] of this.checked.entries()) {
      const fileId = file.fileId as number;
      const started = performance.now();
      this.emit({
        phase: 'loading',
        filesDone: index,
        filesTotal: this.checked.length,
        fraction: sumRows(loaded) / totalRows,
        rows: sumRows(loaded),
        file: file.report.file,
      });
      try {
        await this.context.database.sql.transaction(async (tx) => {
          await lockPoliceUkUnit(tx, file.unit);
          const before = await findPoliceUkUnit(tx, file.unit);
          await deletePoliceUkUnitData(tx, file.unit);
          const copied = file.spool
            ? await copyPoliceUkRecords(tx, file.unit.kind, createReadStream(file.spool, SPOOL_READ))
            : 0;
          if (copied !== file.report.rows) {
            throw new Error(`${copied} rows were loaded but ${file.report.rows} were checked`);
          }
          for (const rollup of file.rollups)
            await copyPoliceUkRollup(tx, rollup.target, createReadStream(rollup.spool, SPOOL_READ));
          const counted = await countRolledUpRecords(tx, file.unit);
          if (counted !== copied) throw new Error(`the roll-ups count ${counted} rows, not ${copied}`);
          await upsertPoliceUkUnit(tx, file.unit, {
            importFileId: fileId,
            sha256: file.report.sha256 as string,
            rows: copied,
          });
          await markImportFileLoaded(tx, fileId, {
            durationMs: Math.round(performance.now() - started),
            replacedFileId: before?.importFileId ?? null,
          });
        });
      } catch (error) {
        const message = this.hide(messageOf(error));
        file.report.status = 'failed';
        file.report.error = message;
        await markImportFileFailed(this.db, fileId, message).catch(() => {});
        const done = this.checked.slice(0, index).length;
        throw new Error(
          `Loading ${file.report.file} failed: ${sentence(message)} ` +
            (done > 0
              ? `The ${count(done, 'file', 'files')} before it ${done === 1 ? 'was' : 'were'} loaded; the rest were not.`
              : 'Nothing was loaded.'),
        );
      }
      file.report.status = 'loaded';
      this.emit({
        phase: 'loading',
        filesDone: index + 1,
        filesTotal: this.checked.length,
        fraction: (sumRows(loaded) + file.report.rows) / totalRows,
        rows: sumRows(loaded) + file.report.rows,
        file: null,
      });
      for (const spool of [file.spool, ...file.rollups.map((rollup) => rollup.spool)])
        if (spool) await fs.rm(spool, { force: true });
      loaded[file.unit.kind] += file.report.rows;
      await updateImportRunProgress(this.db, runId, {
        filesDone: index + 1,
        streetRows: loaded.street,
        outcomeRows: loaded.outcomes,
        stopAndSearchRows: loaded['stop-and-search'],
      });
    }
  }

  /**
   * A run that fails while loading keeps the units loaded before the failure (each whole). What depends on
   * them (the lookup from LSOA names, other modules' derived figures) is brought up to date for those units
   * too, and the loading error stays the one reported.
   */
  private async finishAfterFailure(error: unknown): Promise<never> {
    const loaded = this.checked.filter((file) => file.report.status === 'loaded');
    if (loaded.length > 0) {
      try {
        await this.finish(loaded);
      } catch (later) {
        throw new Error(
          `${sentence(messageOf(error))} Bringing up to date what depends on the files loaded also failed: ${sentence(messageOf(later))}`,
        );
      }
    }
    throw error;
  }

  /** Derives the lookup, analyses the tables and rebuilds what other modules derive, for the files loaded. */
  private async finish(files: readonly CheckedFile[]): Promise<void> {
    const runId = this.runId as number;
    this.emit({
      phase: 'finishing',
      filesDone: files.length,
      filesTotal: this.checked.length,
      fraction: 1,
      rows: files.reduce((sum, file) => sum + file.report.rows, 0),
      file: null,
    });
    await updateImportRunProgress(this.db, runId, { phase: 'finishing' });
    const streetUnits = files.filter((file) => file.unit.kind === 'street').map((file) => file.unit);
    const forceAreaIds = [...new Set(streetUnits.map((unit) => unit.forceAreaId))];
    for (const forceAreaId of forceAreaIds) {
      const months = streetUnits.filter((unit) => unit.forceAreaId === forceAreaId).map((unit) => unit.month);
      await deriveLsoaAuthoritiesFromNames(this.context.database, this.context.areas, forceAreaId, months);
    }
    await vacuumAnalysePoliceUk(this.context.database.sql, new Set(files.map((file) => file.unit.kind)));
    await this.context.afterLoad?.([...new Set(files.map((file) => file.unit.forceAreaId))]);
    await recordAudit(this.db, this.actor, {
      action: 'create',
      recordType: 'police_uk_import_run',
      recordId: runId,
      after: {
        files: files.map((file) => ({
          file: file.report.file,
          unit: `${file.report.force} ${file.report.month} ${file.report.kind}`,
          sha256: file.report.sha256,
          rows: file.report.rows,
        })),
      },
    });
  }

  private emit(progress: ImportProgress): void {
    this.options.onProgress?.(progress);
  }

  private async progressRecord(patch: Parameters<typeof updateImportRunProgress>[2]): Promise<void> {
    if (this.runId !== null) await updateImportRunProgress(this.db, this.runId, patch);
  }

  private async fail(message: string): Promise<ImportReport> {
    const report = this.report('failed', message);
    if (this.runId !== null) {
      await finishImportRun(this.db, this.runId, {
        status: 'failed',
        error: message,
        durationMs: report.durationMs,
      }).catch(() => {});
    }
    return report;
  }

  private report(status: ImportReport['status'], error: string | null): ImportReport {
    const durationMs = Math.round(performance.now() - this.started);
    const rows: Record<PoliceUkKind, number> = { street: 0, outcomes: 0, 'stop-and-search': 0 };
    for (const file of this.files) {
      if (file.kind && (file.status === 'checked' || file.status === 'loaded')) rows[file.kind] += file.rows;
    }
    const rejects = this.files.flatMap((file) => this.rejectsByFile.get(file) ?? []);
    const result: ImportReport = {
      runId: this.runId,
      status,
      dryRun: this.options.dryRun === true,
      durationMs,
      files: this.files,
      skipped: this.skipped,
      ignored: this.ignored,
      rows,
      rejectedRows: this.rejectedRows,
      rejects: rejects.slice(0, REJECTS_IN_REPORT),
      confirmations: this.confirmations,
      error,
    };
    return result;
  }
}

const SPOOL_READ = { highWaterMark: 1024 * 1024 };
const SPOOL_WRITE_CHARS = 1024 * 1024;

/** A run with no progress for this long, and not this process's, was left by a process that stopped. */
const ABANDONED_AFTER_MINUTES = 10;

/** Temporary folders are named after the process that made them, so another can tell when they are left over. */
export function tempDirPrefix(purpose: 'import' | 'upload'): string {
  return `peelian-${purpose}-${process.pid}-`;
}

/** Removes spool and upload folders left by processes that are no longer running. */
async function removeAbandonedTempDirs(): Promise<void> {
  const names = await fs.readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^peelian-(?:import|upload)-(\d+)-/.exec(name);
    if (!match || isProcessRunning(Number(match[1]))) continue;
    await fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true }).catch(() => {});
  }
}

function emptyFileReport(file: string): ImportFileReport {
  return {
    file,
    force: null,
    month: null,
    kind: null,
    sha256: null,
    bytes: null,
    rows: 0,
    rejectedRows: 0,
    antiSocialBehaviourRows: 0,
    rowsWithoutLocation: 0,
    repeatedCrimeIds: 0,
    status: 'refused',
    error: null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ends a message with a full stop if it has none. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function sumRows(rows: Record<PoliceUkKind, number>): number {
  return POLICE_UK_KINDS.reduce((sum, kind) => sum + rows[kind], 0);
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

async function sha256Of(source: PoliceUkSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await source.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
