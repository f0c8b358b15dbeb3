import {
  type DomainCommand,
  type DomainCommandContext,
  printResult,
  UsageError,
} from '../../kernel/cli/command.ts';
import type { PerformanceServices } from './performance.services.ts';
import type { PoliceUkReject } from './police-uk/index.ts';
import type { ImportProgress, ImportReport } from './police-uk-import.service.ts';

type PerformanceCommandServices = { performance: PerformanceServices };

/**
 * `peelian import police-uk <path>… [--dry-run] [--allow-rejects N] [--allow-empty] [--confirm-unusual]
 * [--force-area <slug>] [--json]`
 */
export async function runImportPoliceUk({
  options,
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<PerformanceCommandServices>): Promise<void> {
  if (positionals.length === 0)
    throw new UsageError('Give at least one CSV file, folder or police.uk zip archive to import.');
  const allowRejects = parseAllowRejects(options['allow-rejects']);
  const forceArea = typeof options['force-area'] === 'string' ? options['force-area'] : undefined;
  const progress = progressPrinter(process.stderr, stderr);
  const report = await withServices((services) =>
    services.performance.imports.importPoliceUk(actor, positionals, {
      origin: 'command-line',
      dryRun: options['dry-run'] === true,
      allowRejects,
      allowEmpty: options['allow-empty'] === true,
      confirmUnusual: options['confirm-unusual'] === true,
      ...(forceArea !== undefined ? { forceArea } : {}),
      onProgress: progress.update,
    }),
  );
  progress.done();
  for (const line of describeRejects(report.rejects, report.rejectedRows)) stderr(line);
  printResult({ options, stdout }, report, describeReport);
  if (report.status === 'failed')
    throw new Error(`${report.error ?? 'The import failed.'}${failureHint(report, allowRejects)}`);
}

/** The flag that would let a failed run through, when one would: more rejects allowed, or a confirmation. */
export function failureHint(report: ImportReport, allowRejects: number): string {
  if (report.confirmations.length > 0) {
    const flags = [...new Set(report.confirmations.map((item) => `--${item.needs}`))].sort();
    return ` To import ${report.confirmations.length === 1 ? 'it' : 'them'} anyway, add ${flags.join(' ')}.`;
  }
  if (report.rejectedRows > allowRejects && report.files.every((file) => file.status !== 'refused'))
    return ` To import the other rows, add --allow-rejects ${report.rejectedRows}.`;
  return '';
}

/** `peelian import lookup <csv> [--json]` */
export async function runImportLookup({
  options,
  positionals,
  stdout,
  withServices,
  actor,
}: DomainCommandContext<PerformanceCommandServices>): Promise<void> {
  const file = positionals[0];
  if (!file) throw new UsageError('Give the lookup CSV file to load.');
  const result = await withServices((services) =>
    services.performance.lookups.loadLsoaLookupFile(actor, file),
  );
  printResult({ options, stdout }, result, (loaded) => [
    `Loaded ${loaded.rows.toLocaleString('en-GB')} LSOAs in ${loaded.localAuthorities} local authorities` +
      (loaded.communitySafetyPartnerships > 0
        ? ` and ${loaded.communitySafetyPartnerships} community safety partnerships`
        : '') +
      ` from ${loaded.file} in ${(loaded.durationMs / 1000).toFixed(1)} s.`,
  ]);
}

function parseAllowRejects(value: string | boolean | undefined): number {
  if (value === undefined) return 0;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError(`--allow-rejects must be a whole number, not "${text}".`);
  return Number(text);
}

const PHASE_LABEL: Record<ImportProgress['phase'], string> = {
  checking: 'Checking',
  loading: 'Loading',
  finishing: 'Finishing',
};

/**
 * Progress on standard error: a bar redrawn in place on a terminal, otherwise one line as each phase
 * starts and as each file is done (so a log stays readable).
 */
export function progressPrinter(stream: NodeJS.WriteStream, line: (text: string) => void) {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let drawn = false;
  let lastPhase: string | null = null;
  let lastFilesDone = -1;

  function update(progress: ImportProgress): void {
    if (tty) {
      const now = Date.now();
      if (now - lastDraw < 100 && progress.phase === lastPhase) return;
      lastDraw = now;
      lastPhase = progress.phase;
      const columns = stream.columns ?? 80;
      stream.write(`\r\x1b[K${progressBar(progress, columns)}`);
      drawn = true;
      return;
    }
    if (progress.phase !== lastPhase) {
      lastPhase = progress.phase;
      lastFilesDone = progress.filesDone;
      line(
        `${PHASE_LABEL[progress.phase]} ${progress.filesTotal} ${progress.filesTotal === 1 ? 'file' : 'files'}…`,
      );
    }
    if (progress.filesDone !== lastFilesDone) {
      lastFilesDone = progress.filesDone;
      if (progress.filesDone > 0)
        line(
          `  ${progress.filesDone}/${progress.filesTotal} ${progress.phase === 'loading' ? 'loaded' : 'checked'}, ${progress.rows.toLocaleString('en-GB')} rows`,
        );
    }
  }

  function done(): void {
    if (tty && drawn) stream.write('\r\x1b[K');
  }

  return { update, done };
}

/** One line: phase, a bar, the percentage, files and rows, and the file in hand (cut to fit). */
export function progressBar(progress: ImportProgress, columns: number): string {
  const width = 24;
  const filled = Math.round(Math.min(1, Math.max(0, progress.fraction)) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const percent = `${Math.floor(progress.fraction * 100)}%`.padStart(4);
  const text = `${PHASE_LABEL[progress.phase].padEnd(9)} ${bar} ${percent}  ${progress.filesDone}/${progress.filesTotal} files  ${progress.rows.toLocaleString('en-GB')} rows`;
  const file = progress.file ? `  ${progress.file}` : '';
  const line = text + file;
  return line.length <= columns - 1 ? line : `${line.slice(0, Math.max(0, columns - 2))}…`;
}

/** The summary printed on standard output. */
export function describeReport(report: ImportReport): string[] {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const what = report.dryRun
    ? 'Dry run (nothing written)'
    : report.runId === null
      ? 'Import'
      : `Import run ${report.runId}`;
  const outcome =
    report.status === 'unchanged'
      ? 'nothing new to load'
      : report.status === 'failed'
        ? 'failed'
        : 'succeeded';
  const done = report.status === 'succeeded' && !report.dryRun ? 'loaded' : 'checked';
  const rows = `${report.rows.street.toLocaleString('en-GB')} street, ${report.rows.outcomes.toLocaleString('en-GB')} outcomes and ${report.rows['stop-and-search'].toLocaleString('en-GB')} stop-and-search rows ${done}`;
  const lines = [
    `${what}: ${outcome} in ${seconds} s. ${report.files.length} ${report.files.length === 1 ? 'file' : 'files'}; ${rows}; ${report.rejectedRows.toLocaleString('en-GB')} rejected.`,
  ];
  for (const file of report.files) {
    const unit = `${(file.month ?? '-').padEnd(7)}  ${(file.force ?? '-').padEnd(20)} ${(file.kind ?? '-').padEnd(15)}`;
    const counts = `${file.rows.toLocaleString('en-GB').padStart(9)} rows`;
    const sha = file.sha256 ? `sha256 ${file.sha256.slice(0, 12)}` : ''.padEnd(19);
    lines.push(`  ${file.status.padEnd(9)} ${unit} ${counts}  ${sha}  ${file.file}`);
  }
  if (report.skipped.length > 0) lines.push(`  skipped ${report.skipped.length} files of other forces.`);
  return lines;
}

/** The first rejected rows, one line each, for standard error. */
export function describeRejects(rejects: readonly PoliceUkReject[], total: number, shown = 20): string[] {
  const lines = rejects
    .slice(0, shown)
    .map(
      (reject) =>
        `${reject.file} line ${reject.line}${reject.column ? `, ${reject.column}` : ''}: "${reject.value}" ${reject.reason}`,
    );
  const problems = rejects.length;
  if (problems > shown)
    lines.push(`… and ${problems - shown} more problems (${total} rejected rows in all).`);
  return lines;
}

/** The commands this domain adds to `peelian`. */
export const PERFORMANCE_COMMANDS: DomainCommand<PerformanceCommandServices>[] = [
  {
    words: ['import', 'police-uk'],
    summary: 'Import police.uk CSV files, folders or zip archives (all checked before anything is written)',
    usage:
      'peelian import police-uk <path>… [--dry-run] [--allow-rejects N] [--allow-empty] [--confirm-unusual] [--force-area <slug>] [--json]',
    options: {
      'dry-run': { type: 'boolean' },
      'allow-rejects': { type: 'string' },
      'allow-empty': { type: 'boolean' },
      'confirm-unusual': { type: 'boolean' },
      'force-area': { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: Number.POSITIVE_INFINITY,
    optionHelp: [
      '--dry-run             check every file and report, writing nothing',
      '--allow-rejects N     import even if up to N rows are rejected (they are left out); default 0',
      '--allow-empty         load a file with no data rows over a month that holds data (empties it)',
      '--confirm-unusual     load a month under a quarter or over 4 times the force’s usual size',
      '--force-area <slug>   import only this force’s files (e.g. thames-valley); skip the others',
      '--json                print the report as JSON',
    ],
    run: runImportPoliceUk,
  },
  {
    words: ['import', 'lookup'],
    summary: 'Load an LSOA → local authority (and community safety partnership) lookup CSV',
    usage: 'peelian import lookup <csv> [--json]',
    options: { json: { type: 'boolean' } },
    positionals: 1,
    optionHelp: ['--json    print the result as JSON'],
    run: runImportLookup,
  },
];
