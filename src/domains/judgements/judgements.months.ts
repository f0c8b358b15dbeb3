/**
 * Months as the first day of the month (`YYYY-MM-01`), and the rule for gaps (docs/decisions/0007).
 *
 * A month or two missing does not throw away the history before it. Within a series, the limits come from
 * the months present; a moving range is taken only between adjacent months, never across a missing one
 * (it would measure two months' change as one and widen the limits); the run and trend rules count the
 * months present, in order, since under common-cause variation their chance of firing does not depend on
 * a month between them being missing. The missing months are drawn as a break in the chart's line, listed
 * in its table and named in words wherever the series is described.
 *
 * A gap of more than MAX_BRIDGED_GAP consecutive months starts a new series, and only the latest series
 * is judged. police.uk's short gaps are files not published for a month or two; its long ones come with a
 * force changing its systems (Greater Manchester from July 2019, Gwent's four months in 2025), after which
 * the figures on either side need not come from one process. Three months also keeps a run of 7 months
 * present within 10 calendar months, so no run or trend reaches back across a year's seasons.
 */

/** The longest gap, in consecutive missing months, that a series is judged across. */
export const MAX_BRIDGED_GAP = 3;

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12 ? `${year + 1}-01-01` : `${year}-${String(index + 1).padStart(2, '0')}-01`;
}

/** Months strictly between two months, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = nextMonth(from); month < to; month = nextMonth(month)) months.push(month);
  return months;
}

export interface MonthRun<Point extends { month: string }> {
  /** The latest series: the points judged, each gap inside it no longer than MAX_BRIDGED_GAP months. */
  judged: Point[];
  /** Points before the last long gap, not judged. */
  leftOut: Point[];
  /** Every month with no value between the first point and the last, in order. */
  missing: string[];
  /** Of those, the months missing inside the judged series (bridged, not judged across as a break). */
  missingInSeries: string[];
  /** Indexes into `judged` of points that do not follow the month before: no moving range reaches them. */
  gapsBefore: number[];
}

/** Splits points (in month order) into the latest series and what comes before its last long gap. */
export function latestSeries<Point extends { month: string }>(
  points: readonly Point[],
  maxBridgedGap = MAX_BRIDGED_GAP,
): MonthRun<Point> {
  let start = 0;
  const missing: string[] = [];
  let missingInSeries: string[] = [];
  let gapsBefore: number[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (!previous || nextMonth(previous.month) === point.month) return;
    const gap = monthsBetween(previous.month, point.month);
    missing.push(...gap);
    if (gap.length > maxBridgedGap) {
      start = index;
      missingInSeries = [];
      gapsBefore = [];
    } else {
      missingInSeries.push(...gap);
      gapsBefore.push(index - start);
    }
  });
  return {
    judged: points.slice(start),
    leftOut: points.slice(0, start),
    missing,
    missingInSeries,
    gapsBefore,
  };
}

/** The gaps between points (in month order): each run of missing months, in order. */
export function gapsBetween(points: readonly { month: string }[]): { after: string; months: string[] }[] {
  const gaps: { after: string; months: string[] }[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (previous && nextMonth(previous.month) !== point.month)
      gaps.push({ after: previous.month, months: monthsBetween(previous.month, point.month) });
  });
  return gaps;
}

const MONTH_WORDS = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2025-08-01` → `August 2025`. */
export function monthWords(month: string): string {
  return MONTH_WORDS.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** Months (in order) as words, consecutive ones joined: `April 2022 to December 2023, July 2025`. */
export function monthRangesInWords(months: readonly string[]): string {
  const ranges: [string, string][] = [];
  for (const month of months) {
    const last = ranges.at(-1);
    if (last && nextMonth(last[1]) === month) last[1] = month;
    else ranges.push([month, month]);
  }
  return ranges
    .map(([from, to]) => (from === to ? monthWords(from) : `${monthWords(from)} to ${monthWords(to)}`))
    .join(', ');
}
