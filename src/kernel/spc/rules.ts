/*
 * Special-cause rules, following NHSRplotthedots (R/ptd_calculate_point_type.R, v0.2). They run within one
 * segment (the package groups by rebase group), and the first rule that matches a point names it:
 *
 * 1. outside-limits  the point is strictly beyond a process limit.
 * 2. trend           the point is one of 7 consecutive points with 6 strict increases, or 6 strict
 *                    decreases; an equal neighbour breaks the run. All 7 points are flagged.
 * 3. two-of-three    in some 3 consecutive points, all on the same side of the mean, at least 2 are near a
 *                    limit (beyond the 2-sigma line, inside the limits). Only those near points are flagged;
 *                    the third point and any point beyond the limits do not count (package issues #143 and
 *                    #153; MDC's later wish to count points beyond the limits too (#194) is not followed,
 *                    as the package has not made that change).
 * 4. shift           the point is one of 7 consecutive points on the same side of the mean; a point exactly
 *                    on the mean breaks the run. All 7 points are flagged.
 *
 * Each flagged point has a direction, +1 (high) or −1 (low): for a trend, the way the trend runs (so a
 * rising trend that starts below the mean is high throughout); for the other rules, the point's side of
 * the mean. The measure's improvement direction turns that into improvement or concern, or into
 * neutral-high / neutral-low for a neutral measure. One pattern can therefore mix types: in 1, 2, …, 10
 * with direction "increase", points 1 and 2 may be below the lower limit (concern) while 3 to 9 are a
 * rising trend (improvement).
 */
import type { PointPosition, Sign } from './limits.ts';
import type { ImprovementDirection, PointType, SpecialCauseRule } from './types.ts';

const TREND_POINTS = 7;
const SHIFT_POINTS = 7;

export interface SpecialCause {
  rule: SpecialCauseRule | null;
  /** High (1) or low (−1) for a flagged point; 0 for common cause. */
  direction: Sign;
}

export function findSpecialCauses(
  values: readonly number[],
  positions: readonly PointPosition[],
): SpecialCause[] {
  const trend = trendDirections(values);
  const twoOfThree = twoOfThreeFlags(positions);
  const shift = shiftFlags(positions);
  return positions.map((position, index): SpecialCause => {
    if (position.outside) return { rule: 'outside-limits', direction: position.side };
    const trendDirection = trend[index] ?? 0;
    if (trendDirection !== 0) return { rule: 'trend', direction: trendDirection };
    if (twoOfThree[index]) return { rule: 'two-of-three', direction: position.side };
    if (shift[index]) return { rule: 'shift', direction: position.side };
    return { rule: null, direction: 0 };
  });
}

export function pointType(direction: Sign, improvement: ImprovementDirection): PointType {
  if (direction === 0) return 'common-cause';
  if (improvement === 'neutral') return direction > 0 ? 'neutral-high' : 'neutral-low';
  const favourable = improvement === 'increase' ? direction > 0 : direction < 0;
  return favourable ? 'improvement' : 'concern';
}

/**
 * The direction of the trend each point belongs to, or 0. A turning point can end a rising run and start a
 * falling one; later runs overwrite earlier ones, so it takes the direction of the run that starts there,
 * as the package does ("use right side").
 */
function trendDirections(values: readonly number[]): Sign[] {
  const directions: Sign[] = values.map(() => 0);
  let rises = 0;
  let falls = 0;
  values.forEach((value, index) => {
    const previous = values[index - 1];
    rises = previous !== undefined && value > previous ? rises + 1 : 0;
    falls = previous !== undefined && value < previous ? falls + 1 : 0;
    const direction: Sign = rises >= TREND_POINTS - 1 ? 1 : falls >= TREND_POINTS - 1 ? -1 : 0;
    if (direction !== 0) directions.fill(direction, index - (TREND_POINTS - 1), index + 1);
  });
  return directions;
}

function twoOfThreeFlags(positions: readonly PointPosition[]): boolean[] {
  const flags = positions.map(() => false);
  for (let start = 0; start + 3 <= positions.length; start++) {
    const window = positions.slice(start, start + 3);
    const side = window[0]?.side ?? 0;
    const sameSide = side !== 0 && window.every((position) => position.side === side);
    const near = window.filter((position) => position.nearLimit).length;
    if (!sameSide || near < 2) continue;
    window.forEach((position, offset) => {
      if (position.nearLimit) flags[start + offset] = true;
    });
  }
  return flags;
}

function shiftFlags(positions: readonly PointPosition[]): boolean[] {
  const flags = positions.map(() => false);
  let run = 0;
  positions.forEach((position, index) => {
    const previous = positions[index - 1];
    run = position.side === 0 ? 0 : previous?.side === position.side ? run + 1 : 1;
    if (run >= SHIFT_POINTS) flags.fill(true, index - (SHIFT_POINTS - 1), index + 1);
  });
  return flags;
}
