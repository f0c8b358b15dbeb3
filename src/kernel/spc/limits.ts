/*
 * XmR (individuals and moving range) limits, following NHSRplotthedots (R/ptd_spc_standard.R, v0.2):
 *
 *   mean  = mean of the calculation points
 *   MR_i  = |x_i − x_(i−1)| between consecutive calculation points, and none across a gap (a missing
 *           period between them): a range across a gap would measure two periods' change as one and
 *           widen the limits, so it is not computed (decision record 0007)
 *   AMR   = mean of the moving ranges; with screening on, every MR ≥ 3.267 × AMR is dropped and the mean of
 *           the remaining ranges taken once (no second pass, as in the package)
 *   limits      = mean ± 2.66 × AMR              (a point is outside only if strictly beyond)
 *   near limits = mean ± (2/3 × 2.66) × AMR      (a point is near a limit if strictly beyond this line but
 *                                                 not outside the limits)
 *
 * Points are placed against the limits without dividing: the comparisons are made on n × (x − mean), with
 * the constants as ratios over one denominator (2.66 = 798/300, 2/3 × 2.66 = 532/300). For whole-number
 * data, which most police figures are, every comparison is then exact, so a point sitting on the mean or on
 * a limit is judged the same whatever constant is added to the series or whatever whole number it is
 * multiplied by. The reported mean and lines are each one division of those same exact quantities, so for
 * whole numbers they are correctly rounded and agree with the flags; for any data they stay in order
 * (lower ≤ near lower ≤ mean ≤ near upper ≤ upper).
 */

import type { SpcSegment } from './types.ts';

export type Sign = -1 | 0 | 1;

const DENOMINATOR = 300;
const LIMIT = 798; // 2.66 × 300
const NEAR = 532; // 2/3 × 2.66 × 300
const SCREEN = { numerator: 3267, denominator: 1000 };

/** A segment's mean and limits: the segment less where it lies and whether its limits are trial ones. */
export type XmrLimits = Omit<SpcSegment, 'start' | 'end' | 'trialLimits'>;

/** The limits together with the exact sums behind them, which `locatePoint` compares against. */
export interface XmrBasis {
  limits: XmrLimits;
  count: number;
  sum: number;
  rangeCount: number;
  rangeSum: number;
}

export interface PointPosition {
  /** Above (1), below (−1) or exactly on (0) the mean. */
  side: Sign;
  outside: boolean;
  nearLimit: boolean;
}

/**
 * `gapsBefore` holds the indexes (into `values`) of points that do not follow the point before them
 * directly; no moving range is taken across them.
 */
export function calculateXmrBasis(
  values: readonly number[],
  screenOutliers: boolean,
  gapsBefore: ReadonlySet<number> = new Set(),
): XmrBasis {
  const first = values[0];
  if (first === undefined) throw new RangeError('XmR limits need at least one value.');
  const count = values.length;
  // When every value is the same, take that value as the mean and n × value as the sum, so that each point
  // compares as exactly on the mean; adding up 0.1 ten times, say, would not.
  const constant = values.every((value) => value === first);
  const sum = constant ? count * first : total(values);
  const mean = constant ? first : sum / count;

  const ranges: number[] = [];
  values.forEach((value, index) => {
    const previous = values[index - 1];
    if (previous !== undefined && !gapsBefore.has(index)) ranges.push(Math.abs(value - previous));
  });
  const allRangeSum = total(ranges);
  // Screening keeps a range only if it is under 3.267 × the average of all ranges. With every range zero
  // there is nothing to screen (and the package's `<` test would otherwise drop them all).
  const kept =
    screenOutliers && allRangeSum > 0
      ? ranges.filter((range) => range * SCREEN.denominator * ranges.length < SCREEN.numerator * allRangeSum)
      : ranges;
  const rangeSum = total(kept);
  const rangeCount = kept.length;
  const averageMovingRange = rangeCount > 0 ? rangeSum / rangeCount : 0;
  const degenerate = rangeSum === 0;

  // A line c average moving ranges from the mean is (300·m·S + 300c·n·R) / (300·m·n), for n points summing
  // to S and m kept ranges summing to R. With no spread every line is the mean.
  const base = DENOMINATOR * rangeCount * sum;
  const denominator = DENOMINATOR * rangeCount * count;
  const line = (offset: number) => (degenerate ? mean : (base + offset * count * rangeSum) / denominator);

  return {
    limits: {
      calculationPoints: count,
      mean: degenerate ? mean : line(0),
      averageMovingRange,
      movingRanges: ranges.length,
      screenedMovingRanges: ranges.length - rangeCount,
      upperLimit: line(LIMIT),
      lowerLimit: line(-LIMIT),
      nearUpperLimit: line(NEAR),
      nearLowerLimit: line(-NEAR),
      degenerate,
    },
    count,
    sum,
    rangeCount,
    rangeSum,
  };
}

/**
 * Where a value sits against the limits. With a zero average moving range the limits coincide with the
 * mean; taken literally every point off the mean would be "outside the limits", which says nothing about
 * the process, so in that case no point is outside or near a limit and only its side of the mean counts.
 */
export function locatePoint(basis: XmrBasis, value: number): PointPosition {
  const deviation = basis.count * value - basis.sum; // n × (value − mean)
  const side: Sign = deviation > 0 ? 1 : deviation < 0 ? -1 : 0;
  if (basis.rangeSum === 0) return { side, outside: false, nearLimit: false };
  // |value − mean| / AMR = |deviation| × rangeCount / (n × rangeSum); compare without dividing.
  const distance = Math.abs(deviation) * basis.rangeCount;
  const scale = basis.count * basis.rangeSum;
  const outside = distance * DENOMINATOR > LIMIT * scale;
  const nearLimit = !outside && distance * DENOMINATOR > NEAR * scale;
  return { side, outside, nearLimit };
}

function total(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}
