/**
 * Names shared by the SPC engine and whatever exposes it. The lists are `as const` so a schema at the edge
 * (zod's `z.enum`) can use them directly.
 */

/** Which way a measure improves. A neutral measure has no good or bad direction, only high and low. */
export const IMPROVEMENT_DIRECTIONS = ['increase', 'decrease', 'neutral'] as const;
export type ImprovementDirection = (typeof IMPROVEMENT_DIRECTIONS)[number];

/** The special-cause rules in priority order: when several match a point, the first one names it. */
export const SPECIAL_CAUSE_RULES = ['outside-limits', 'trend', 'two-of-three', 'shift'] as const;
export type SpecialCauseRule = (typeof SPECIAL_CAUSE_RULES)[number];

export const POINT_TYPES = ['common-cause', 'improvement', 'concern', 'neutral-high', 'neutral-low'] as const;
export type PointType = (typeof POINT_TYPES)[number];

/**
 * The method and rule set this engine implements, to be stored or shown beside any judgement it makes:
 * XmR limits as in NHSRplotthedots 0.2 (moving-range screening switchable), 7-point trend, 2-of-3 near
 * the limits (points beyond the limits not counted), 7-point shift.
 */
export const SPC_METHOD = 'xmr-ptd-0.2/trend-7/two-of-three-inside/shift-7';

export interface SpcInput {
  values: readonly number[];
  improvement: ImprovementDirection;
  /** Leave moving ranges of 3.267 × the average or more out of the average moving range. Default true. */
  screenOutliers?: boolean;
  /**
   * Calculate each segment's mean and limits from its first N points only (N ≥ 12) and apply them to the
   * rest of the segment. Null or absent: every point of the segment.
   */
  baselinePoints?: number | null;
  /**
   * Zero-based indexes of points that start a new segment with its own mean and limits, chosen by a
   * person who knows the process changed there. Strictly increasing, each between 1 and values.length − 1.
   */
  recalculateAt?: readonly number[];
  /**
   * Zero-based indexes of points that do not follow the point before them directly: the period between
   * them is missing (a month with no figures). No moving range is taken across such a gap, so the average
   * moving range measures only the change from one period to the next; the mean and the run rules use the
   * points present. Strictly increasing, each between 1 and values.length − 1.
   */
  gapsBefore?: readonly number[];
}

export interface SpcPoint {
  value: number;
  /** The highest-priority rule the point is part of, or null for common-cause variation. */
  rule: SpecialCauseRule | null;
  type: PointType;
  /** Index into `SpcResult.segments`. */
  segment: number;
}

export interface SpcSegment {
  /** Index of the segment's first point. */
  start: number;
  /** Index one past the segment's last point. */
  end: number;
  /** How many points the mean and limits were calculated from (the baseline, or the whole segment). */
  calculationPoints: number;
  mean: number;
  averageMovingRange: number;
  /** Moving ranges taken: one between each two adjacent points, none across a gap. */
  movingRanges: number;
  /** Moving ranges left out of the average by screening. */
  screenedMovingRanges: number;
  upperLimit: number;
  lowerLimit: number;
  /** The 2-sigma lines: a point beyond one of these but inside the limits is "near" a limit. */
  nearUpperLimit: number;
  nearLowerLimit: number;
  /** Fewer than 13 points in the calculation. */
  trialLimits: boolean;
  /**
   * The average moving range is zero (constant values, a single point, or screening removed every non-zero
   * range): the limits collapse onto the mean and say nothing about spread. Callers should not present a
   * judgement of variation for such a segment.
   */
  degenerate: boolean;
}

export interface SpcResult {
  /** Mean and limits of the last segment, the one the series' variation is judged against. */
  mean: number;
  upperLimit: number;
  lowerLimit: number;
  points: SpcPoint[];
  /** The type of the last point. */
  variation: PointType;
  /** Whether the last segment's limits are trial limits. */
  trialLimits: boolean;
  segments: SpcSegment[];
}
