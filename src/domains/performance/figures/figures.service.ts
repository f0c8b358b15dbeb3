import { DomainError, NotFoundError } from '../../../kernel/errors.ts';
import type { AreasService } from '../../areas/index.ts';
import type { PerformanceDb as Db } from '../performance.tables.ts';
import type { PoliceUkKind } from '../police-uk/index.ts';
import { createCountsCache } from '../police-uk-counts-cache.ts';
import { listLoadedMonthFiles } from '../police-uk-data.queries.ts';
import {
  listAreaPopulations,
  listCrimeOutcomeCounts,
  listStopSearchGroups,
  type StopSearchGroup,
} from './figures.queries.ts';

/**
 * How many of a force's latest street months count as provisional for outcomes. A street file gives each
 * crime's latest outcome when the file was made, so a recent month's crimes are still mostly "Under
 * investigation" and will move to other outcomes as months pass: the figures are right-censored. The
 * research notes (research-performance.md §2.5 and §5, from the Home Office outcomes bulletin) give a median
 * of 98 days from record to outcome for rape, one of the slowest offences, and advise a lag; three months
 * covers that median. It is a judgement, not a published rule: police.uk states no lag of its own.
 */
export const PROVISIONAL_MONTHS = 3;

/** How many months a page shows when no period is asked for. */
export const DEFAULT_PERIOD_MONTHS = 12;

/** police.uk's "no further action" outcomes: the current label, and the one used before 2017 or so. */
const NO_FURTHER_ACTION = /no further action/i;

export const UNDER_INVESTIGATION = 'Under investigation';
export const NO_SUSPECT = 'Investigation complete; no suspect identified';

/** A period of whole months, `YYYY-MM`, both ends included. */
export interface PeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
}

export class PeriodError extends DomainError {
  constructor(message: string) {
    super(message, 400);
  }
}

/** The months a page covers (`YYYY-MM-01`, every calendar month, loaded or not) and which of them are loaded. */
export interface Period {
  from: string;
  to: string;
  months: string[];
  loaded: string[];
}

export interface KeyShare {
  key: string;
  count: number;
  /** Of all records in the period, 0 to 1. */
  share: number;
}

export interface Population {
  year: number;
  population: number;
  source: string;
}

export type PoliceUkFiguresService = ReturnType<typeof createPoliceUkFiguresService>;

/** The public stop and search and outcomes figures of a force, for a period of months. */
export function createPoliceUkFiguresService(base: { db: Db; areas: AreasService }) {
  const deps: Deps = {
    ...base,
    searches: createCountsCache<StopSearchGroup[]>(100),
    outcomes: createCountsCache<Awaited<ReturnType<typeof listCrimeOutcomeCounts>>>(100),
  };
  return {
    stopAndSearch: (slug: string, query: PeriodQuery = {}) => stopAndSearch(deps, slug, query),
    crimeOutcomes: (slug: string, query: PeriodQuery = {}) => crimeOutcomes(deps, slug, query),
  };
}

/**
 * The period's counts are kept in memory (as the counts API's are) while no month of the kind is reloaded:
 * summing a year of Thames Valley's crime roll-up took 150–300 ms on a busy machine. Every load records a new
 * import file, so the highest import file id of the force's months of the kind is the version.
 */
type Deps = {
  db: Db;
  areas: AreasService;
  searches: ReturnType<typeof createCountsCache<StopSearchGroup[]>>;
  outcomes: ReturnType<typeof createCountsCache<Awaited<ReturnType<typeof listCrimeOutcomeCounts>>>>;
};

async function forceWithMonths({ db, areas }: Deps, slug: string, kind: PoliceUkKind) {
  const force = await areas.findForceArea(slug);
  if (!force) throw new NotFoundError(`There is no force area "${slug}".`);
  const files = await listLoadedMonthFiles(db, force.id, kind);
  const version = files.reduce((highest, row) => Math.max(highest, row.importFileId), 0);
  return { force, loaded: files.map((row) => row.month), version };
}

const cacheKey = (forceAreaId: number, period: Period) => `${forceAreaId}/${period.from}/${period.to}`;

/**
 * Stop and search of a force in a period: searches each month, and the period's searches by type, object of
 * search, outcome, ethnicity (self-defined and officer-defined), age and gender. Rates per 1,000 residents
 * are given for all searches only, and for a breakdown whose denominator is every resident (type, object,
 * outcome). No rate is given by ethnicity, age or gender: that needs residents by ethnicity, age or gender,
 * which Peelian does not hold, and a rate over all residents would misstate disproportionality.
 */
async function stopAndSearch(deps: Deps, slug: string, query: PeriodQuery) {
  const { force, loaded, version } = await forceWithMonths(deps, slug, 'stop-and-search');
  // A force outside the PCC model (British Transport Police) has no ONS area, so no residents to rate by.
  const populations = force.gssCode ? await listAreaPopulations(deps.db, force.gssCode) : [];
  const period = choosePeriod(loaded, query);
  const groups = period
    ? await deps.searches.get(cacheKey(force.id, period), version, () =>
        listStopSearchGroups(deps.db, force.id, rangeOf(period)),
      )
    : [];
  const populationOf = new Map(populations.map((row) => [row.year, row.population]));
  const monthly = (period?.months ?? []).map((month) => {
    const searches = period?.loaded.includes(month)
      ? groups.filter((group) => group.month === month).reduce((sum, group) => sum + group.count, 0)
      : null;
    const population = populationOf.get(Number(month.slice(0, 4))) ?? null;
    return {
      month,
      searches,
      population,
      ratePer1000: searches !== null && population !== null ? (searches * 1000) / population : null,
    };
  });
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const noFurtherAction = groups
    .filter((group) => NO_FURTHER_ACTION.test(group.outcome))
    .reduce((sum, group) => sum + group.count, 0);
  // The period's residents: the average over its loaded months of each month's year, so that a period
  // across two years weighs each year by its months. No rate when any loaded month's year has no figure.
  const loadedPopulations = monthly.filter((row) => row.searches !== null).map((row) => row.population);
  const residents =
    loadedPopulations.length > 0 && loadedPopulations.every((value) => value !== null)
      ? (loadedPopulations as number[]).reduce((sum, value) => sum + value, 0) / loadedPopulations.length
      : null;
  const by = (pick: (group: StopSearchGroup) => string) => breakdown(groups, pick, total);
  return {
    force: { slug: force.slug, name: force.name },
    loadedMonths: loaded,
    period,
    monthly,
    total,
    noFurtherAction,
    residents,
    ratePer1000: residents === null || total === 0 ? null : (total * 1000) / residents,
    populations: populations.filter((row) => monthly.some((month) => month.month.startsWith(`${row.year}-`))),
    byType: by((group) => group.type),
    byObjectOfSearch: by((group) => group.objectOfSearch),
    byOutcome: by((group) => group.outcome),
    bySelfDefinedEthnicity: by((group) => group.selfDefinedEthnicity),
    byOfficerDefinedEthnicity: by((group) => group.officerDefinedEthnicity),
    byAgeRange: by((group) => group.ageRange),
    byGender: by((group) => group.gender),
  };
}

export type StopAndSearchFigures = Awaited<ReturnType<typeof stopAndSearch>>;

function breakdown(
  groups: readonly StopSearchGroup[],
  pick: (group: StopSearchGroup) => string,
  total: number,
): KeyShare[] {
  const counts = new Map<string, number>();
  for (const group of groups) counts.set(pick(group), (counts.get(pick(group)) ?? 0) + group.count);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count, share: count / total }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

export interface OutcomeMonth {
  month: string;
  /** Null when the month's street file is not loaded. */
  crimes: number | null;
  underInvestigation: number;
  noSuspect: number;
  provisional: boolean;
}

export interface CrimeTypeOutcomes {
  crimeType: string;
  crimes: number;
  underInvestigation: number;
  noSuspect: number;
  /** Crimes with no outcome recorded (a blank last outcome category). */
  noOutcome: number;
  /** Of the crimes, those recorded in a provisional month. */
  provisionalCrimes: number;
}

/**
 * Crimes recorded in a period by type and the latest outcome police.uk gives each (the street files' "Last
 * outcome category"), with the latest months marked provisional. Anti-social behaviour is not a crime and has
 * no outcomes, so it is not here at all (it lives in its own roll-up).
 */
async function crimeOutcomes(deps: Deps, slug: string, query: PeriodQuery) {
  const { force, loaded, version } = await forceWithMonths(deps, slug, 'street');
  const period = choosePeriod(loaded, query);
  const rows = period
    ? await deps.outcomes.get(cacheKey(force.id, period), version, () =>
        listCrimeOutcomeCounts(deps.db, force.id, rangeOf(period)),
      )
    : [];
  const latest = loaded.at(-1);
  const provisionalFrom = latest ? addMonths(latest, 1 - PROVISIONAL_MONTHS) : null;
  const isProvisional = (month: string) => provisionalFrom !== null && month >= provisionalFrom;

  const monthly: OutcomeMonth[] = (period?.months ?? []).map((month) => {
    const ofMonth = rows.filter((row) => row.month === month);
    const sum = (outcome?: string) =>
      ofMonth
        .filter((row) => outcome === undefined || row.outcome === outcome)
        .reduce((n, row) => n + row.count, 0);
    return {
      month,
      crimes: period?.loaded.includes(month) ? sum() : null,
      underInvestigation: sum(UNDER_INVESTIGATION),
      noSuspect: sum(NO_SUSPECT),
      provisional: isProvisional(month),
    };
  });

  const types = new Map<string, CrimeTypeOutcomes>();
  const outcomes = new Map<string, number>();
  for (const row of rows) {
    const entry = types.get(row.crimeType) ?? {
      crimeType: row.crimeType,
      crimes: 0,
      underInvestigation: 0,
      noSuspect: 0,
      noOutcome: 0,
      provisionalCrimes: 0,
    };
    entry.crimes += row.count;
    if (row.outcome === UNDER_INVESTIGATION) entry.underInvestigation += row.count;
    if (row.outcome === NO_SUSPECT) entry.noSuspect += row.count;
    if (row.outcome === '') entry.noOutcome += row.count;
    if (isProvisional(row.month)) entry.provisionalCrimes += row.count;
    types.set(row.crimeType, entry);
    outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + row.count);
  }
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return {
    force: { slug: force.slug, name: force.name },
    loadedMonths: loaded,
    period,
    provisionalFrom,
    total,
    monthly,
    byCrimeType: [...types.values()].sort(
      (a, b) => b.crimes - a.crimes || (a.crimeType < b.crimeType ? -1 : 1),
    ),
    byOutcome: [...outcomes.entries()]
      .map(([key, count]) => ({ key, count, share: count / total }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
    rows: rows.map((row) => ({ ...row, provisional: isProvisional(row.month) })),
  };
}

export type CrimeOutcomeFigures = Awaited<ReturnType<typeof crimeOutcomes>>;

/**
 * The period asked for, or the latest twelve months up to the latest loaded; null when nothing is loaded.
 * A period may run past the months loaded (they show as not loaded), but its start may not follow its end.
 */
export function choosePeriod(loaded: readonly string[], query: PeriodQuery): Period | null {
  const latest = loaded.at(-1);
  if (latest === undefined) return null;
  const to = query.to ? `${query.to}-01` : latest;
  const from = query.from ? `${query.from}-01` : addMonths(to, 1 - DEFAULT_PERIOD_MONTHS);
  if (from > to) {
    throw new PeriodError(
      `The period starts (from=${from.slice(0, 7)}) after it ends (to=${to.slice(0, 7)}); give a start on or before the end.`,
    );
  }
  const length = monthIndex(to) - monthIndex(from) + 1;
  if (length > MAX_PERIOD_MONTHS) {
    throw new PeriodError(`The period is longer than ${MAX_PERIOD_MONTHS / 12} years; choose a shorter one.`);
  }
  const months = Array.from({ length }, (_, index) => addMonths(from, index));
  return { from, to, months, loaded: loaded.filter((month) => month >= from && month <= to) };
}

function rangeOf(period: Period) {
  return { from: period.from, to: addMonths(period.to, 1) };
}

const MAX_PERIOD_MONTHS = 240;

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** `YYYY-MM-01` moved by a whole number of months. */
export function addMonths(month: string, count: number): string {
  const index = monthIndex(month) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
