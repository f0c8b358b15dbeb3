import type { z } from 'zod';
import { londonDateTimeOf, MONTH_NAMES } from '../../kernel/calendar/index.ts';
import { plural } from '../../kernel/formats/words.ts';
import { renderMonthlyTotalsChart } from './performance.charts.ts';
import { performancePaths } from './performance.paths.ts';
import type { ImportRunJson } from './performance.schemas.ts';
import type { ImportRunStatus } from './performance.tables.ts';
import type { PoliceUkKind } from './police-uk/index.ts';
import type { ForceCoverage } from './police-uk-data.queries.ts';
import { describeMonths, type ForceData, type ImportRunDetail } from './police-uk-data.service.ts';
import type { ImportFileRow, ImportRunRow } from './police-uk-import.queries.ts';

/** `2025-01-01` or `2025-01` → `January 2025`. */
export function monthLong(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `2025-01-01` → `Jan 2025`. */
export function monthShort(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]?.slice(0, 3)} ${month.slice(0, 4)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** An instant as London wall-clock time, e.g. `2025-01-31 14:05`. */
export function formatInstant(instant: Date): string {
  const { date, time } = londonDateTimeOf(instant);
  return `${date} ${time.slice(0, 5)}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

const KIND_LABEL: Record<PoliceUkKind, string> = {
  street: 'Street-level crime',
  outcomes: 'Outcomes',
  'stop-and-search': 'Stop and search',
};

type Cell = { text?: string; html?: string; format?: 'numeric'; classes?: string };

/** A month with no police.uk file loaded: not a count of zero. */
const NOT_LOADED: Cell = {
  html: '<span aria-hidden="true">–</span><span class="govuk-visually-hidden">not loaded</span>',
  format: 'numeric',
};

const numeric = (n: number): Cell => ({ text: formatCount(n), format: 'numeric' });

// ---- The list of forces ----

export function toForceIndexView(forces: { slug: string; name: string; coverage: ForceCoverage[] }[]) {
  return {
    forces: forces.map((force) => {
      const street = force.coverage.find((row) => row.kind === 'street');
      return {
        slug: force.slug,
        name: force.name,
        hasData: force.coverage.length > 0,
        summary: street
          ? `${street.months} ${street.months === 1 ? 'month' : 'months'} of street-level crime, ${monthLong(street.firstMonth)} to ${monthLong(street.lastMonth)}`
          : 'No police.uk data loaded yet',
      };
    }),
  };
}

// ---- A force's page ----

export function toForcePageView(data: ForceData) {
  const { force, units, year } = data;
  const streetMonths = units.filter((unit) => unit.kind === 'street').map((unit) => unit.month);
  const years = [...new Set(streetMonths.map((month) => Number(month.slice(0, 4))))].sort((a, b) => a - b);
  const grid = yearGrid(streetMonths, year);
  const { months, loadedMonths } = grid;
  const crimeTypes = crimeTypeTable(data, grid);
  const lastLoaded = units.reduce<Date | null>(
    (latest, unit) => (latest === null || unit.loadedAt > latest ? unit.loadedAt : latest),
    null,
  );

  return {
    force: { slug: force.slug, name: force.name },
    hasData: units.length > 0,
    year,
    years: years.map((value) => ({ year: value, current: value === year })),
    monthHeads: months.map((month) => ({ text: monthShort(month), format: 'numeric' as const })),
    chart:
      loadedMonths.size > 0 && year !== null
        ? renderMonthlyTotalsChart({
            label: `Line chart of all crimes recorded in ${force.name} each month of ${year}${loadedMonths.size < 12 ? ' (the line breaks at months not loaded)' : ''}. The table below gives every figure.`,
            unit: 'crimes',
            months: months.map((month, index) => ({
              month,
              total: loadedMonths.has(month) ? (crimeTypes.totals[index] ?? 0) : null,
            })),
          })
        : null,
    monthsNotLoaded: months.filter((month) => !loadedMonths.has(month)).length,
    headline: headlineOf(force.name, grid, crimeTypes),
    crimeTypeRows: crimeTypes.rows,
    authorityRows: authorityRows(data, grid),
    kinds: kindsLoaded(units),
    outcomes: data.latestOutcomes ? outcomesSummary(data.latestOutcomes) : null,
    lastLoaded: lastLoaded ? formatInstant(lastLoaded) : null,
    units: units.map((unit) => [
      { text: monthShort(unit.month) },
      { text: KIND_LABEL[unit.kind] },
      numeric(unit.rows),
      { text: formatInstant(unit.loadedAt) },
      { text: unit.sha256.slice(0, 12) },
    ]),
  };
}

/** The twelve months of the page's year, and which of them hold street-level data. */
interface YearGrid {
  months: string[];
  loadedMonths: Set<string>;
  countCell(month: string, count: number | undefined): Cell;
  yearTotal(byMonth: Map<string, number>): number;
}

function yearGrid(streetMonths: string[], year: ForceData['year']): YearGrid {
  const loadedMonths = new Set(streetMonths.filter((month) => Number(month.slice(0, 4)) === year));
  // Every month of the year gets a column, loaded or not, so the table and chart always read January to December.
  const months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}-01`);
  return {
    months,
    loadedMonths,
    countCell: (month, count) => (loadedMonths.has(month) ? numeric(count ?? 0) : NOT_LOADED),
    yearTotal: (byMonth) => months.reduce((sum, month) => sum + (byMonth.get(month) ?? 0), 0),
  };
}

/** Crimes by type and month, with the monthly totals and anti-social behaviour beneath. */
function crimeTypeTable(data: ForceData, grid: YearGrid) {
  const { months, countCell, yearTotal } = grid;
  const crimes = new Map<string, Map<string, number>>();
  for (const row of data.crimesByType) {
    const byMonth = crimes.get(row.key) ?? new Map<string, number>();
    byMonth.set(row.month, row.count);
    crimes.set(row.key, byMonth);
  }
  const types = [...crimes.entries()]
    .filter(([, byMonth]) => yearTotal(byMonth) > 0)
    .sort(([a, x], [b, y]) => yearTotal(y) - yearTotal(x) || (a < b ? -1 : 1));
  const totals = months.map((month) =>
    types.reduce((sum, [, byMonth]) => sum + (byMonth.get(month) ?? 0), 0),
  );
  const asb = new Map(data.antiSocialBehaviour.map((row) => [row.month, row.count]));
  const rows: Cell[][] = [
    ...types.map(([type, byMonth]) => [
      { text: type },
      ...months.map((month) => countCell(month, byMonth.get(month))),
    ]),
    [
      { text: 'All crimes', classes: 'govuk-!-font-weight-bold' },
      ...months.map((month, index) => countCell(month, totals[index])),
    ],
    [
      { text: 'Anti-social behaviour (not a crime: not in the total)' },
      ...months.map((month) => countCell(month, asb.get(month))),
    ],
  ];
  return { rows, totals, asb };
}

function authorityRows(data: ForceData, grid: YearGrid): Cell[][] {
  const authorities = new Map<string, { label: string; byMonth: Map<string, number>; order: number }>();
  for (const row of data.crimesByAuthority) {
    const [key, label, order] = row.lsoaMissing
      ? ['~none', 'No location given', 2]
      : row.localAuthorityCode === null
        ? ['~unmatched', 'Not matched to a local authority', 1]
        : [row.localAuthorityCode, row.localAuthorityName ?? row.localAuthorityCode, 0];
    const entry = authorities.get(key) ?? { label, byMonth: new Map<string, number>(), order };
    entry.byMonth.set(row.month, (entry.byMonth.get(row.month) ?? 0) + row.count);
    authorities.set(key, entry);
  }
  return [...authorities.values()]
    .filter((entry) => grid.yearTotal(entry.byMonth) > 0)
    .sort((a, b) => a.order - b.order || (a.label < b.label ? -1 : 1))
    .map((entry) => [
      { text: entry.label },
      ...grid.months.map((month) => grid.countCell(month, entry.byMonth.get(month))),
    ]);
}

/** A sentence on the latest month loaded, or null when the year has none. */
function headlineOf(
  forceName: string,
  grid: YearGrid,
  crimeTypes: ReturnType<typeof crimeTypeTable>,
): string | null {
  const latestMonth = [...grid.loadedMonths].sort().at(-1);
  if (latestMonth === undefined) return null;
  const latestIndex = grid.months.indexOf(latestMonth);
  return (
    `In ${monthLong(latestMonth)}, police.uk recorded ${plural(crimeTypes.totals[latestIndex] ?? 0, 'crime', 'crimes')} in ${forceName}, ` +
    `and, separately, ${plural(crimeTypes.asb.get(latestMonth) ?? 0, 'incident', 'incidents')} of anti-social behaviour.`
  );
}

/** What is loaded of each kind of file: months and rows. */
function kindsLoaded(units: ForceData['units']) {
  return (['street', 'outcomes', 'stop-and-search'] as const).flatMap((kind) => {
    const ofKind = units.filter((unit) => unit.kind === kind);
    if (ofKind.length === 0) return [];
    const rows = ofKind.reduce((sum, unit) => sum + unit.rows, 0);
    return [
      {
        key: { text: KIND_LABEL[kind] },
        value: {
          text: `${ofKind.length} ${ofKind.length === 1 ? 'month' : 'months'} (${describeMonths(ofKind.map((unit) => unit.month.slice(0, 7)))}), ${formatCount(rows)} rows`,
        },
      },
    ];
  });
}

/** The latest month's outcomes by type, and how many match a crime loaded. */
function outcomesSummary(latest: NonNullable<ForceData['latestOutcomes']>) {
  const byType = new Map<string, { all: number; matched: number }>();
  for (const row of latest.rows) {
    const entry = byType.get(row.outcomeType) ?? { all: 0, matched: 0 };
    entry.all += row.count;
    if (row.crimeType !== null) entry.matched += row.count;
    byType.set(row.outcomeType, entry);
  }
  const all = [...byType.values()].reduce((sum, entry) => sum + entry.all, 0);
  const matched = [...byType.values()].reduce((sum, entry) => sum + entry.matched, 0);
  return {
    month: monthLong(latest.month),
    summary:
      `${formatCount(all)} outcomes were recorded in ${monthLong(latest.month)}. ` +
      `${formatCount(matched)} of them match, by Crime ID, a crime in the street-level data loaded for the same or an earlier month; ` +
      'the rest concern crimes from months not loaded here.',
    rows: [...byType.entries()]
      .sort(([a, x], [b, y]) => y.all - x.all || (a < b ? -1 : 1))
      .map(([type, entry]) => [{ text: type }, numeric(entry.all), numeric(entry.matched)]),
  };
}

// ---- Import runs ----

const STATUS_TAG: Record<ImportRunStatus, { text: string; classes: string }> = {
  running: { text: 'Running', classes: 'govuk-tag--blue' },
  succeeded: { text: 'Succeeded', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

const ORIGIN_LABEL = { 'command-line': 'Command line', upload: 'Upload', 'demo-seed': 'Demo data' } as const;

const PHASE_TEXT = {
  waiting: 'Waiting for another import to finish',
  checking: 'Checking every file',
  loading: 'Loading',
  finishing: 'Finishing',
  done: 'Done',
} as const;

/** How far a run has got, for the progress bar and its text (checking is the first half, loading the second). */
export function runProgress(run: ImportRunRow) {
  const share = run.filesTotal === 0 ? 0 : run.filesDone / run.filesTotal;
  const percent =
    run.status !== 'running'
      ? 100
      : run.phase === 'checking'
        ? Math.floor(share * 50)
        : run.phase === 'loading'
          ? 50 + Math.floor(share * 49)
          : run.phase === 'finishing'
            ? 99
            : 0;
  const text =
    run.status === 'succeeded'
      ? 'Finished: every file was loaded.'
      : run.status === 'failed'
        ? `Failed: ${run.error ?? 'see the files below.'}`
        : run.phase === 'checking' || run.phase === 'loading'
          ? `${PHASE_TEXT[run.phase]}: ${run.filesDone} of ${run.filesTotal} ${run.filesTotal === 1 ? 'file' : 'files'} done.`
          : `${PHASE_TEXT[run.phase]}.`;
  return { status: run.status, phase: run.phase, percent, text, done: run.status !== 'running' };
}

function runRowsText(run: ImportRunRow): string {
  const parts = [
    run.streetRows > 0 ? `${formatCount(run.streetRows)} street` : null,
    run.outcomeRows > 0 ? `${formatCount(run.outcomeRows)} outcomes` : null,
    run.stopAndSearchRows > 0 ? `${formatCount(run.stopAndSearchRows)} stop and search` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'None' : parts.join(', ');
}

export function toImportRunsView(list: {
  runs: { run: ImportRunRow; files: ImportFileRow[] }[];
  total: number;
  page: number;
  perPage: number;
}) {
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));
  return {
    rows: list.runs.map(({ run, files }) => [
      {
        html: `<a class="govuk-link" href="${performancePaths.importRun({ id: run.id })}">Run ${run.id}</a>`,
      },
      { text: formatInstant(run.startedAt) },
      { text: run.actorLabel },
      { text: ORIGIN_LABEL[run.origin] },
      { text: `${files.length}`, format: 'numeric' },
      { text: runRowsText(run) },
      numeric(run.rejectedRows),
      {
        html: `<strong class="govuk-tag ${STATUS_TAG[run.status].classes}">${STATUS_TAG[run.status].text}</strong>`,
      },
    ]),
    total: list.total,
    pagination: {
      previous: list.page > 1 ? { href: performancePaths.imports({}, { page: list.page - 1 }) } : undefined,
      next: list.page < pages ? { href: performancePaths.imports({}, { page: list.page + 1 }) } : undefined,
      page: list.page,
      pages,
    },
  };
}

const FILE_STATUS_TEXT = {
  checked: 'Checked, not loaded',
  loaded: 'Loaded',
  unchanged: 'Already loaded',
  refused: 'Refused',
  failed: 'Loading failed',
} as const;

export function toImportRunView(detail: ImportRunDetail) {
  const { run } = detail;
  return {
    run: {
      id: run.id,
      status: STATUS_TAG[run.status],
      summary: [
        { key: { text: 'Started' }, value: { text: formatInstant(run.startedAt) } },
        {
          key: { text: 'By' },
          value: { text: `${run.actorLabel} (${ORIGIN_LABEL[run.origin].toLowerCase()})` },
        },
        {
          key: { text: 'Finished' },
          value: {
            text: run.finishedAt
              ? `${formatInstant(run.finishedAt)}, after ${formatDuration(run.durationMs)}`
              : 'Not yet',
          },
        },
        { key: { text: 'Rows loaded' }, value: { text: runRowsText(run) } },
        {
          key: { text: 'Rejected rows' },
          value: { text: `${formatCount(run.rejectedRows)} (${formatCount(run.allowedRejects)} allowed)` },
        },
      ],
      error: run.error,
      /** Files checked but held back with a problem are waiting for the importer's confirmation. */
      needsConfirmation:
        run.status === 'failed' &&
        detail.files.some((file) => file.status === 'checked' && file.error !== null),
    },
    progress: runProgress(run),
    files: detail.files.map((file) => ({
      name: file.displayName,
      unit:
        file.kind && file.month && file.forceSlug
          ? `${file.forceSlug}, ${monthLong(file.month)}, ${KIND_LABEL[file.kind].toLowerCase()}`
          : 'Not known',
      sha256: file.sha256,
      bytes: file.bytes === null ? null : formatCount(file.bytes),
      rows: formatCount(file.rows),
      rejectedRows: formatCount(file.rejectedRows),
      antiSocialBehaviourRows: formatCount(file.antiSocialBehaviourRows),
      rowsWithoutLocation: formatCount(file.rowsWithoutLocation),
      status: FILE_STATUS_TEXT[file.status],
      error: file.error,
      duration: formatDuration(file.durationMs),
      rejects: detail.rejects
        .filter((reject) => reject.fileId === file.id)
        .map((reject) => [
          { text: String(reject.line), format: 'numeric' },
          { text: reject.column ?? '(whole row)' },
          { text: reject.value === '' ? '(blank)' : reject.value },
          { text: reject.reason },
        ]),
      moreRejects: file.rejectedRows > detail.rejects.filter((reject) => reject.fileId === file.id).length,
    })),
  };
}

/** The run as the status API gives it (polled by the run's page while it runs). */
export function toImportRunStatus(detail: ImportRunDetail): z.input<typeof ImportRunJson> {
  const { run } = detail;
  return {
    id: run.id,
    status: run.status,
    phase: run.phase,
    filesTotal: run.filesTotal,
    filesDone: run.filesDone,
    rows: { street: run.streetRows, outcomes: run.outcomeRows, 'stop-and-search': run.stopAndSearchRows },
    rejectedRows: run.rejectedRows,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    progress: runProgress(run),
    files: detail.files.map((file) => ({
      file: file.displayName,
      force: file.forceSlug,
      month: file.month?.slice(0, 7) ?? null,
      kind: file.kind,
      sha256: file.sha256,
      rows: file.rows,
      rejectedRows: file.rejectedRows,
      status: file.status,
      error: file.error,
    })),
  };
}
