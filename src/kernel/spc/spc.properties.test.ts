import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSpc, type PointType, type SpcInput, type SpcResult } from './index.ts';

/*
 * Whole-number series, as police counts are: the engine's comparisons are exact for them, so the rules must
 * come out identical after shifting or scaling, not merely close. Three shapes: wide noise; a few small
 * values (ties, runs on the mean, constant and degenerate series); and random walks (trends and shifts).
 */
const noise = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 });
const fewValues = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 });
const walk = fc
  .array(fc.integer({ min: -4, max: 6 }), { minLength: 1, maxLength: 60 })
  .map((steps) => steps.map((_, index) => steps.slice(0, index + 1).reduce((sum, step) => sum + step, 0)));
const wholeSeries = fc.oneof(noise, fewValues, walk);

/** A valid input around the given values: any direction, screening, baseline and recalculation points. */
function inputFor(values: fc.Arbitrary<number[]>): fc.Arbitrary<SpcInput> {
  return values.chain((series) =>
    fc.record({
      values: fc.constant(series),
      improvement: fc.constantFrom('increase' as const, 'decrease' as const, 'neutral' as const),
      screenOutliers: fc.boolean(),
      baselinePoints:
        series.length >= 12
          ? fc.option(fc.integer({ min: 12, max: series.length }), { nil: null })
          : fc.constant(null),
      recalculateAt:
        series.length >= 2
          ? fc
              .uniqueArray(fc.integer({ min: 1, max: series.length - 1 }), { maxLength: 3 })
              .map((indexes) => indexes.toSorted((a, b) => a - b))
          : fc.constant([]),
    }),
  );
}

const wholeInput = inputFor(wholeSeries);

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function rules(result: SpcResult) {
  return result.points.map((point) => point.rule);
}

function types(result: SpcResult) {
  return result.points.map((point) => point.type);
}

const swapped: Record<PointType, PointType> = {
  'common-cause': 'common-cause',
  improvement: 'concern',
  concern: 'improvement',
  'neutral-high': 'neutral-low',
  'neutral-low': 'neutral-high',
};

describe('SPC invariants', () => {
  it('returns one point per value, in order, and takes the series figures from the last segment and point', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const result = analyseSpc(input);
        expect(result.points.map((point) => point.value)).toEqual(input.values);
        const last = result.segments.at(-1);
        expect(result.variation).toBe(result.points.at(-1)?.type);
        expect(result.mean).toBe(last?.mean);
        expect(result.upperLimit).toBe(last?.upperLimit);
        expect(result.lowerLimit).toBe(last?.lowerLimit);
        expect(result.trialLimits).toBe(last?.trialLimits);
        expect(result.segments.map((segment) => segment.start)).toEqual([0, ...(input.recalculateAt ?? [])]);
        for (const point of result.points) expect(point.rule === null).toBe(point.type === 'common-cause');
      }),
    );
  });

  it('orders lower limit ≤ near lower ≤ mean ≤ near upper ≤ upper limit, for any finite values', () => {
    const anySeries = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), {
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(fc.oneof(wholeInput, inputFor(anySeries)), (input) => {
        for (const segment of analyseSpc(input).segments) {
          expect(segment.lowerLimit).toBeLessThanOrEqual(segment.nearLowerLimit);
          expect(segment.nearLowerLimit).toBeLessThanOrEqual(segment.mean);
          expect(segment.mean).toBeLessThanOrEqual(segment.nearUpperLimit);
          expect(segment.nearUpperLimit).toBeLessThanOrEqual(segment.upperLimit);
          expect(segment.trialLimits).toBe(segment.calculationPoints < 13);
        }
      }),
    );
  });

  it('flags outside-limits exactly the points beyond their segment limits', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const result = analyseSpc(input);
        for (const point of result.points) {
          const segment = result.segments[point.segment];
          if (!segment || segment.degenerate) continue;
          const beyond = point.value > segment.upperLimit || point.value < segment.lowerLimit;
          expect(point.rule === 'outside-limits').toBe(beyond);
        }
      }),
    );
  });

  it('adding a constant shifts the mean and limits by it and leaves every rule and type unchanged', () => {
    fc.assert(
      fc.property(wholeInput, fc.integer({ min: -100_000, max: 100_000 }), (input, constant) => {
        const before = analyseSpc(input);
        const after = analyseSpc({ ...input, values: input.values.map((value) => value + constant) });
        expect(rules(after)).toEqual(rules(before));
        expect(types(after)).toEqual(types(before));
        close(after.mean, before.mean + constant);
        close(after.upperLimit, before.upperLimit + constant);
        close(after.lowerLimit, before.lowerLimit + constant);
      }),
    );
  });

  it('multiplying by a positive constant scales the mean and limits and leaves every rule and type unchanged', () => {
    const factor = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0.5, 0.25));
    fc.assert(
      fc.property(wholeInput, factor, (input, k) => {
        const before = analyseSpc(input);
        const after = analyseSpc({ ...input, values: input.values.map((value) => value * k) });
        expect(rules(after)).toEqual(rules(before));
        expect(types(after)).toEqual(types(before));
        close(after.mean, before.mean * k);
        close(after.upperLimit, before.upperLimit * k);
        close(after.lowerLimit, before.lowerLimit * k);
      }),
    );
  });

  it('reversing the improvement direction swaps improvement and concern; neutral gives high for one', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const increase = analyseSpc({ ...input, improvement: 'increase' });
        const decrease = analyseSpc({ ...input, improvement: 'decrease' });
        const neutral = analyseSpc({ ...input, improvement: 'neutral' });
        expect(rules(decrease)).toEqual(rules(increase));
        expect(types(decrease)).toEqual(types(increase).map((type) => swapped[type]));
        const high: Record<PointType, PointType> = {
          'common-cause': 'common-cause',
          improvement: 'neutral-high',
          concern: 'neutral-low',
          'neutral-high': 'neutral-high',
          'neutral-low': 'neutral-low',
        };
        expect(types(neutral)).toEqual(types(increase).map((type) => high[type]));
      }),
    );
  });

  it('negating the values and reversing the direction changes nothing but the sign of the figures', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const before = analyseSpc({ ...input, improvement: 'increase' });
        const after = analyseSpc({
          ...input,
          values: input.values.map((value) => -value),
          improvement: 'decrease',
        });
        expect(rules(after)).toEqual(rules(before));
        expect(types(after)).toEqual(types(before));
        close(after.mean, -before.mean);
        close(after.upperLimit, -before.lowerLimit);
      }),
    );
  });

  it('screening never widens the limits', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const screened = analyseSpc({ ...input, screenOutliers: true });
        const unscreened = analyseSpc({ ...input, screenOutliers: false });
        screened.segments.forEach((segment, index) => {
          const other = unscreened.segments[index];
          expect(segment.averageMovingRange).toBeLessThanOrEqual(other?.averageMovingRange ?? Number.NaN);
          expect(segment.mean).toBe(other?.mean);
        });
      }),
    );
  });

  it('analyses each recalculation segment exactly as if it were a series of its own', () => {
    fc.assert(
      fc.property(wholeInput, (input) => {
        const whole = analyseSpc(input);
        for (const segment of whole.segments) {
          const values = input.values.slice(segment.start, segment.end);
          const baselinePoints =
            input.baselinePoints && input.baselinePoints <= values.length ? input.baselinePoints : null;
          const alone = analyseSpc({ ...input, values, baselinePoints, recalculateAt: [] });
          const { start: _start, end: _end, ...figures } = segment;
          const { start: _s, end: _e, ...aloneFigures } = alone.segments[0] ?? segment;
          expect(figures).toEqual(aloneFigures);
          const points = whole.points.slice(segment.start, segment.end);
          expect(points.map(({ rule, type }) => ({ rule, type }))).toEqual(
            alone.points.map(({ rule, type }) => ({ rule, type })),
          );
        }
      }),
    );
  });

  it('keeps a baseline fixed: points added after it do not move the mean or limits', () => {
    const withBaseline = wholeSeries
      .filter((values) => values.length >= 12)
      .chain((values) =>
        fc.tuple(
          fc.constant(values),
          fc.integer({ min: 12, max: values.length }),
          fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 20 }),
        ),
      );
    fc.assert(
      fc.property(withBaseline, ([values, baselinePoints, more]) => {
        const before = analyseSpc({ values, improvement: 'increase', baselinePoints });
        const after = analyseSpc({ values: [...values, ...more], improvement: 'increase', baselinePoints });
        const { end: _before, ...figures } = before.segments[0] ?? {};
        const { end: _after, ...laterFigures } = after.segments[0] ?? {};
        expect(laterFigures).toEqual(figures);
      }),
    );
  });
});
