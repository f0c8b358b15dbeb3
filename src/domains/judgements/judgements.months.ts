/**
 * Months as the first day of the month (`YYYY-MM-01`), and the rule for gaps: an SPC chart's moving ranges and
 * its trend and shift rules assume each point follows the month before. Across a missing month a moving range
 * mixes two months' change and a run of 7 counts points that are not consecutive, so the scorecard judges
 * only the latest unbroken run of months and says which months it left out. (Drawing the gap on the chart
 * would show it, but would not make the limits or the rules right.)
 */

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
  /** The latest run of consecutive months: the points judged. */
  judged: Point[];
  /** Points before the last gap, not judged. */
  leftOut: Point[];
  /** Months with no value between the first point and the last. */
  missing: string[];
}

/** Splits points (in month order) into the latest unbroken run and what comes before it. */
export function latestUnbrokenRun<Point extends { month: string }>(
  points: readonly Point[],
): MonthRun<Point> {
  let start = 0;
  const missing: string[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (previous && nextMonth(previous.month) !== point.month) {
      start = index;
      missing.push(...monthsBetween(previous.month, point.month));
    }
  });
  return { judged: points.slice(start), leftOut: points.slice(0, start), missing };
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
