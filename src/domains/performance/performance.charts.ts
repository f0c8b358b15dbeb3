import * as Plot from '@observablehq/plot';
import { chartDocument, finishChart } from '../../kernel/charts/svg-chart.ts';

/** One month of a year's line: null where the month is not loaded, so the line breaks there. */
export interface MonthTotal {
  /** `YYYY-MM-01`. */
  month: string;
  total: number | null;
}

/**
 * A year of monthly totals as a line with a dot per loaded month, drawn on the server as an accessible image;
 * the page's table beside it gives every figure.
 */
export function renderMonthlyTotalsChart(input: {
  label: string;
  unit: string;
  months: MonthTotal[];
}): string {
  const points = input.months.map((month) => ({
    date: new Date(`${month.month}T00:00:00Z`),
    total: month.total,
  }));
  const loaded = points.filter((point) => point.total !== null);
  const svg = Plot.plot({
    document: chartDocument,
    className: 'peelian-chart',
    width: 960,
    height: 300,
    marginLeft: 60,
    x: { type: 'utc', label: null, domain: [points[0]?.date, points.at(-1)?.date] },
    y: { label: input.unit, grid: true, zero: true },
    marks: [
      Plot.lineY(points, { x: 'date', y: 'total', stroke: '#1d70b8', strokeWidth: 2 }),
      Plot.dot(loaded, { x: 'date', y: 'total', fill: '#1d70b8', r: 3.5 }),
    ],
  }) as SVGSVGElement;
  return finishChart(svg, input.label);
}
