import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { DomainError, ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import type { AreasService } from '../areas/index.ts';
import type { PerformanceDb as Db } from './performance.tables.ts';
import { ANTI_SOCIAL_BEHAVIOUR } from './police-uk/index.ts';
import { createCountsCache } from './police-uk-counts-cache.ts';
import {
  type CountBy,
  countOutcomesByCrimeType,
  countStreetRecordsBy,
  type KeyCount,
  listForceCoverage,
  listLoadedMonthFiles,
  listLoadedUnitDetails,
  listMonthlyAntiSocialBehaviour,
  listMonthlyCrimesByAuthority,
  listMonthlyCrimesByType,
} from './police-uk-data.queries.ts';
import {
  countImportRuns,
  findImportRun,
  type ImportFileRow,
  type ImportRejectRow,
  type ImportRunRow,
  listImportFiles,
  listImportRejects,
  listImportRuns,
} from './police-uk-import.queries.ts';

/** The month asked for has no street data; says which months do. */
export class MonthNotLoadedError extends DomainError {
  constructor(
    readonly force: string,
    readonly month: string,
    readonly loadedMonths: string[],
  ) {
    super(
      loadedMonths.length === 0
        ? `No police.uk street data is loaded for ${force}.`
        : `No police.uk street data is loaded for ${force} in ${month}. Loaded months: ${describeMonths(loadedMonths)}.`,
      404,
    );
  }
}

export interface StreetCounts {
  force: string;
  month: string;
  by: CountBy;
  counts: (KeyCount & { notACrime: boolean; label: string })[];
  totals: { records: number; crimes: number; antiSocialBehaviour: number };
}

/** A key in words, so that "no outcome recorded" and "no location" are never read as a missing value. */
function keyLabel(by: CountBy, key: string): string {
  if (key === ANTI_SOCIAL_BEHAVIOUR && by === 'outcome')
    return 'Anti-social behaviour: not a crime, so police.uk records no outcome for it';
  if (key !== '') return key;
  return by === 'outcome' ? 'No outcome recorded' : by === 'lsoa' ? 'No location' : 'No crime type';
}

/** The counts as the API sends them: each row flagged when it holds no crime, and the month's totals. */
function describeCounts(by: CountBy, rows: readonly KeyCount[]) {
  const sum = (pick: (row: KeyCount) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    counts: rows.map((row) => ({ ...row, notACrime: row.crimes === 0, label: keyLabel(by, row.key) })),
    totals: {
      records: sum((row) => row.count),
      crimes: sum((row) => row.crimes),
      antiSocialBehaviour: sum((row) => row.antiSocialBehaviour),
    },
  };
}

export interface ForceData {
  force: NonNullable<Awaited<ReturnType<AreasService['findForceArea']>>>;
  /** The year shown: the one asked for if it has street data, else the latest that has; null when none. */
  year: number | null;
  units: Awaited<ReturnType<typeof listLoadedUnitDetails>>;
  crimesByType: Awaited<ReturnType<typeof listMonthlyCrimesByType>>;
  antiSocialBehaviour: Awaited<ReturnType<typeof listMonthlyAntiSocialBehaviour>>;
  crimesByAuthority: Awaited<ReturnType<typeof listMonthlyCrimesByAuthority>>;
  /** Outcomes of the latest outcomes month loaded, joined to their crimes; null when none is loaded. */
  latestOutcomes: { month: string; rows: Awaited<ReturnType<typeof countOutcomesByCrimeType>> } | null;
}

export interface ImportRunDetail {
  run: ImportRunRow;
  files: (ImportFileRow & { forceSlug: string | null })[];
  rejects: ImportRejectRow[];
}

export type PoliceUkDataService = ReturnType<typeof createPoliceUkDataService>;

/** Reading what was imported: the counts API, the public force pages, and the record of import runs. */
export function createPoliceUkDataService(deps: { db: Db; areas: AreasService; policy: Policy }) {
  const context: PoliceUkDataContext = { ...deps, streetCounts: createCountsCache<KeyCount[]>() };
  return {
    countStreetRecords: (query: StreetCountsQuery) => countStreetRecords(context, query),
    listForcesWithData: () => listForcesWithData(context),
    forceData: (slug: string, requestedYear?: number) => forceData(context, slug, requestedYear),
    forceSeries: (slug: string) => forceSeries(context, slug),
    forceAuthoritySeries: (slug: string) => forceAuthoritySeries(context, slug),
    listRuns: (actor: Actor, page: number, perPage?: number) => listRuns(context, actor, page, perPage),
    getRun: (actor: Actor, runId: number, rejectLimit?: number) => getRun(context, actor, runId, rejectLimit),
  };
}

/** What the readers share: the service's deps and its cache of street counts. */
interface PoliceUkDataContext {
  db: Db;
  areas: AreasService;
  policy: Policy;
  streetCounts: ReturnType<typeof createCountsCache<KeyCount[]>>;
}

interface StreetCountsQuery {
  force: string;
  month: string;
  by: CountBy;
}

// One indexed row: the counts API asks on every request, and none of these readers needs the authorities.
async function forceBySlug({ areas }: PoliceUkDataContext, slug: string) {
  const force = await areas.findForceArea(slug);
  if (!force) throw new NotFoundError(`There is no force area "${slug}".`);
  return force;
}

/** Street records of a force and month (`YYYY-MM`) counted by crime type, outcome or LSOA. */
async function countStreetRecords(
  context: PoliceUkDataContext,
  query: StreetCountsQuery,
): Promise<StreetCounts> {
  const { db } = context;
  const force = await forceBySlug(context, query.force);
  const loaded = await listLoadedMonthFiles(db, force.id, 'street');
  const month = `${query.month}-01`;
  const unit = loaded.find((row) => row.month === month);
  if (!unit) {
    throw new MonthNotLoadedError(
      query.force,
      query.month,
      loaded.map((row) => row.month.slice(0, 7)),
    );
  }
  const counts = await context.streetCounts.get(`${force.id}/${month}/${query.by}`, unit.importFileId, () =>
    countStreetRecordsBy(db, force.id, month, query.by),
  );
  return { force: query.force, month: query.month, by: query.by, ...describeCounts(query.by, counts) };
}

/** Forces with police.uk data, for the index page. */
async function listForcesWithData({ db, areas }: PoliceUkDataContext) {
  const [forces, coverage] = await Promise.all([
    areas.listForceAreasWithAuthorities(),
    listForceCoverage(db),
  ]);
  return forces.map((force) => ({
    slug: force.slug,
    name: force.name,
    coverage: coverage.filter((row) => row.forceAreaId === force.id),
  }));
}

/**
 * What a force's page shows: every unit loaded, and the year asked for (the latest with street data when
 * that year has none) counted by crime type and by local authority, with the latest outcomes month.
 */
async function forceData(
  context: PoliceUkDataContext,
  slug: string,
  requestedYear?: number,
): Promise<ForceData> {
  const { db } = context;
  const force = await forceBySlug(context, slug);
  const units = await listLoadedUnitDetails(db, force.id);
  const year = chooseYear(
    units.filter((unit) => unit.kind === 'street').map((unit) => unit.month),
    requestedYear,
  );
  const range = year === null ? undefined : { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const [crimesByType, antiSocialBehaviour, crimesByAuthority] = await Promise.all([
    range ? listMonthlyCrimesByType(db, force.id, range) : [],
    listMonthlyAntiSocialBehaviour(db, force.id),
    range ? listMonthlyCrimesByAuthority(db, force.id, range) : [],
  ]);
  const latestOutcomeMonth = units.filter((unit) => unit.kind === 'outcomes').at(-1)?.month;
  const latestOutcomes = latestOutcomeMonth
    ? { month: latestOutcomeMonth, rows: await countOutcomesByCrimeType(db, force.id, latestOutcomeMonth) }
    : null;
  return { force, year, units, crimesByType, antiSocialBehaviour, crimesByAuthority, latestOutcomes };
}

/** Every month's crimes by type and anti-social behaviour, with the units loaded (for downloads). */
async function forceSeries(context: PoliceUkDataContext, slug: string) {
  const { db } = context;
  const force = await forceBySlug(context, slug);
  const [units, crimesByType, antiSocialBehaviour] = await Promise.all([
    listLoadedUnitDetails(db, force.id),
    listMonthlyCrimesByType(db, force.id),
    listMonthlyAntiSocialBehaviour(db, force.id),
  ]);
  return { force, units, crimesByType, antiSocialBehaviour };
}

/** Every month's crimes by local authority (for downloads). */
async function forceAuthoritySeries(context: PoliceUkDataContext, slug: string) {
  const { db } = context;
  const force = await forceBySlug(context, slug);
  return { force, crimesByAuthority: await listMonthlyCrimesByAuthority(db, force.id) };
}

function requireRead(policy: Policy, actor: Actor) {
  if (!policy.can(actor, 'imports:read')) throw new ForbiddenError();
}

async function slugsById(areas: AreasService): Promise<Map<number, string>> {
  return new Map((await areas.listForceAreasWithAuthorities()).map((force) => [force.id, force.slug]));
}

async function listRuns(context: PoliceUkDataContext, actor: Actor, page: number, perPage = 20) {
  requireRead(context.policy, actor);
  const { db } = context;
  const [runs, total, slugs] = await Promise.all([
    listImportRuns(db, perPage, (page - 1) * perPage),
    countImportRuns(db),
    slugsById(context.areas),
  ]);
  const files = await listImportFiles(
    db,
    runs.map((run) => run.id),
  );
  return {
    runs: runs.map((run) => ({
      run,
      files: withForceSlugs(
        files.filter((file) => file.runId === run.id),
        slugs,
      ),
    })),
    total,
    page,
    perPage,
  };
}

async function getRun(
  context: PoliceUkDataContext,
  actor: Actor,
  runId: number,
  rejectLimit = 200,
): Promise<ImportRunDetail> {
  requireRead(context.policy, actor);
  const { db } = context;
  const run = await findImportRun(db, runId);
  if (!run) throw new NotFoundError(`There is no import run ${runId}.`);
  const [files, slugs] = await Promise.all([listImportFiles(db, [runId]), slugsById(context.areas)]);
  const rejects = await listImportRejects(
    db,
    files.map((file) => file.id),
    rejectLimit,
  );
  return {
    run,
    files: withForceSlugs(files, slugs),
    rejects,
  };
}

function withForceSlugs(files: ImportFileRow[], slugs: Map<number, string>): ImportRunDetail['files'] {
  return files.map((file) => ({
    ...file,
    forceSlug: file.forceAreaId === null ? null : (slugs.get(file.forceAreaId) ?? null),
  }));
}

/** The year asked for if some month of it is loaded, else the latest year loaded (null when none is). */
export function chooseYear(months: readonly string[], requested?: number): number | null {
  const years = months.map((month) => Number(month.slice(0, 4)));
  if (requested !== undefined && years.includes(requested)) return requested;
  return years.length === 0 ? null : Math.max(...years);
}

/** "2021-11 to 2022-03, 2024-01 to 2024-04": runs of consecutive months. */
export function describeMonths(months: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const month of [...months].sort()) {
    const last = runs.at(-1);
    if (last && nextMonth(last[1]) === month) last[1] = month;
    else runs.push([month, month]);
  }
  return runs.map(([from, to]) => (from === to ? from : `${from} to ${to}`)).join(', ');
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
