import type { z } from 'zod';
import { londonDateTimeOf } from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { plural } from '../../kernel/formats/words.ts';
import {
  type ImprovementDirection,
  type PointType,
  SPC_METHOD,
  type SpcResult,
  type SpecialCauseRule,
} from '../../kernel/spc/index.ts';
import type { MeasureDirection } from '../plans/plans.file-schema.ts';
import { type ChartCache, type ChartPoint, renderSparkline, renderSpcChart } from './judgements.charts.ts';
import {
  IMPROVEMENT_OF,
  type IndicatorJudgement,
  JUDGEMENT_WORDS,
  type Judgement,
  judgementWords,
  PROVISIONAL_POINTS,
} from './judgements.judge.ts';
import { gapsBetween, MAX_BRIDGED_GAP, monthRangesInWords, monthWords } from './judgements.months.ts';
import { scorecardPaths } from './judgements.paths.ts';
import type { IndicatorRow } from './judgements.queries.ts';
import type { MeasureDetailJson, ScorecardJson } from './judgements.schemas.ts';
import type {
  JudgedIndicator,
  MeasureAnnotation,
  Scorecard,
  ScorecardMeasure,
} from './judgements.service.ts';
import type { IndicatorKind } from './judgements.tables.ts';

const RULE_WORDS: Readonly<Record<SpecialCauseRule, string>> = {
  'outside-limits': 'Outside the limits',
  trend: 'Trend (7 rising or falling)',
  'two-of-three': '2 of 3 near a limit',
  shift: 'Shift (7 on one side)',
};

const TYPE_WORDS: Readonly<Record<PointType, string>> = {
  'common-cause': 'Common cause',
  improvement: 'Improvement',
  concern: 'Concern',
  'neutral-high': 'Special cause, high',
  'neutral-low': 'Special cause, low',
};

const DIRECTION_WORDS: Readonly<Record<MeasureDirection, string>> = {
  increase: 'The plan wants this to rise, so a rise is an improvement.',
  decrease: 'The plan wants this to fall, so a fall is an improvement.',
  'maintain-low': 'The plan wants this kept low, so a fall is an improvement and a rise a concern.',
  neutral:
    'The plan sets no direction, so unusual changes are reported as high or low, not as better or worse.',
};

export const KIND_WORDS: Readonly<Record<IndicatorKind, string>> = {
  'crime-count': 'A monthly count from police.uk',
  'crime-rate': 'A monthly rate per head of population, from police.uk and population figures',
  'outcome-share': 'A monthly share of crimes by their outcome, from police.uk',
  series: 'A monthly series imported from its source',
};

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

export function formatValue(value: number, decimals: number): string {
  let format = NUMBER_FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    NUMBER_FORMATS.set(decimals, format);
  }
  return format.format(value);
}

/** The icon drawn beside a judgement: its colour class and, where a change is called, which way it went. */
function iconOf(judgement: Judgement, improvement: ImprovementDirection) {
  const arrow =
    judgement === 'unusually-high'
      ? 'up'
      : judgement === 'unusually-low'
        ? 'down'
        : judgement === 'improving' || judgement === 'deteriorating'
          ? (improvement === 'increase') === (judgement === 'improving')
            ? 'up'
            : 'down'
          : null;
  return { kind: judgement, arrow };
}

function judgementView(judged: JudgedIndicator, direction: MeasureDirection) {
  return {
    key: judged.judgement,
    words: judgementWords(judged),
    provisional: judged.provisional,
    icon: iconOf(judged.judgement, IMPROVEMENT_OF[direction]),
  };
}

function periodWords(judged: JudgedIndicator): string | null {
  const first = judged.run.judged[0];
  const last = judged.run.judged.at(-1);
  if (!first || !last) return null;
  const months = plural(judged.run.judged.length, 'month', 'months');
  const { missingInSeries } = judged.run;
  const missing = missingInSeries.length > 0 ? `; no figures for ${monthRangesInWords(missingInSeries)}` : '';
  return first === last
    ? `${monthWords(first.month)} (1 month)`
    : `${monthWords(first.month)} to ${monthWords(last.month)} (${months}${missing})`;
}

/** The months missing inside the judged series and how they are judged across, or null when none are. */
function gapWords(judged: IndicatorJudgement): string | null {
  const { missingInSeries, judged: present } = judged.run;
  if (missingInSeries.length === 0) return null;
  return (
    `There are no figures for ${monthRangesInWords(missingInSeries)}. The chart breaks its line there and the ` +
    `table lists the gap. The mean and limits come from the ${plural(present.length, 'month', 'months')} present; ` +
    'no month-to-month difference is taken across the gap, and runs and trends count the months present.'
  );
}

/** What the judgement left out, in words, or null when it judged every month there is. */
function leftOutWords(judged: JudgedIndicator): string | null {
  const { leftOut, missing, missingInSeries } = judged.run;
  if (leftOut.length === 0) return null;
  const long = missing.filter((month) => !missingInSeries.includes(month));
  return (
    `${plural(leftOut.length, 'earlier month is', 'earlier months are')} not judged, because the figures have a gap ` +
    `of more than ${MAX_BRIDGED_GAP} months: there are none for ${monthRangesInWords(long)}. ` +
    `A gap that long starts a new series, and only the latest series is judged.`
  );
}

function chartPoints(judged: IndicatorJudgement): ChartPoint[] {
  return judged.points.map(({ month, value, type, notJudged }) => ({
    month,
    value,
    inRun: notJudged !== 'before-gap',
    type,
  }));
}

function chartKey(judged: JudgedIndicator, direction: MeasureDirection, kind: string) {
  return `${kind}|${judged.indicator.id}|${judged.areaCode}|${direction}|${judged.indicator.refreshedAt?.getTime() ?? 0}`;
}

function sparklineLabel(judged: JudgedIndicator, areaName: string): string {
  const last = judged.run.judged.at(-1);
  const { indicator } = judged;
  return last
    ? `${indicator.title}, ${areaName}: ${periodWords(judged)}; latest ${formatValue(last.value, indicator.decimals)} ${indicator.unit} in ${monthWords(last.month)}. ${judgementWords(judged)}.`
    : `${indicator.title}: no figures yet.`;
}

function areaNameOf(scorecard: Scorecard, judged: JudgedIndicator): string {
  return judged.areaCode === scorecard.area?.code
    ? scorecard.area.name
    : (scorecard.plan?.forceAreaName ?? '');
}

/** The query that keeps a chosen area across links; the force-wide figures need none. */
function areaQuery(scorecard: Scorecard): { area?: string } {
  return scorecard.area && !scorecard.area.forceWide ? { area: scorecard.area.code } : {};
}

function areaItems(scorecard: Scorecard) {
  const chosen = scorecard.area?.forceWide ? '' : (scorecard.area?.code ?? '');
  return [
    {
      value: '',
      text: `The whole of ${scorecard.plan?.forceAreaName ?? 'the force area'}`,
      selected: chosen === '',
    },
    ...scorecard.authorities.map((authority) => ({
      value: authority.code,
      text: authority.name,
      selected: authority.code === chosen,
    })),
  ];
}

function planView(scorecard: Scorecard) {
  const { plan } = scorecard;
  if (!plan) return null;
  return {
    title: plan.title,
    url: `/plans/${plan.slug}`,
    version: plan.versionNumber,
    term: `${formatDate(plan.termStart)} to ${formatDate(plan.termEnd)}`,
    issuedOn: formatDate(plan.issuedOn),
  };
}

/** The scorecard page: every measure of the plan in force, by pillar and priority, each indicator judged. */
export function toScorecardView(scorecard: Scorecard, charts: ChartCache) {
  const pillars: {
    code: string;
    title: string;
    priorities: { code: string; title: string; measures: ReturnType<typeof measureSummary>[] }[];
  }[] = [];
  const counts = new Map<Judgement, number>();
  for (const measure of scorecard.measures) {
    let pillar = pillars.at(-1);
    if (pillar?.code !== measure.pillarCode) {
      pillar = { code: measure.pillarCode, title: measure.pillarTitle, priorities: [] };
      pillars.push(pillar);
    }
    let priority = pillar.priorities.at(-1);
    if (priority?.code !== measure.priorityCode) {
      priority = { code: measure.priorityCode, title: measure.priorityTitle, measures: [] };
      pillar.priorities.push(priority);
    }
    const summary = measureSummary(scorecard, measure, charts);
    counts.set(summary.judgement.key, (counts.get(summary.judgement.key) ?? 0) + 1);
    priority.measures.push(summary);
  }
  return {
    plan: planView(scorecard),
    area: scorecard.area,
    areaItems: areaItems(scorecard),
    pillars,
    totals: [...counts].map(([key, n]) => ({ words: JUDGEMENT_WORDS[key], count: n })),
    measureCount: scorecard.measures.length,
    jsonUrl: scorecardPaths.apiScorecard({}, areaQuery(scorecard)),
  };
}

/** A measure as the scorecard lists it: its first indicator gives its judgement, and every indicator is shown. */
function measureSummary(scorecard: Scorecard, measure: ScorecardMeasure, charts: ChartCache) {
  const indicators = measure.indicators.map((judged) => ({
    title: judged.indicator.title,
    judgement: judgementView(judged, measure.direction),
    sparkline:
      judged.run.judged.length > 0
        ? charts(chartKey(judged, measure.direction, 'spark'), () =>
            renderSparkline({
              label: sparklineLabel(judged, areaNameOf(scorecard, judged)),
              points: chartPoints(judged),
              mean: judged.spc?.mean ?? null,
            }),
          )
        : null,
    period: periodWords(judged),
    leftOut:
      judged.run.leftOut.length > 0
        ? `${plural(judged.run.leftOut.length, 'earlier month', 'earlier months')} before a gap of more than ${MAX_BRIDGED_GAP} months not judged`
        : null,
    source: judged.indicator.source,
    forceWideOnly: judged.forceWideOnly,
  }));
  return {
    code: measure.code,
    text: measure.text,
    url: scorecardPaths.measure({ code: measure.code }, areaQuery(scorecard)),
    judgement: measureJudgement(measure),
    indicators,
    noIndicator: indicators.length === 0,
  };
}

/** A measure's judgement is its first indicator's; a measure with none awaits data. */
function measureJudgement(measure: ScorecardMeasure) {
  const first = measure.indicators[0];
  return first
    ? judgementView(first, measure.direction)
    : {
        key: 'awaiting-data' as const,
        words: JUDGEMENT_WORDS['awaiting-data'],
        provisional: false,
        icon: iconOf('awaiting-data', 'neutral'),
      };
}

/**
 * The plan in force at a glance, as the home page shows it: each priority with its measures' judgements and a
 * count of each judgement in words ("2 improving, 1 no significant change"), without charts.
 */
export function toPlanGlance(scorecard: Scorecard) {
  const priorities: {
    code: string;
    title: string;
    measures: { code: string; text: string; url: string; judgement: ReturnType<typeof measureJudgement> }[];
  }[] = [];
  for (const measure of scorecard.measures) {
    let priority = priorities.at(-1);
    if (priority?.code !== measure.priorityCode) {
      priority = { code: measure.priorityCode, title: measure.priorityTitle, measures: [] };
      priorities.push(priority);
    }
    priority.measures.push({
      code: measure.code,
      text: measure.text,
      url: scorecardPaths.measure({ code: measure.code }),
      judgement: measureJudgement(measure),
    });
  }
  return {
    plan: planView(scorecard),
    priorities: priorities.map((priority) => ({ ...priority, summary: judgementCounts(priority.measures) })),
  };
}

function judgementCounts(measures: readonly { judgement: { words: string } }[]): string {
  const counts = new Map<string, number>();
  for (const { judgement } of measures) counts.set(judgement.words, (counts.get(judgement.words) ?? 0) + 1);
  return [...counts]
    .map(([words, count]) => `${count} ${words.charAt(0).toLowerCase()}${words.slice(1)}`)
    .join(', ');
}

function limitsOf(spc: SpcResult | null) {
  return spc ? { mean: spc.mean, upperLimit: spc.upperLimit, lowerLimit: spc.lowerLimit } : null;
}

/**
 * Every point with its SPC fields, from the points' labels: points before a long gap carry none, points of a
 * series too short to read carry the limits but no rule or type, and points read from trial limits are
 * marked provisional. Missing months are not points: they are listed apart (`missingMonths`).
 */
export function pointsWithSpc(judged: IndicatorJudgement) {
  const limits = limitsOf(judged.spc);
  return judged.points.map((point) => {
    const inRun = point.notJudged !== 'before-gap';
    return {
      month: point.month.slice(0, 7),
      value: point.value,
      numerator: point.numerator,
      denominator: point.denominator,
      judged: inRun,
      mean: inRun ? (limits?.mean ?? null) : null,
      upperLimit: inRun ? (limits?.upperLimit ?? null) : null,
      lowerLimit: inRun ? (limits?.lowerLimit ?? null) : null,
      rule: point.rule,
      type: point.type,
      notJudged: point.notJudged,
      provisional: point.provisional,
    };
  });
}

const NUMERATOR_WORDS: Partial<Record<IndicatorKind, [string, string]>> = {
  'crime-rate': ['Count', 'Population'],
  'outcome-share': ['With the outcomes', 'All of the types'],
};

function explanation(judged: JudgedIndicator): string {
  const latest = judged.points.at(-1);
  if (!judged.spc || !latest) return 'There are no figures for this indicator yet, so it cannot be judged.';
  const months = plural(judged.run.judged.length, 'month', 'months');
  if (judged.judgement === 'trial')
    return `Only ${months} can be judged together. Limits from fewer than ${PROVISIONAL_POINTS} months, or from months that never change, say too little even for a provisional reading, so no month is labelled.`;
  const reading =
    judged.judgement === 'no-significant-change'
      ? 'the latest month is within the limits and part of no special pattern: the figures vary as they usually do.'
      : `the latest month is a special cause (${TYPE_WORDS[latest.type ?? 'common-cause'].toLowerCase()}): ${RULE_WORDS[latest.rule ?? 'outside-limits'].toLowerCase()}.`;
  if (judged.provisional)
    return `Provisional, because the limits come from only ${months} and firm limits need 13: on these trial limits, ${reading} The reading may change as months are added.`;
  return `${reading.charAt(0).toUpperCase()}${reading.slice(1)}`;
}

/** An instant as people in England and Wales read it: "22 November 2026 at 14:05". */
export function dateTimeWords(instant: Date): string {
  const { date, time } = londonDateTimeOf(instant);
  return `${formatDate(date)} at ${time.slice(0, 5)}`;
}

export function refreshedWords(indicator: IndicatorRow): string | null {
  return indicator.refreshedAt ? dateTimeWords(indicator.refreshedAt) : null;
}

type MeasureDetail = Scorecard & {
  measure: ScorecardMeasure;
  populationSources: Map<number, string[]>;
  annotations: MeasureAnnotation[];
};
type MeasurePoint = ReturnType<typeof pointsWithSpc>[number];

/** One month of an indicator's table: its figures, then its limits and how it was judged, or why not. */
function measureTableRow(point: MeasurePoint, indicator: IndicatorRow, withCounts: boolean) {
  const cells = [
    { text: monthWords(`${point.month}-01`) },
    { text: formatValue(point.value, indicator.decimals), format: 'numeric' },
    ...(withCounts
      ? [
          { text: formatValue(point.numerator, 0), format: 'numeric' },
          {
            text: point.denominator === null ? '' : formatValue(point.denominator, 0),
            format: 'numeric',
          },
        ]
      : []),
  ];
  if (!point.judged) return [...cells, { text: 'Not judged: before a long gap', colspan: 5 }];
  const label = point.notJudged === 'trial-limits' ? 'Not called: too few months' : '';
  const type = point.type ? `${TYPE_WORDS[point.type]}${point.provisional ? ' (provisional)' : ''}` : label;
  return [
    ...cells,
    { text: formatValue(point.mean ?? 0, indicator.decimals + 1), format: 'numeric' },
    { text: formatValue(point.lowerLimit ?? 0, indicator.decimals + 1), format: 'numeric' },
    { text: formatValue(point.upperLimit ?? 0, indicator.decimals + 1), format: 'numeric' },
    { text: point.rule ? RULE_WORDS[point.rule] : '' },
    { text: type },
  ];
}

/**
 * The table's rows: a row per month with figures and, where months are missing, one row naming them, so the
 * table shows the gap the chart shows.
 */
function measureTableRows(judged: IndicatorJudgement, indicator: IndicatorRow, withCounts: boolean) {
  const gaps = new Map(gapsBetween(judged.points).map((gap) => [gap.after, gap.months]));
  const columns = withCounts ? 9 : 7;
  return pointsWithSpc(judged).flatMap((point) => {
    const row = measureTableRow(point, indicator, withCounts);
    const gap = gaps.get(`${point.month}-01`);
    if (!gap) return [row];
    const first = gap[0] as string;
    const last = gap.at(-1) as string;
    return [
      row,
      [
        { text: gap.length === 1 ? monthWords(first) : `${monthWords(first)} to ${monthWords(last)}` },
        { text: `No figures: a gap of ${plural(gap.length, 'month', 'months')}`, colspan: columns - 1 },
      ],
    ];
  });
}

function measureTableHead(indicator: IndicatorRow, heads: [string, string] | undefined) {
  return [
    { text: 'Month' },
    { text: `Value (${indicator.unit})`, format: 'numeric' },
    ...(heads ? heads.map((text) => ({ text, format: 'numeric' })) : []),
    { text: 'Mean', format: 'numeric' },
    { text: 'Lower limit', format: 'numeric' },
    { text: 'Upper limit', format: 'numeric' },
    { text: 'Rule' },
    { text: 'Type' },
  ];
}

/** The page's annotations, numbered once for every chart on it, each saying whether this chart's months hold it. */
function chartAnnotations(detail: MeasureDetail, judged: JudgedIndicator) {
  const first = judged.points[0]?.month ?? '';
  const last = judged.points.at(-1)?.month ?? '';
  // A month's point stands for the whole month, so an event in the last month still falls on the chart.
  const end = last ? `${last.slice(0, 7)}-31` : '';
  return detail.annotations.map((annotation, index) => ({
    number: index + 1,
    date: annotation.date,
    label: annotation.label,
    url: annotation.url,
    drawn: annotation.date >= first && annotation.date <= end,
  }));
}

function measureChart(
  judged: JudgedIndicator,
  direction: MeasureDirection,
  areaName: string,
  charts: ChartCache,
  markers: { date: string; number: number }[],
) {
  const { indicator } = judged;
  const marked = markers.length
    ? ` Numbered dashed green lines mark ${plural(markers.length, 'delivery action date')}, listed below the chart.`
    : '';
  const { missingInSeries } = judged.run;
  const gapped = missingInSeries.length
    ? ` The line breaks at ${monthRangesInWords(missingInSeries)}, which ${missingInSeries.length === 1 ? 'has' : 'have'} no figures.`
    : '';
  const key = `${chartKey(judged, direction, 'full')}|${markers.map((marker) => `${marker.number}@${marker.date}`).join(',')}`;
  return charts(key, () =>
    renderSpcChart({
      label: `Statistical process control chart of ${indicator.title.toLowerCase()}, ${areaName}, ${periodWords(judged)}: ${judgementWords(judged).toLowerCase()}.${gapped}${marked} The table below gives every figure.`,
      unit: indicator.unit,
      points: chartPoints(judged),
      limits: limitsOf(judged.spc),
      markers,
    }),
  );
}

/** One indicator of the measure page: what it counts, its chart, its table and how it was judged. */
function measureIndicatorView(detail: MeasureDetail, judged: JudgedIndicator, charts: ChartCache) {
  const { indicator } = judged;
  const { direction } = detail.measure;
  const areaName = areaNameOf(detail, judged);
  const heads = NUMERATOR_WORDS[indicator.kind];
  const hasPoints = judged.points.length > 0;
  const annotations = chartAnnotations(detail, judged);
  const markers = annotations.filter((annotation) => annotation.drawn);
  return {
    slug: indicator.slug,
    title: indicator.title,
    description: indicator.description,
    kind: KIND_WORDS[indicator.kind],
    unit: indicator.unit,
    source: indicator.source,
    geography:
      indicator.geography === 'local-authority'
        ? 'The whole force area, and each local authority'
        : 'The whole force area only',
    frequency: 'Monthly',
    areaName,
    forceWideOnly: judged.forceWideOnly,
    judgement: judgementView(judged, direction),
    explanation: explanation(judged),
    period: periodWords(judged),
    leftOut: leftOutWords(judged),
    gap: gapWords(judged),
    trialLimits: judged.spc?.trialLimits ?? false,
    provisional: judged.provisional,
    chart: hasPoints ? measureChart(judged, direction, areaName, charts, markers) : null,
    annotations: annotations.map((annotation) => ({ ...annotation, date: formatDate(annotation.date) })),
    tableHead: measureTableHead(indicator, heads),
    tableRows: measureTableRows(judged, indicator, Boolean(heads)),
    populationSources: detail.populationSources.get(indicator.id) ?? [],
    outcomeCategories: indicator.outcomeCategories,
    crimeTypes: indicator.crimeTypes,
    perPopulation: indicator.perPopulation,
    refreshed: refreshedWords(indicator),
    refreshError: indicator.refreshError,
    seriesFile: indicator.seriesFile,
    awaiting: !hasPoints,
  };
}

/** The measure page: each indicator with its chart, its table and how it was judged. */
export function toMeasurePageView(detail: MeasureDetail, charts: ChartCache) {
  const { measure } = detail;
  const query = areaQuery(detail);
  return {
    plan: planView(detail),
    area: detail.area,
    areaItems: areaItems(detail),
    measure: {
      code: measure.code,
      text: measure.text,
      priority: `${measure.priorityCode} ${measure.priorityTitle}`,
      pillar: measure.pillarTitle,
      direction: DIRECTION_WORDS[measure.direction],
    },
    pageUrl: scorecardPaths.measure({ code: measure.code }),
    csvUrl: scorecardPaths.measureCsv({ code: measure.code }, query),
    jsonUrl: scorecardPaths.apiMeasure({ code: measure.code }, query),
    backUrl: scorecardPaths.scorecard({}, query),
    method: SPC_METHOD,
    indicators: measure.indicators.map((judged) => measureIndicatorView(detail, judged, charts)),
  };
}

function indicatorJson(judged: JudgedIndicator) {
  const { indicator, spc } = judged;
  const [first, last] = [judged.run.judged[0], judged.run.judged.at(-1)];
  return {
    slug: indicator.slug,
    title: indicator.title,
    kind: indicator.kind,
    description: indicator.description,
    source: indicator.source,
    unit: indicator.unit,
    geography: indicator.geography,
    frequency: indicator.frequency,
    crimeTypes: indicator.crimeTypes,
    outcomeCategories: indicator.outcomeCategories,
    perPopulation: indicator.perPopulation,
    area: judged.areaCode,
    forceWideOnly: judged.forceWideOnly,
    judgement: judged.judgement,
    provisional: judged.provisional,
    variation: judged.points.at(-1)?.type ?? null,
    trialLimits: spc?.trialLimits ?? null,
    mean: spc?.mean ?? null,
    upperLimit: spc?.upperLimit ?? null,
    lowerLimit: spc?.lowerLimit ?? null,
    period:
      first && last
        ? {
            from: first.month.slice(0, 7),
            to: last.month.slice(0, 7),
            months: judged.run.judged.length,
            missingMonths: judged.run.missingInSeries.map((month) => month.slice(0, 7)),
          }
        : null,
    notJudged: {
      months: judged.run.leftOut.map((point) => point.month.slice(0, 7)),
      missingMonths: judged.run.missing.map((month) => month.slice(0, 7)),
    },
    refreshedAt: indicator.refreshedAt?.toISOString() ?? null,
    method: SPC_METHOD,
    points: pointsWithSpc(judged),
  };
}

function planJson(scorecard: Scorecard) {
  const { plan } = scorecard;
  return plan
    ? {
        slug: plan.slug,
        title: plan.title,
        version: plan.versionNumber,
        termStart: plan.termStart,
        termEnd: plan.termEnd,
      }
    : null;
}

function measureJson(measure: ScorecardMeasure) {
  return {
    code: measure.code,
    text: measure.text,
    direction: measure.direction,
    improvement: IMPROVEMENT_OF[measure.direction],
    priority: { code: measure.priorityCode, title: measure.priorityTitle },
    pillar: { code: measure.pillarCode, title: measure.pillarTitle },
    judgement: measure.indicators[0]?.judgement ?? 'awaiting-data',
  };
}

export function toScorecardJson(scorecard: Scorecard): z.input<typeof ScorecardJson> {
  return {
    plan: planJson(scorecard),
    area: scorecard.area,
    measures: scorecard.measures.map((measure) => ({
      ...measureJson(measure),
      indicators: measure.indicators.map((judged) => {
        const { points: _points, ...summary } = indicatorJson(judged);
        return summary;
      }),
    })),
  };
}

export function toMeasureJson(
  detail: Scorecard & { measure: ScorecardMeasure },
): z.input<typeof MeasureDetailJson> {
  return {
    plan: planJson(detail),
    area: detail.area,
    measure: measureJson(detail.measure),
    indicators: detail.measure.indicators.map(indicatorJson),
  };
}

/** One CSV row per indicator and month. */
export function toMeasureCsvRows(detail: Scorecard & { measure: ScorecardMeasure }) {
  return detail.measure.indicators.flatMap((judged) =>
    pointsWithSpc(judged).map((point) => ({
      measure: detail.measure.code,
      indicator: judged.indicator.slug,
      area: judged.areaCode,
      unit: judged.indicator.unit,
      source: judged.indicator.source,
      ...point,
    })),
  );
}

function asPlainCell(cell: { text: string; format?: string; colspan?: number }) {
  return {
    text: cell.text,
    numeric: cell.format === 'numeric',
    ...(cell.colspan ? { colspan: cell.colspan } : {}),
  };
}

/**
 * One judged indicator as a printed report shows it (the quarterly performance pack): its judgement in words,
 * the months judged, the SPC chart and the same figures as a table (each cell as text), so the chart always
 * has its table beside it.
 */
export function toIndicatorFigure(judged: JudgedIndicator, direction: MeasureDirection, areaName: string) {
  const { indicator } = judged;
  const heads = NUMERATOR_WORDS[indicator.kind];
  const drawOnce: ChartCache = (_key, render) => render();
  return {
    title: indicator.title,
    judgement: judgementWords(judged),
    explanation: judged.points.length > 0 ? explanation(judged) : null,
    period: periodWords(judged),
    chart: judged.points.length > 0 ? measureChart(judged, direction, areaName, drawOnce, []) : null,
    table: {
      caption: `${indicator.title}, ${areaName}, by month`,
      head: measureTableHead(indicator, heads).map(asPlainCell),
      rows: measureTableRows(judged, indicator, Boolean(heads)).map((row) => row.map(asPlainCell)),
    },
    source: indicator.source,
  };
}
