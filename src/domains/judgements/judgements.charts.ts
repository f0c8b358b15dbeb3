import * as Plot from '@observablehq/plot';
import { chartDocument as document, finishChart as finish } from '../../kernel/charts/svg-chart.ts';
import type { PointType } from '../../kernel/spc/index.ts';
import { gapsBetween } from './judgements.months.ts';

/** SPC charts, drawn on the server as accessible SVG images (see kernel/charts). */

/** Colours by point type, as in "Making Data Count": blue for improvement, orange for concern, purple neutral. */
export const POINT_COLOURS: Readonly<Record<PointType, string>> = {
  'common-cause': '#6f777b',
  improvement: '#1d70b8',
  concern: '#d4351c',
  'neutral-high': '#4c2c92',
  'neutral-low': '#4c2c92',
};
const LEFT_OUT = '#b1b4b6';
const LINE = '#505a5f';

export interface ChartPoint {
  /** `YYYY-MM-01`. */
  month: string;
  value: number;
  /** False for a point left out of the judgement (before a gap). */
  inRun: boolean;
  /** Null for a point with no label: before a gap, or judged on trial limits (drawn as common cause). */
  type: PointType | null;
}

export interface ChartLimits {
  mean: number;
  upperLimit: number;
  lowerLimit: number;
}

const toDate = (month: string) => new Date(`${month}T00:00:00Z`);

/**
 * The judged points as the line draws them: a missing month goes in as a point with no value, which breaks
 * the line there, so a gap is shown as a gap and never bridged by a line that suggests a figure.
 */
function lineWithGaps(points: readonly ChartPoint[]) {
  const missing = gapsBetween(points).flatMap((gap) => gap.months);
  const line = [
    ...points.map((point) => ({ date: toDate(point.month), value: point.value })),
    ...missing.map((month) => ({ date: toDate(month), value: Number.NaN })),
  ].sort((a, b) => a.date.getTime() - b.date.getTime());
  return { line, missing: missing.map(toDate) };
}

/** A dated event drawn on a chart as a numbered vertical marker; the page lists what each number is. */
export interface ChartMarker {
  /** `YYYY-MM-DD`. */
  date: string;
  number: number;
}
const MARKER = '#00703c';

/**
 * The full XmR chart: the judged series' values coloured by type, its mean (solid) and process limits
 * (dashed) drawn across the judged months only, a break in the line and a dotted grey rule at each missing
 * month, and any earlier months left out of the judgement (before a long gap) as hollow grey points.
 */
export function renderSpcChart(input: {
  label: string;
  unit: string;
  points: readonly ChartPoint[];
  limits: ChartLimits | null;
  markers?: readonly ChartMarker[];
}): string {
  const judged = input.points
    .filter((point) => point.inRun)
    .map((point) => ({ ...point, date: toDate(point.month) }));
  const leftOut = input.points
    .filter((point) => !point.inRun)
    .map((point) => ({ ...point, date: toDate(point.month) }));
  const lines = input.limits
    ? judged.map((point) => ({ date: point.date, ...(input.limits as ChartLimits) }))
    : [];
  const markers = (input.markers ?? []).map((marker) => ({ ...marker, at: toDate(marker.date) }));
  const gaps = lineWithGaps(input.points.filter((point) => point.inRun));
  const svg = Plot.plot({
    document,
    className: 'peelian-chart',
    width: 720,
    height: 320,
    marginLeft: 60,
    x: { type: 'utc', label: null },
    y: { label: input.unit, grid: true },
    marks: [
      Plot.dot(leftOut, { x: 'date', y: 'value', stroke: LEFT_OUT, r: 3 }),
      Plot.lineY(lines, { x: 'date', y: 'upperLimit', stroke: LINE, strokeDasharray: '5,4' }),
      Plot.lineY(lines, { x: 'date', y: 'lowerLimit', stroke: LINE, strokeDasharray: '5,4' }),
      Plot.lineY(lines, { x: 'date', y: 'mean', stroke: LINE }),
      Plot.ruleX(gaps.missing, { stroke: LEFT_OUT, strokeDasharray: '1,3' }),
      Plot.lineY(gaps.line, { x: 'date', y: 'value', stroke: LINE, strokeOpacity: 0.6 }),
      Plot.dot(judged, {
        x: 'date',
        y: 'value',
        r: 4,
        fill: (point: ChartPoint) => POINT_COLOURS[point.type ?? 'common-cause'],
      }),
      Plot.ruleX(markers, { x: 'at', stroke: MARKER, strokeDasharray: '2,3' }),
      Plot.text(markers, {
        x: 'at',
        frameAnchor: 'top',
        dy: 2,
        text: (marker: ChartMarker) => String(marker.number),
        fill: MARKER,
        fontWeight: 'bold',
      }),
    ],
  }) as SVGSVGElement;
  return finish(svg, input.label);
}

/** A small chart for the scorecard: the judged series (broken at a gap), its mean, and its latest point coloured by type. */
export function renderSparkline(input: {
  label: string;
  points: readonly ChartPoint[];
  mean: number | null;
}): string {
  const judged = input.points
    .filter((point) => point.inRun)
    .map((point) => ({ ...point, date: toDate(point.month) }));
  const last = judged.slice(-1);
  const { line } = lineWithGaps(input.points.filter((point) => point.inRun));
  const svg = Plot.plot({
    document,
    className: 'peelian-chart',
    width: 160,
    height: 48,
    margin: 5,
    axis: null,
    marks: [
      ...(input.mean === null ? [] : [Plot.ruleY([input.mean], { stroke: LEFT_OUT })]),
      Plot.lineY(line, { x: 'date', y: 'value', stroke: LINE }),
      Plot.dot(last, {
        x: 'date',
        y: 'value',
        r: 3.5,
        fill: (point: ChartPoint) => POINT_COLOURS[point.type ?? 'common-cause'],
      }),
    ],
  }) as SVGSVGElement;
  return finish(svg, input.label);
}

/**
 * Rendered charts, kept by a key that changes whenever what they draw changes (the indicator, area and the
 * time its values were rebuilt). Drawing a chart takes about a millisecond, so a scorecard of thirty would
 * otherwise spend most of its time drawing the same pictures again.
 */
export function createChartCache(limit = 500) {
  const entries = new Map<string, string>();
  return (key: string, render: () => string): string => {
    const cached = entries.get(key);
    if (cached !== undefined) {
      entries.delete(key);
      entries.set(key, cached);
      return cached;
    }
    const svg = render();
    entries.set(key, svg);
    if (entries.size > limit) entries.delete(entries.keys().next().value as string);
    return svg;
  };
}
export type ChartCache = ReturnType<typeof createChartCache>;
