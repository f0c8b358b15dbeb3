import { createHash } from 'node:crypto';
import path from 'node:path';
import { recordAudit, recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { type FieldError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { withDeps } from '../../kernel/use-cases.ts';
import type { IndicatorEntry, IndicatorFile } from './indicators.file-schema.ts';
import { ANTI_SOCIAL_BEHAVIOUR } from './indicators.vocabulary.ts';
import { type MeasureReading, readingsToRecord } from './judgements.changes.ts';
import { computeIndicatorValues } from './judgements.compute.ts';
import { parsePopulationCsv, parseSeriesCsv } from './judgements.csv.ts';
import { type IndicatorJudgement, judgeIndicator } from './judgements.judge.ts';
import {
  type CurrentPlanRow,
  findCurrentPlan,
  findIndicatorBySlug,
  findIssuedPlanVersion,
  findLatestPopulationLoad,
  type IndicatorFilter,
  type IndicatorRow,
  type IndicatorValues,
  insertIndicator,
  insertMeasureReadings,
  listAreaCounts,
  listAuthoritiesOfForce,
  listForceAuthorities,
  listIndicatorMeasures,
  listIndicators,
  listIndicatorsByIds,
  listIndicatorValues,
  listKnownAreaCodes,
  listLatestMeasureReadings,
  listPlanMeasureCodes,
  listPlansInForce,
  listPopulationSources,
  listPopulations,
  listScorecardMeasures,
  listSeriesValues,
  listStreetMonths,
  readScorecardInputsVersion,
  recordRefreshError,
  replaceIndicatorMeasures,
  replaceIndicatorValues,
  replaceSeriesValues,
  type ScorecardMeasureRow,
  updateIndicator,
  upsertPopulations,
} from './judgements.queries.ts';
import { createScorecardCache } from './judgements.scorecard-cache.ts';
import type { JudgementsDb as Db, IndicatorKind } from './judgements.tables.ts';

export interface JudgementsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  /** Force areas are the areas domain's; judgements reach them through its service. */
  findForceArea(slug: string): Promise<{ id: number; slug: string; name: string } | undefined>;
}

/** The kinds computed from police.uk roll-ups, rebuilt after every police.uk import. */
const POLICE_UK_KINDS: readonly IndicatorKind[] = ['crime-count', 'crime-rate', 'outcome-share'];
/** Decimal places shown when a definition does not say. */
const DEFAULT_DECIMALS: Record<IndicatorKind, number> = {
  'crime-count': 0,
  'crime-rate': 2,
  'outcome-share': 1,
  series: 1,
};

export interface RefreshResult {
  refreshed: number;
  failed: { slug: string; error: string }[];
}

export interface JudgedIndicator extends IndicatorJudgement {
  indicator: IndicatorRow;
  /** The area whose values these are: the one asked for, or the whole force area. */
  areaCode: string;
  /** An area was asked for, but this indicator only has force-wide figures. */
  forceWideOnly: boolean;
}

export interface ScorecardMeasure extends Omit<ScorecardMeasureRow, 'indicatorId'> {
  indicators: JudgedIndicator[];
}

export interface Scorecard {
  plan: CurrentPlanRow | null;
  area: { code: string; name: string; forceWide: boolean } | null;
  authorities: { code: string; name: string; tier: string }[];
  measures: ScorecardMeasure[];
}

function sortLinks(links: readonly { plan: string; measure: string }[]) {
  const key = (link: { plan: string; measure: string }) => `${link.plan} ${link.measure}`;
  return links.map(({ plan, measure }) => ({ plan, measure })).sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

export type JudgementsService = ReturnType<typeof createJudgementsService>;

/** A dated event another domain marks on a measure's charts (an action started or done), with its page. */
export interface MeasureAnnotation {
  date: string;
  label: string;
  url: string;
}

/**
 * Where measure pages get their annotations from. Domains built after judgements (delivery) register one, so
 * judgements need not know them.
 */
export type MeasureAnnotationSource = (measure: {
  planSlug: string;
  code: string;
}) => Promise<MeasureAnnotation[]>;

/** The deps with what the service keeps between calls: the scorecards it has read, the annotation sources. */
interface JudgementsContext extends JudgementsDeps {
  scorecards: ReturnType<typeof createScorecardCache<Scorecard>>;
  annotationSources: MeasureAnnotationSource[];
}

export function createJudgementsService(deps: JudgementsDeps) {
  const context: JudgementsContext = {
    ...deps,
    scorecards: createScorecardCache<Scorecard>(),
    annotationSources: [],
  };
  const annotateMeasuresWith = (source: MeasureAnnotationSource) => {
    context.annotationSources.push(source);
  };
  return {
    annotateMeasuresWith,
    ...useCases(context),
  };
}

function useCases(context: JudgementsContext) {
  return withDeps(context, {
    loadIndicatorFile,
    importPopulation,
    importSeries,
    refreshIndicators,
    refreshAfterPoliceUkLoad,
    refreshAfterLookupLoad,
    canManage,
    listIndicatorsToManage,
    rebuildIndicator,
    readPopulationLoad,
    holdsPopulationFor,
    readSeriesLoad,
    readScorecard,
    readMeasure,
    readPlanVersionScorecard,
  });
}
function requireManage(deps: Pick<JudgementsDeps, 'policy'>, actor: Actor) {
  if (!deps.policy.can(actor, 'indicators:manage')) throw new ForbiddenError('You cannot manage indicators');
}

function definitionOf(entry: IndicatorEntry, forceAreaId: number, definitionFile: string): IndicatorValues {
  return {
    slug: entry.slug,
    forceAreaId,
    title: entry.title,
    kind: entry.kind,
    crimeTypes: 'crimeTypes' in entry ? entry.crimeTypes : [],
    outcomeCategories: entry.kind === 'outcome-share' ? entry.outcomeCategories : [],
    perPopulation: entry.kind === 'crime-rate' ? entry.perPopulation : null,
    decimals: entry.decimals ?? DEFAULT_DECIMALS[entry.kind],
    source: entry.source,
    unit: entry.unit,
    geography: entry.geography,
    frequency: entry.frequency,
    description: entry.description,
    definitionFile,
  };
}

function storedDefinition(row: IndicatorRow): IndicatorValues {
  const {
    id: _id,
    forceAreaCode: _code,
    seriesFile: _file,
    seriesSha256: _sha,
    seriesLoadedAt: _loaded,
    refreshedAt: _refreshed,
    refreshError: _error,
    ...values
  } = row;
  return values;
}

/** Every link must name a plan Peelian holds and a measure code in one of its versions. */
async function checkMeasureLinks(deps: JudgementsDeps, file: IndicatorFile, fileName: string) {
  const problems: FieldError[] = [];
  const plans = new Map<string, Set<string> | undefined>();
  for (const [index, entry] of file.indicators.entries())
    for (const [position, link] of entry.measures.entries()) {
      if (!plans.has(link.plan)) plans.set(link.plan, await listPlanMeasureCodes(deps.db, link.plan));
      const codes = plans.get(link.plan);
      const field = `${fileName}, indicators.${index}.measures.${position}`;
      if (!codes)
        problems.push({
          field: `${field}.plan`,
          message: `names ${link.plan}, which is not a plan in Peelian`,
        });
      else if (!codes.has(link.measure))
        problems.push({
          field: `${field}.measure`,
          message: `${link.measure} is not a measure of ${link.plan}`,
        });
    }
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * Loads an indicator file, all or nothing: each indicator is created or updated by its slug and its measure
 * links replaced, audited, in one transaction. Indicators whose definition changed are then rebuilt;
 * loading the same file again changes, audits and rebuilds nothing.
 */
async function loadIndicatorFile(
  deps: JudgementsDeps,
  actor: Actor,
  file: IndicatorFile,
  fileName: string,
  requestId?: string,
) {
  requireManage(deps, actor);
  const force = await deps.findForceArea(file.forceArea);
  if (!force)
    throw new ValidationError([
      {
        field: `${fileName}, forceArea`,
        message: `names ${file.forceArea}, which is not a force area in Peelian`,
      },
    ]);
  await checkMeasureLinks(deps, file, fileName);
  const definitionFile = path.basename(fileName);
  const changed = await deps.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const entry of file.indicators) {
      const values = definitionOf(entry, force.id, definitionFile);
      const existing = await findIndicatorBySlug(trx, entry.slug);
      const id = existing ? existing.id : await insertIndicator(trx, values);
      if (existing) await updateIndicator(trx, id, values);
      const linksBefore = sortLinks(existing ? await listIndicatorMeasures(trx, id) : []);
      const linksAfter = sortLinks(entry.measures);
      if (JSON.stringify(linksBefore) !== JSON.stringify(linksAfter))
        await replaceIndicatorMeasures(trx, id, entry.measures);
      const before = existing ? { ...storedDefinition(existing), measures: linksBefore } : undefined;
      if (
        await recordChange(
          trx,
          actor,
          { type: 'indicator', id },
          before,
          { ...values, measures: linksAfter },
          requestId,
        )
      )
        ids.push(id);
    }
    return ids;
  });
  const refresh = await refreshIndicators(deps, { ids: changed });
  return { indicators: file.indicators.length, changed: changed.length, refresh };
}

/**
 * Loads a population file, all or nothing: every row is checked (and every area must be a force area or
 * local authority Peelian knows) before any is saved. A row for an area and year already held replaces it.
 * Rates are rebuilt afterwards.
 */
async function importPopulation(
  deps: JudgementsDeps,
  actor: Actor,
  fileName: string,
  text: string,
  requestId?: string,
) {
  requireManage(deps, actor);
  const rows = parsePopulationCsv(text, fileName);
  const known = await listKnownAreaCodes(
    deps.db,
    rows.map((row) => row.areaCode),
  );
  const unknown = rows.filter((row) => !known.has(row.areaCode));
  if (unknown.length > 0)
    throw new ValidationError(
      unknown.map((row) => ({
        field: `${fileName} line ${row.line}, area_code`,
        message: `${row.areaCode} is not a force area or local authority in Peelian`,
      })),
    );
  const sha256 = createHash('sha256').update(text).digest('hex');
  const sourceFile = path.basename(fileName);
  await deps.db.transaction().execute(async (trx) => {
    await upsertPopulations(
      trx,
      rows.map((row) => ({ ...row, source: row.source ?? sourceFile, sourceFile })),
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'update',
        recordType: 'population_estimate',
        recordId: sourceFile,
        after: { file: sourceFile, sha256, rows: rows.length },
      },
      requestId,
    );
  });
  const years = rows.map((row) => row.year);
  return {
    rows: rows.length,
    areas: new Set(rows.map((row) => row.areaCode)).size,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    refresh: await refreshIndicators(deps, { kinds: ['crime-rate'] }),
  };
}

/** Replaces a series indicator's values with a file's, all or nothing, then rebuilds the indicator. */
async function importSeries(
  deps: JudgementsDeps,
  actor: Actor,
  slug: string,
  fileName: string,
  text: string,
  requestId?: string,
) {
  requireManage(deps, actor);
  const indicator = await findIndicatorBySlug(deps.db, slug);
  if (!indicator)
    throw new ValidationError([{ field: 'indicator', message: `there is no indicator called ${slug}` }]);
  if (indicator.kind !== 'series')
    throw new ValidationError([
      {
        field: 'indicator',
        message: `${slug} is a ${indicator.kind} indicator, computed from police.uk; only a series indicator takes imported values`,
      },
    ]);
  const rows = parseSeriesCsv(text, fileName);
  const file = { name: path.basename(fileName), sha256: createHash('sha256').update(text).digest('hex') };
  await deps.db.transaction().execute(async (trx) => {
    const before = await listSeriesValues(trx, indicator.id);
    await replaceSeriesValues(trx, indicator.id, rows, file);
    await recordChange(
      trx,
      actor,
      { type: 'indicator_series', id: indicator.id },
      before.length > 0
        ? { file: indicator.seriesFile, sha256: indicator.seriesSha256, months: before.length }
        : undefined,
      { file: file.name, sha256: file.sha256, months: rows.length },
      requestId,
    );
  });
  return {
    months: rows.length,
    from: rows[0]?.month.slice(0, 7) ?? null,
    to: rows.at(-1)?.month.slice(0, 7) ?? null,
    refresh: await refreshIndicators(deps, { ids: [indicator.id] }),
  };
}

async function computeValues(deps: JudgementsDeps, indicator: IndicatorRow) {
  if (indicator.kind === 'series')
    return computeIndicatorValues({
      kind: 'series',
      geography: indicator.geography,
      perPopulation: null,
      forceAreaCode: indicator.forceAreaCode,
      authorities: [],
      months: [],
      counts: [],
      populations: [],
      series: await listSeriesValues(deps.db, indicator.id),
    });
  const antiSocialBehaviour = indicator.crimeTypes.includes(ANTI_SOCIAL_BEHAVIOUR);
  const [months, authorities, counts] = await Promise.all([
    listStreetMonths(deps.db, indicator.forceAreaId),
    listForceAuthorities(deps.db, indicator.forceAreaId),
    listAreaCounts(
      deps.db,
      indicator.forceAreaId,
      indicator.crimeTypes,
      indicator.outcomeCategories,
      antiSocialBehaviour,
    ),
  ]);
  const populations =
    indicator.kind === 'crime-rate'
      ? await listPopulations(deps.db, [
          indicator.forceAreaCode,
          ...authorities.map((authority) => authority.code),
        ])
      : [];
  return computeIndicatorValues({
    kind: indicator.kind,
    geography: indicator.geography,
    perPopulation: indicator.perPopulation,
    forceAreaCode: indicator.forceAreaCode,
    authorities,
    months,
    counts,
    populations,
    series: [],
  });
}

/**
 * Rebuilds the materialised monthly values of the chosen indicators, each in its own short transaction (on
 * PGlite an open transaction holds up every request). Never throws: an indicator that fails keeps its last
 * values and records why, which its page shows.
 */
async function refreshIndicators(
  deps: JudgementsDeps,
  filter: IndicatorFilter = {},
  /** Given, each rebuild is audited against this person, in the transaction that replaces the values. */
  by?: { actor: Actor; requestId?: string },
): Promise<RefreshResult> {
  const result: RefreshResult = { refreshed: 0, failed: [] };
  let indicators: IndicatorRow[];
  try {
    indicators = await listIndicators(deps.db, filter);
  } catch (error) {
    return { refreshed: 0, failed: [{ slug: '*', error: (error as Error).message }] };
  }
  for (const indicator of indicators) {
    try {
      const values = await computeValues(deps, indicator);
      const at = deps.now();
      await deps.db.transaction().execute(async (trx) => {
        await replaceIndicatorValues(trx, indicator.id, values, at);
        if (by)
          await recordAudit(
            trx,
            by.actor,
            {
              action: 'update',
              recordType: 'indicator_value',
              recordId: indicator.id,
              after: { slug: indicator.slug, values: values.length },
            },
            by.requestId,
          );
      });
      result.refreshed += 1;
    } catch (error) {
      const message = (error as Error).message;
      result.failed.push({ slug: indicator.slug, error: message });
      await recordRefreshError(deps.db, indicator.id, message).catch(() => {});
    }
  }
  if (result.refreshed > 0) {
    try {
      await recordJudgementMoves(deps, [...new Set(indicators.map((indicator) => indicator.forceAreaId))]);
    } catch (error) {
      result.failed.push({ slug: 'measure judgements', error: (error as Error).message });
    }
  }
  return result;
}

/**
 * Reads every measure of the plans in force in these force areas, force-wide, and records those whose
 * judgement moved since its last reading (judgements.changes.ts).
 */
async function recordJudgementMoves(deps: JudgementsDeps, forceAreaIds: readonly number[]) {
  const plans = await listPlansInForce(deps.db, londonDateOf(deps.now()), forceAreaIds);
  const readings: MeasureReading[] = [];
  for (const plan of plans) {
    const scorecard = await judgePlanVersion(deps, plan, {});
    for (const measure of scorecard.measures) {
      const first = measure.indicators[0];
      readings.push({
        planSlug: plan.slug,
        forceAreaId: plan.forceAreaId,
        code: measure.code,
        text: measure.text,
        judgement: first?.judgement ?? 'awaiting-data',
        provisional: first?.provisional ?? false,
        throughMonth: first?.points.at(-1)?.month ?? null,
      });
    }
  }
  const recorded = await listLatestMeasureReadings(
    deps.db,
    plans.map((plan) => plan.slug),
  );
  await insertMeasureReadings(deps.db, readingsToRecord(readings, recorded), deps.now());
}

/** The hook the police.uk import calls once a run has loaded months for these force areas. */
function refreshAfterPoliceUkLoad(
  deps: JudgementsDeps,
  forceAreaIds: readonly number[],
): Promise<RefreshResult> {
  return refreshIndicators(deps, { forceAreaIds, kinds: POLICE_UK_KINDS });
}

/**
 * The hook a lookup load calls when it moved LSOAs between local authorities of these force areas. Only
 * figures by local authority change: a force-wide figure counts every LSOA wherever it lies.
 */
function refreshAfterLookupLoad(
  deps: JudgementsDeps,
  forceAreaIds: readonly number[],
): Promise<RefreshResult> {
  return refreshIndicators(deps, { forceAreaIds, kinds: POLICE_UK_KINDS, geographies: ['local-authority'] });
}

function canManage(deps: Pick<JudgementsDeps, 'policy'>, actor: Actor): boolean {
  return deps.policy.can(actor, 'indicators:manage');
}

/** Every indicator, for those who manage them, or only those of one kind. */
async function listIndicatorsToManage(
  deps: JudgementsDeps,
  actor: Actor,
  kind?: IndicatorKind,
): Promise<IndicatorRow[]> {
  requireManage(deps, actor);
  return listIndicators(deps.db, kind ? { kinds: [kind] } : {});
}

async function findIndicatorToManage(
  deps: JudgementsDeps,
  actor: Actor,
  slug: string,
): Promise<IndicatorRow> {
  requireManage(deps, actor);
  const indicator = await findIndicatorBySlug(deps.db, slug);
  if (!indicator) throw new NotFoundError(`There is no indicator called ${slug}`);
  return indicator;
}

/**
 * Rebuilds one indicator's values now, audited: for when whatever made its last rebuild fail has been put
 * right. A failure is recorded on the indicator, as for any rebuild.
 */
async function rebuildIndicator(deps: JudgementsDeps, actor: Actor, slug: string, requestId?: string) {
  const indicator = await findIndicatorToManage(deps, actor, slug);
  const result = await refreshIndicators(deps, { ids: [indicator.id] }, { actor, requestId });
  return { result, indicator: await findIndicatorToManage(deps, actor, slug) };
}

/** Whether any population figures are held for these areas, from whatever file. */
async function holdsPopulationFor(deps: JudgementsDeps, areaCodes: readonly string[]): Promise<boolean> {
  return (await listPopulations(deps.db, areaCodes)).length > 0;
}

/** What a population file's latest load holds, and how the rates that use populations stand since. */
async function readPopulationLoad(deps: JudgementsDeps, actor: Actor, fileName: string) {
  requireManage(deps, actor);
  const file = path.basename(fileName);
  const load = await findLatestPopulationLoad(deps.db, file);
  if (!load) throw new NotFoundError(`No population figures from ${file} are held`);
  return { file, ...load, indicators: await listIndicators(deps.db, { kinds: ['crime-rate'] }) };
}

/** A series indicator with the months its latest import holds. */
async function readSeriesLoad(deps: JudgementsDeps, actor: Actor, slug: string) {
  const indicator = await findIndicatorToManage(deps, actor, slug);
  const months = indicator.kind === 'series' ? await listSeriesValues(deps.db, indicator.id) : [];
  if (months.length === 0) throw new NotFoundError(`No series is loaded for ${slug}`);
  return { indicator, months };
}

async function resolveArea(plan: CurrentPlanRow, authorities: Scorecard['authorities'], area?: string) {
  if (area === undefined || area === plan.forceAreaCode)
    return { code: plan.forceAreaCode, name: plan.forceAreaName, forceWide: true };
  const authority = authorities.find((candidate) => candidate.code === area);
  if (!authority)
    throw new ValidationError([
      { field: 'area', message: `${area} is not a local authority in ${plan.forceAreaName}` },
    ]);
  return { code: authority.code, name: authority.name, forceWide: false };
}

/**
 * The current plan's measures with their indicators judged, for the whole force area or one local authority.
 * Three round trips of indexed reads: the plan; its measures with their links and the area list; the
 * indicators and their materialised values. No police.uk roll-up is touched on this path.
 */
async function readScorecard(
  deps: JudgementsContext,
  input: {
    areaName: string;
    area?: string;
    measureCode?: string;
  },
): Promise<Scorecard> {
  // The counter is read before the data, so what is kept is never older than the counter it is kept under.
  const version = await readScorecardInputsVersion(deps.db);
  const today = londonDateOf(deps.now());
  return deps.scorecards.get(
    version,
    [today, input.areaName, input.area ?? '', input.measureCode ?? ''].join('\u0000'),
    () => readScorecardFromDatabase(deps, today, input),
  );
}

async function readScorecardFromDatabase(
  deps: JudgementsDeps,
  today: string,
  input: { areaName: string; area?: string; measureCode?: string },
): Promise<Scorecard> {
  const plan = await findCurrentPlan(deps.db, today, input.areaName);
  if (!plan) {
    if (input.measureCode !== undefined) throw new NotFoundError('There is no plan in force today');
    return { plan: null, area: null, authorities: [], measures: [] };
  }
  return judgePlanVersion(deps, plan, input);
}

/**
 * One issued plan version's measures judged over the whole force area, on the months up to and including
 * `throughMonth` (`YYYY-MM-01`): what a quarter's performance pack shows, as it stood at the quarter's end.
 */
async function readPlanVersionScorecard(
  deps: JudgementsContext,
  input: { planSlug: string; versionNumber: number; throughMonth: string },
): Promise<Scorecard | null> {
  const plan = await findIssuedPlanVersion(deps.db, input.planSlug, input.versionNumber);
  return plan ? judgePlanVersion(deps, plan, { throughMonth: input.throughMonth }) : null;
}

async function judgePlanVersion(
  deps: JudgementsDeps,
  plan: CurrentPlanRow,
  input: { area?: string; measureCode?: string; throughMonth?: string },
): Promise<Scorecard> {
  const [rows, authorities] = await Promise.all([
    listScorecardMeasures(deps.db, plan.versionId, plan.slug, input.measureCode),
    listAuthoritiesOfForce(deps.db, plan.forceAreaId),
  ]);
  if (input.measureCode !== undefined && rows.length === 0)
    throw new NotFoundError(`${input.measureCode} is not a measure of the plan in force today`);
  const area = await resolveArea(plan, authorities, input.area);
  const through = input.throughMonth;
  const ids = [...new Set(rows.flatMap((row) => (row.indicatorId === null ? [] : [row.indicatorId])))];
  // The plan's force area is also the indicators' (an indicator of another force would show no figures).
  const [indicators, values] = await Promise.all([
    listIndicatorsByIds(deps.db, ids),
    listIndicatorValues(deps.db, ids, [...new Set([plan.forceAreaCode, area.code])]),
  ]);
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const measures: ScorecardMeasure[] = [];
  for (const row of rows) {
    let measure = measures.at(-1);
    if (measure?.code !== row.code) {
      const { indicatorId: _indicatorId, ...fields } = row;
      measure = { ...fields, indicators: [] };
      measures.push(measure);
    }
    const indicator = row.indicatorId === null ? undefined : byId.get(row.indicatorId);
    if (!indicator) continue;
    const perArea = indicator.geography === 'local-authority';
    const areaCode = perArea ? area.code : indicator.forceAreaCode;
    const points = values
      .filter((value) => value.indicatorId === indicator.id && value.areaCode === areaCode)
      .filter((value) => through === undefined || value.month <= through)
      .map(({ month, value, numerator, denominator }) => ({ month, value, numerator, denominator }));
    measure.indicators.push({
      indicator,
      areaCode,
      forceWideOnly: !area.forceWide && !perArea,
      ...judgeIndicator(points, row.direction),
    });
  }
  return { plan, area, authorities, measures };
}

/** One measure of the current plan, with where each rate's populations came from. */
async function readMeasure(
  deps: JudgementsContext,
  input: { areaName: string; code: string; area?: string },
) {
  const scorecard = await readScorecard(deps, { ...input, measureCode: input.code });
  const measure = scorecard.measures[0] as ScorecardMeasure;
  const plan = scorecard.plan as CurrentPlanRow;
  const populationSources = new Map<number, string[]>();
  for (const judged of measure.indicators)
    if (judged.indicator.kind === 'crime-rate')
      populationSources.set(judged.indicator.id, await listPopulationSources(deps.db, judged.areaCode));
  const annotated = await Promise.all(
    deps.annotationSources.map((source) => source({ planSlug: plan.slug, code: measure.code })),
  );
  const annotations = annotated.flat().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...scorecard, plan, measure, populationSources, annotations };
}
