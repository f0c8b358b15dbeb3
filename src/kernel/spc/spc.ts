/*
 * Statistical process control for one series of values in time order, by the "Making Data Count" XmR
 * method as NHSRplotthedots implements it. Pure: no clock, no database, no randomness.
 *
 * Segments. A recalculation point starts a new segment. Each segment gets its own mean and limits from its
 * own points, and the rules run within it, so no trend or shift spans a recalculation. Recalculation points
 * are only ever chosen by a person who knows why the process changed; the engine never places them.
 *
 * Baseline. With `baselinePoints` = N, each segment's mean and limits come from its first N points and are
 * applied to every point of that segment, the baseline included (as the package has done since its issue
 * #93). A segment shorter than N uses all its points, again as the package does.
 *
 * Gaps. `gapsBefore` marks points that do not follow the one before directly (a missing period). No moving
 * range is taken across a gap; the mean, the limits' placing of points and the run rules use the points
 * present, in order, because under common-cause variation the points are exchangeable: the chance of 7 on
 * one side of the mean, or of 7 in strict order, is the same whether or not a period between them is
 * missing. How long a gap may be before the series should be judged as two is the caller's decision.
 *
 * Trial limits. Limits calculated from fewer than 13 points are trial limits. We count the points in the
 * calculation (the baseline when there is one), not the points in the segment: limits fixed on a 12-point
 * baseline are no firmer for having more points drawn against them. The package counts the points in the
 * rebase group.
 */
import { SpcInputError } from './errors.ts';
import { calculateXmrBasis, locatePoint } from './limits.ts';
import { findSpecialCauses, pointType, type SpecialCause } from './rules.ts';
import {
  IMPROVEMENT_DIRECTIONS,
  type ImprovementDirection,
  type SpcInput,
  type SpcPoint,
  type SpcResult,
  type SpcSegment,
} from './types.ts';

/** The fewest points from which limits are more than trial limits. */
export const FIRM_LIMITS_POINTS = 13;
/** The shortest baseline allowed, as in NHSRplotthedots and the MDC tool. */
export const MINIMUM_BASELINE_POINTS = 12;
/**
 * The largest magnitude a value may have. Far beyond any police figure, and small enough that the sums
 * and scaled comparisons in the engine cannot overflow.
 */
export const MAXIMUM_MAGNITUDE = 1e15;

interface Options {
  values: readonly number[];
  improvement: ImprovementDirection;
  screenOutliers: boolean;
  baselinePoints: number | null;
  recalculateAt: readonly number[];
  gapsBefore: readonly number[];
}

const COMMON_CAUSE: SpecialCause = { rule: null, direction: 0 };

/** Analyse a series. Throws `SpcInputError` naming the field when the input cannot be analysed. */
export function analyseSpc(input: SpcInput): SpcResult {
  const options = validateInput(input);
  const starts = [0, ...options.recalculateAt];
  const segments: SpcSegment[] = [];
  const points: SpcPoint[] = [];

  starts.forEach((start, segment) => {
    const end = starts[segment + 1] ?? options.values.length;
    const values = options.values.slice(start, end);
    const gaps = new Set(options.gapsBefore.filter((at) => at > start && at < end).map((at) => at - start));
    const basis = calculateXmrBasis(
      values.slice(0, options.baselinePoints ?? values.length),
      options.screenOutliers,
      gaps,
    );
    segments.push({
      start,
      end,
      ...basis.limits,
      trialLimits: basis.limits.calculationPoints < FIRM_LIMITS_POINTS,
    });
    const causes = findSpecialCauses(
      values,
      values.map((value) => locatePoint(basis, value)),
    );
    values.forEach((value, index) => {
      const cause = causes[index] ?? COMMON_CAUSE;
      points.push({
        value,
        rule: cause.rule,
        type: pointType(cause.direction, options.improvement),
        segment,
      });
    });
  });

  const lastSegment = segments.at(-1);
  const lastPoint = points.at(-1);
  if (!lastSegment || !lastPoint) throw new Error('Validated input produced no points.');
  return {
    mean: lastSegment.mean,
    upperLimit: lastSegment.upperLimit,
    lowerLimit: lastSegment.lowerLimit,
    points,
    variation: lastPoint.type,
    trialLimits: lastSegment.trialLimits,
    segments,
  };
}

function validateInput(input: SpcInput): Options {
  const { values, improvement } = input;
  if (!Array.isArray(values) || values.length === 0) {
    throw new SpcInputError('values', 'values must be a list of at least one number.');
  }
  values.forEach((value: unknown, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SpcInputError('values', `values[${index}] must be a finite number.`);
    }
    if (Math.abs(value) > MAXIMUM_MAGNITUDE) {
      throw new SpcInputError('values', `values[${index}] is larger in magnitude than ${MAXIMUM_MAGNITUDE}.`);
    }
  });

  if (!IMPROVEMENT_DIRECTIONS.includes(improvement)) {
    throw new SpcInputError(
      'improvement',
      `improvement must be one of ${IMPROVEMENT_DIRECTIONS.join(', ')}.`,
    );
  }

  const screenOutliers = input.screenOutliers ?? true;
  if (typeof screenOutliers !== 'boolean') {
    throw new SpcInputError('screenOutliers', 'screenOutliers must be true or false.');
  }

  const baselinePoints = input.baselinePoints ?? null;
  if (baselinePoints !== null) {
    if (!Number.isInteger(baselinePoints) || baselinePoints < MINIMUM_BASELINE_POINTS) {
      throw new SpcInputError(
        'baselinePoints',
        `baselinePoints must be a whole number of at least ${MINIMUM_BASELINE_POINTS}.`,
      );
    }
    if (baselinePoints > values.length) {
      throw new SpcInputError(
        'baselinePoints',
        `baselinePoints (${baselinePoints}) is more than the number of values (${values.length}).`,
      );
    }
  }

  const recalculateAt = pointIndexes(
    input.recalculateAt,
    'recalculateAt',
    values.length,
    'starts a new segment',
  );
  const gapsBefore = pointIndexes(input.gapsBefore, 'gapsBefore', values.length, 'follows a gap');
  return { values, improvement, screenOutliers, baselinePoints, recalculateAt, gapsBefore };
}

/** A list of point indexes, each from 1 to the last, strictly increasing; absent is none. */
function pointIndexes(
  list: readonly number[] | undefined,
  field: 'recalculateAt' | 'gapsBefore',
  length: number,
  meaning: string,
): readonly number[] {
  const indexes = list ?? [];
  if (!Array.isArray(indexes)) {
    throw new SpcInputError(field, `${field} must be a list of point indexes.`);
  }
  indexes.forEach((at: unknown, index) => {
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 1 || at > length - 1) {
      throw new SpcInputError(
        field,
        `${field}[${index}] must be a whole number from 1 to ${length - 1}, the index of a point that ${meaning}.`,
      );
    }
    const previous = indexes[index - 1];
    if (previous !== undefined && at <= previous) {
      throw new SpcInputError(field, `${field} must be in strictly increasing order.`);
    }
  });
  return indexes;
}
