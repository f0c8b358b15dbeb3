import { describe, expect, it } from 'vitest';
import { analyseSpc, type SpcInput, SpcInputError, type SpcResult } from './index.ts';

function repeat(pattern: readonly number[], times: number): number[] {
  return Array.from({ length: times }, () => pattern).flat();
}

/** The flagged points as { index: rule }, so an expectation lists only what is flagged. */
function flags(result: SpcResult): Record<number, string> {
  return Object.fromEntries(
    result.points.flatMap((point, index) => (point.rule ? [[index, point.rule] as const] : [])),
  );
}

function types(result: SpcResult): string[] {
  return result.points.map((point) => point.type);
}

/*
 * BASELINE: 21, 19 six times. Mean 20; eleven moving ranges of 2, so AMR = 2 (none reaches 3.267 × 2).
 * Limits 20 ± 2.66 × 2 = 14.68 .. 25.32; near-limit lines 20 ± (2/3)(5.32) = 16.453 .. 23.547.
 * It ends below the mean, so points appended after it start a fresh run above the mean.
 */
const BASELINE = repeat([21, 19], 6);

function withBaseline(after: number[], input: Partial<SpcInput> = {}): SpcResult {
  return analyseSpc({
    values: [...BASELINE, ...after],
    improvement: 'increase',
    baselinePoints: 12,
    ...input,
  });
}

describe('limits', () => {
  it('21, 19 seven times: mean 20, AMR 2, limits 20 ± 5.32, near lines 20 ± 3.547, nothing flagged', () => {
    const result = analyseSpc({ values: repeat([21, 19], 7), improvement: 'increase' });
    const [segment] = result.segments;
    expect(segment?.mean).toBe(20);
    expect(segment?.averageMovingRange).toBe(2);
    expect(segment?.upperLimit).toBeCloseTo(25.32, 10);
    expect(segment?.lowerLimit).toBeCloseTo(14.68, 10);
    expect(segment?.nearUpperLimit).toBeCloseTo(20 + 5.32 * (2 / 3), 10);
    expect(segment?.nearLowerLimit).toBeCloseTo(20 - 5.32 * (2 / 3), 10);
    expect(result).toMatchObject({ mean: 20, trialLimits: false, variation: 'common-cause' });
    expect(result.upperLimit).toBeCloseTo(25.32, 10);
    expect(flags(result)).toEqual({});
  });

  /*
   * 9, 11, 9, 11, 9, 11, 20, 0, 9, 11, 9, 11, 9, 11: sum 140, mean 10.
   * Moving ranges: 2 ×5, 9, 20, 9, 2 ×5 → 13 ranges summing 58, AMR 4.4615.
   * Screening: 3.267 × 4.4615 = 14.576, so the 20 goes; AMR = 38 / 12 = 3.1667,
   *   limits 10 ± 2.66 × 3.1667 = 10 ± 8.4233 → 1.577 .. 18.423: 20 and 0 are outside.
   * Without screening: limits 10 ± 2.66 × 4.4615 = 10 ± 11.868 → −1.868 .. 21.868: nothing outside, and
   *   20 and 0, though beyond the near lines (10 ± 7.912), are not two of three on one side.
   */
  const spike = [9, 11, 9, 11, 9, 11, 20, 0, 9, 11, 9, 11, 9, 11];

  it('screens out moving ranges of 3.267 × the average or more, recomputing the average once', () => {
    const result = analyseSpc({ values: spike, improvement: 'increase' });
    const [segment] = result.segments;
    expect(segment?.screenedMovingRanges).toBe(1);
    expect(segment?.averageMovingRange).toBeCloseTo(38 / 12, 10);
    expect(result.upperLimit).toBeCloseTo(10 + 2.66 * (38 / 12), 10);
    expect(result.lowerLimit).toBeCloseTo(10 - 2.66 * (38 / 12), 10);
    expect(flags(result)).toEqual({ 6: 'outside-limits', 7: 'outside-limits' });
  });

  it('does not screen when screenOutliers is false (as the MDC Excel tool)', () => {
    const result = analyseSpc({ values: spike, improvement: 'increase', screenOutliers: false });
    const [segment] = result.segments;
    expect(segment?.screenedMovingRanges).toBe(0);
    expect(segment?.averageMovingRange).toBeCloseTo(58 / 13, 10);
    expect(result.upperLimit).toBeCloseTo(10 + 2.66 * (58 / 13), 10);
    expect(flags(result)).toEqual({});
  });

  /*
   * Ten moving ranges of 7733 and one of 32670: total 110000, AMR 10000, and 3.267 × 10000 = 32670 exactly,
   * so the last range is screened (≥). With 32669 instead the total is 109999, the threshold 32669.7, and
   * it stays.
   */
  it('screens a moving range of exactly 3.267 × the average and keeps one just under', () => {
    const series = (jump: number) => [...repeat([0, 7733], 5), 0, jump];
    const atThreshold = analyseSpc({ values: series(32670), improvement: 'increase' });
    expect(atThreshold.segments[0]).toMatchObject({ screenedMovingRanges: 1, averageMovingRange: 7733 });
    const under = analyseSpc({ values: series(32669), improvement: 'increase' });
    expect(under.segments[0]).toMatchObject({ screenedMovingRanges: 0, averageMovingRange: 109999 / 11 });
  });

  it('labels limits from 12 points trial and from 13 points not', () => {
    expect(analyseSpc({ values: repeat([21, 19], 6), improvement: 'increase' }).trialLimits).toBe(true);
    expect(analyseSpc({ values: [...repeat([21, 19], 6), 21], improvement: 'increase' }).trialLimits).toBe(
      false,
    );
  });
});

describe('rule: outside the limits', () => {
  it('flags points strictly beyond a limit; above is improvement and below concern for "increase"', () => {
    // BASELINE then 25 (inside), 26 (above 25.32), 14 (below 14.68).
    const result = withBaseline([25, 26, 14]);
    expect(flags(result)).toEqual({ 13: 'outside-limits', 14: 'outside-limits' });
    expect(types(result).slice(12)).toEqual(['common-cause', 'improvement', 'concern']);
  });
});

describe('boundaries are strict', () => {
  // 575, 425 six times: mean 500, AMR 150; limits 500 ± 399 = 101 .. 899; near lines 500 ± 266 = 234 .. 766.
  const wide = repeat([575, 425], 6);
  const analyse = (after: number[]) =>
    analyseSpc({ values: [...wide, ...after], improvement: 'increase', baselinePoints: 12 });

  it('a point exactly on a limit is not outside it', () => {
    expect(analyse([899, 101]).segments[0]).toMatchObject({ upperLimit: 899, lowerLimit: 101 });
    expect(flags(analyse([899, 500, 101]))).toEqual({});
    expect(flags(analyse([900, 500, 100]))).toEqual({ 12: 'outside-limits', 14: 'outside-limits' });
  });

  it('a point exactly on a near-limit line is not near the limit', () => {
    expect(analyse([]).segments[0]).toMatchObject({ nearUpperLimit: 766, nearLowerLimit: 234 });
    expect(flags(analyse([766, 700, 766]))).toEqual({});
    expect(flags(analyse([767, 700, 767]))).toEqual({ 12: 'two-of-three', 14: 'two-of-three' });
  });
});

describe('rule: trend', () => {
  /*
   * 12, 8, 12, 8, 7, 8, 9, 10, 11, 12, 13, 12, 8, 12, 8: sum 150, mean 10.
   * Moving ranges: 4, 4, 4, 1 ×8, 4, 4, 4 → 32 / 14, AMR 2.2857; limits 10 ± 6.080; near lines 10 ± 4.053,
   * so every point is inside and none near. Above the mean at most 4 in a row, below at most 4.
   * Points 4..10 (7, 8, …, 13) rise six times in a row.
   */
  const rising = [12, 8, 12, 8, 7, 8, 9, 10, 11, 12, 13, 12, 8, 12, 8];
  const trendFlags = { 4: 'trend', 5: 'trend', 6: 'trend', 7: 'trend', 8: 'trend', 9: 'trend', 10: 'trend' };

  it('flags all 7 points of 6 strict increases; rising is improvement for "increase", even below the mean', () => {
    const result = analyseSpc({ values: rising, improvement: 'increase' });
    expect(result.mean).toBe(10);
    expect(result.upperLimit).toBeCloseTo(10 + 2.66 * (32 / 14), 10);
    expect(flags(result)).toEqual(trendFlags);
    expect(types(result).slice(4, 11)).toEqual(Array(7).fill('improvement'));
  });

  it('flags 6 strict decreases; falling is concern for "increase"', () => {
    const result = analyseSpc({ values: rising.toReversed(), improvement: 'increase' });
    expect(flags(result)).toEqual(trendFlags);
    expect(types(result).slice(4, 11)).toEqual(Array(7).fill('concern'));
  });

  it('is broken by a tie (7, 8, 9, 9, 11, 12, 13 is no trend)', () => {
    // Mean 149 / 15 = 9.933; AMR 32 / 14 again; at most 5 points in a row on one side.
    const tied = [12, 8, 12, 8, 7, 8, 9, 9, 11, 12, 13, 12, 8, 12, 8];
    expect(flags(analyseSpc({ values: tied, improvement: 'increase' }))).toEqual({});
  });

  /*
   * 12, 8, 12, 8, 7, 8, …, 13, 12, …, 7, 12, 8, 12, 8: a rise from 7 to 13 (points 4..10) and a fall back to 7
   * (points 10..16) sharing the 13. Sum 207, mean 9.857; moving ranges 4, 4, 4, 1 ×13, 5, 4, 4, 4 → 42 / 20,
   * AMR 2.1; limits 9.857 ± 5.586, near lines 9.857 ± 3.724 (6.133 .. 13.581), so nothing is near or outside.
   */
  it('gives a turning point shared by a rise and a fall the direction of the run that starts there', () => {
    const peak = [12, 8, 12, 8, 7, 8, 9, 10, 11, 12, 13, 12, 11, 10, 9, 8, 7, 12, 8, 12, 8];
    const result = analyseSpc({ values: peak, improvement: 'increase' });
    expect(result.segments[0]?.averageMovingRange).toBeCloseTo(2.1, 10);
    expect(flags(result)).toEqual(Object.fromEntries(Array.from({ length: 13 }, (_, i) => [4 + i, 'trend'])));
    expect(types(result).slice(4, 17)).toEqual([
      ...Array(6).fill('improvement'),
      ...Array(7).fill('concern'),
    ]);
  });
});

describe('rule: two of three near a limit', () => {
  /*
   * 9, 11, 9, 11, 16, 13, 16, 9, 11, 9, 11, 4, 7, 4, 11, 9, 11, 9: sum 180, mean 10.
   * Moving ranges 2, 2, 2, 5, 3, 3, 7, 2, 2, 2, 7, 3, 3, 7, 2, 2, 2 → 56 / 17, AMR 3.2941 (none ≥ 10.76).
   * Limits 10 ± 8.762; near lines 10 ± 5.842 → 4.158 .. 15.842. So 16 and 4 are near, 13 and 7 are not.
   */
  const series = [9, 11, 9, 11, 16, 13, 16, 9, 11, 9, 11, 4, 7, 4, 11, 9, 11, 9];

  it('flags only the near points of 3 on one side; high is improvement and low concern for "increase"', () => {
    const result = analyseSpc({ values: series, improvement: 'increase' });
    expect(result.segments[0]?.nearUpperLimit).toBeCloseTo(10 + (2 / 3) * 2.66 * (56 / 17), 10);
    expect(flags(result)).toEqual({
      4: 'two-of-three',
      6: 'two-of-three',
      11: 'two-of-three',
      13: 'two-of-three',
    });
    expect([4, 6, 11, 13].map((index) => result.points[index]?.type)).toEqual([
      'improvement',
      'improvement',
      'concern',
      'concern',
    ]);
  });

  it('needs all three on the same side of the mean (BASELINE, then 24, x, 24 with 24 near)', () => {
    expect(flags(withBaseline([24, 22, 24]))).toEqual({ 12: 'two-of-three', 14: 'two-of-three' });
    expect(flags(withBaseline([24, 19, 24]))).toEqual({});
    expect(flags(withBaseline([24, 20, 24]))).toEqual({});
  });

  it('does not count a point beyond the limits as near (BASELINE, then 26, 24, 24 vs 26, 24, 22)', () => {
    expect(flags(withBaseline([26, 24, 22]))).toEqual({ 12: 'outside-limits' });
    expect(flags(withBaseline([26, 24, 24]))).toEqual({
      12: 'outside-limits',
      13: 'two-of-three',
      14: 'two-of-three',
    });
  });
});

describe('rule: shift', () => {
  /*
   * 21, 23, 21, 23, 21, 23, 21, 19, 17, 19, 17, 19, 17, 19: sum 280, mean 20; every moving range 2, AMR 2.
   * Near lines 16.453 .. 23.547, so no point is near a limit; 7 above the mean, then 7 below.
   */
  const series = [21, 23, 21, 23, 21, 23, 21, 19, 17, 19, 17, 19, 17, 19];

  it('flags all 7 points on one side of the mean; above is improvement, below concern for "increase"', () => {
    const result = analyseSpc({ values: series, improvement: 'increase' });
    expect(result.mean).toBe(20);
    expect(result.segments[0]?.averageMovingRange).toBe(2);
    expect(Object.values(flags(result))).toEqual(Array(14).fill('shift'));
    expect(types(result)).toEqual([...Array(7).fill('improvement'), ...Array(7).fill('concern')]);
  });

  it('needs 7 points: 6 on one side are not a shift', () => {
    expect(flags(withBaseline([21, 23, 21, 23, 21, 23]))).toEqual({});
  });

  it('is broken by a point exactly on the mean', () => {
    expect(flags(withBaseline([21, 23, 21, 20, 21, 23, 21]))).toEqual({});
    expect(Object.keys(flags(withBaseline([21, 23, 21, 22, 21, 23, 21])))).toHaveLength(7);
  });
});

describe('rule priority: the first matching rule names the point', () => {
  it('outside-limits beats shift (BASELINE, then 7 above the mean, one of them 26)', () => {
    expect(flags(withBaseline([21, 23, 21, 26, 21, 23, 21]))).toEqual({
      12: 'shift',
      13: 'shift',
      14: 'shift',
      15: 'outside-limits',
      16: 'shift',
      17: 'shift',
      18: 'shift',
    });
  });

  /*
   * BASELINE, then 15, 16, 17, 18, 21, 24, 26, 20: six strict rises from 15 to 26.
   * 26 is beyond 25.32 (outside-limits over trend). 19 (last baseline point), 15 and 16 are all below the
   * mean with 15 and 16 beyond the 16.453 near line (two-of-three), but the trend comes first.
   */
  it('outside-limits beats trend, and trend beats two-of-three', () => {
    const result = withBaseline([15, 16, 17, 18, 21, 24, 26, 20]);
    expect(flags(result)).toEqual({
      12: 'trend',
      13: 'trend',
      14: 'trend',
      15: 'trend',
      16: 'trend',
      17: 'trend',
      18: 'outside-limits',
    });
    expect(types(result).slice(12)).toEqual([...Array(7).fill('improvement'), 'common-cause']);
  });

  it('two-of-three beats shift (BASELINE, then 7 above the mean with 24, 23, 24)', () => {
    expect(flags(withBaseline([21, 24, 23, 24, 21, 22, 21]))).toEqual({
      12: 'shift',
      13: 'two-of-three',
      14: 'shift',
      15: 'two-of-three',
      16: 'shift',
      17: 'shift',
      18: 'shift',
    });
  });
});

describe('point types and the variation of the series', () => {
  const series = [21, 23, 21, 23, 21, 23, 21, 19, 17, 19, 17, 19, 17, 19];
  const high = Array(7).fill('improvement');
  const low = Array(7).fill('concern');

  it('assigns improvement and concern from the direction, and high and low for a neutral measure', () => {
    expect(types(analyseSpc({ values: series, improvement: 'increase' }))).toEqual([...high, ...low]);
    expect(types(analyseSpc({ values: series, improvement: 'decrease' }))).toEqual([...low, ...high]);
    expect(types(analyseSpc({ values: series, improvement: 'neutral' }))).toEqual([
      ...Array(7).fill('neutral-high'),
      ...Array(7).fill('neutral-low'),
    ]);
  });

  it('takes the variation of the series from its last point', () => {
    expect(analyseSpc({ values: series, improvement: 'increase' }).variation).toBe('concern');
    expect(analyseSpc({ values: series, improvement: 'decrease' }).variation).toBe('improvement');
    expect(analyseSpc({ values: series, improvement: 'neutral' }).variation).toBe('neutral-low');
    expect(analyseSpc({ values: [...series, 21], improvement: 'increase' }).variation).toBe('common-cause');
  });
});

describe('baseline', () => {
  it('calculates from the first N points and applies the limits to the rest (BASELINE, then 30, 20)', () => {
    const result = withBaseline([30, 20]);
    expect(result.segments[0]).toMatchObject({ calculationPoints: 12, mean: 20, averageMovingRange: 2 });
    expect(flags(result)).toEqual({ 12: 'outside-limits' });
    // Without the baseline the 30 and 20 join the calculation: mean 290 / 14.
    const unfixed = analyseSpc({ values: [...BASELINE, 30, 20], improvement: 'increase' });
    expect(unfixed.mean).toBeCloseTo(290 / 14, 10);
  });

  it('counts the baseline, not the segment, for trial limits: 12 points trial, 13 not', () => {
    const values = repeat([21, 19], 10);
    expect(analyseSpc({ values, improvement: 'increase', baselinePoints: 12 }).trialLimits).toBe(true);
    const thirteen = analyseSpc({ values, improvement: 'increase', baselinePoints: 13 });
    expect(thirteen.trialLimits).toBe(false);
    expect(thirteen.mean).toBeCloseTo((7 * 21 + 6 * 19) / 13, 10);
  });

  it('with as many points as the series, is the same as no baseline', () => {
    const values = [3, 9, 4, 7, 1, 8, 8, 2, 6, 5, 9, 0, 4];
    expect(analyseSpc({ values, improvement: 'decrease', baselinePoints: 13 })).toEqual(
      analyseSpc({ values, improvement: 'decrease' }),
    );
  });
});

describe('recalculation points', () => {
  /*
   * Segment 0: 17, 19, 17, 19, 21, 23, 21, 23: mean 20, AMR 2; 4 below then 4 above.
   * Segment 1: 41, 43, 41, 37, 39, 37, 39, 43: mean 40, AMR 18 / 7; 3 above first.
   * The last 4 of segment 0 and first 3 of segment 1 are 7 in a row above their own means.
   */
  const values = [17, 19, 17, 19, 21, 23, 21, 23, 41, 43, 41, 37, 39, 37, 39, 43];

  it('gives each segment its own mean and limits, and runs the rules within a segment', () => {
    const result = analyseSpc({ values, improvement: 'increase', recalculateAt: [8] });
    expect(result.segments.map(({ start, end, mean }) => ({ start, end, mean }))).toEqual([
      { start: 0, end: 8, mean: 20 },
      { start: 8, end: 16, mean: 40 },
    ]);
    expect(result.segments[1]?.averageMovingRange).toBeCloseTo(18 / 7, 10);
    expect(result.points.map((point) => point.segment)).toEqual([...Array(8).fill(0), ...Array(8).fill(1)]);
    expect(flags(result)).toEqual({});
    // The series-level figures are the last segment's, against which the last point is judged.
    expect(result).toMatchObject({ mean: 40, trialLimits: true });
    expect(result.upperLimit).toBeCloseTo(40 + 2.66 * (18 / 7), 10);
  });

  it('without the recalculation, the step puts every point outside the one set of limits', () => {
    // Mean 30; the 18 jump is screened (AMR 50 / 15 → 32 / 14), limits 30 ± 6.08.
    const result = analyseSpc({ values, improvement: 'increase' });
    expect(Object.values(flags(result))).toEqual(Array(16).fill('outside-limits'));
  });

  it('applies a baseline within each segment, and a segment shorter than it uses all its points', () => {
    const result = analyseSpc({
      values: [...BASELINE, 30, 30, ...repeat([41, 39], 6), 50, 50, 40, 41, 42],
      improvement: 'increase',
      baselinePoints: 12,
      recalculateAt: [14, 28],
    });
    expect(result.segments.map(({ mean, calculationPoints }) => ({ mean, calculationPoints }))).toEqual([
      { mean: 20, calculationPoints: 12 },
      { mean: 40, calculationPoints: 12 },
      { mean: 41, calculationPoints: 3 },
    ]);
    expect(flags(result)).toEqual({
      12: 'outside-limits',
      13: 'outside-limits',
      26: 'outside-limits',
      27: 'outside-limits',
    });
  });
});

describe('degenerate series', () => {
  /*
   * Chosen behaviour: when the average moving range is zero the limits equal the mean. No point is then
   * treated as outside or near a limit (a zero-width band says nothing about spread), but trend and shift,
   * which need only the order of the values and the mean, still apply. The segment is marked degenerate.
   */
  it('a constant series: limits equal the mean and every point is common cause', () => {
    const result = analyseSpc({ values: Array(15).fill(7), improvement: 'increase' });
    expect(result).toMatchObject({ mean: 7, upperLimit: 7, lowerLimit: 7, variation: 'common-cause' });
    expect(result.segments[0]).toMatchObject({ degenerate: true, averageMovingRange: 0 });
    expect(flags(result)).toEqual({});
  });

  it('a constant series of a value with no exact binary form is still all on the mean', () => {
    const result = analyseSpc({ values: Array(10).fill(0.1), improvement: 'increase' });
    expect(result.mean).toBe(0.1);
    expect(flags(result)).toEqual({});
  });

  it('a single point: its value is the mean and both limits, trial, common cause', () => {
    expect(analyseSpc({ values: [5], improvement: 'decrease' })).toEqual({
      mean: 5,
      upperLimit: 5,
      lowerLimit: 5,
      points: [{ value: 5, rule: null, type: 'common-cause', segment: 0 }],
      variation: 'common-cause',
      trialLimits: true,
      segments: [
        {
          start: 0,
          end: 1,
          calculationPoints: 1,
          mean: 5,
          averageMovingRange: 0,
          movingRanges: 0,
          screenedMovingRanges: 0,
          upperLimit: 5,
          lowerLimit: 5,
          nearUpperLimit: 5,
          nearLowerLimit: 5,
          trialLimits: true,
          degenerate: true,
        },
      ],
    });
  });

  it('a constant baseline then a step: no point is outside the zero-width limits, but the shift shows', () => {
    const result = analyseSpc({
      values: [...Array(12).fill(5), ...Array(7).fill(8)],
      improvement: 'increase',
      baselinePoints: 12,
    });
    expect(result.segments[0]?.degenerate).toBe(true);
    expect(flags(result)).toEqual(Object.fromEntries(Array.from({ length: 7 }, (_, i) => [12 + i, 'shift'])));
    expect(result.variation).toBe('improvement');
  });

  it('screening that removes every non-zero moving range also leaves a zero average', () => {
    // Eleven 5s then 50: ranges 0 ×10 and 45; AMR 45 / 11 = 4.09, and 45 ≥ 3.267 × 4.09 is screened.
    const values = [...Array(11).fill(5), 50];
    const screened = analyseSpc({ values, improvement: 'increase' });
    expect(screened.segments[0]).toMatchObject({ degenerate: true, screenedMovingRanges: 1 });
    expect(screened.points.some((point) => point.rule === 'outside-limits')).toBe(false);
    // Mean 105 / 12 = 8.75: the eleven 5s are a run below it.
    expect(flags(screened)).toEqual(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i, 'shift'])));
    // Unscreened: AMR 45 / 11, upper limit 8.75 + 10.88 = 19.63, and the 50 is outside it.
    const unscreened = analyseSpc({ values, improvement: 'increase', screenOutliers: false });
    expect(unscreened.points[11]?.rule).toBe('outside-limits');
  });
});

describe('input validation', () => {
  const values = repeat([21, 19], 10);
  it.each([
    ['no values', { values: [] }, 'values'],
    ['a value that is not finite', { values: [1, Number.NaN, 3] }, 'values'],
    ['an infinite value', { values: [1, Number.POSITIVE_INFINITY] }, 'values'],
    ['a value too large to sum safely', { values: [1, 2e15] }, 'values'],
    ['an unknown direction', { values, improvement: 'up' }, 'improvement'],
    ['a screening flag that is not boolean', { values, screenOutliers: 'yes' }, 'screenOutliers'],
    ['a baseline under 12 points', { values, baselinePoints: 11 }, 'baselinePoints'],
    ['a baseline longer than the series', { values, baselinePoints: 21 }, 'baselinePoints'],
    ['a baseline that is not whole', { values, baselinePoints: 12.5 }, 'baselinePoints'],
    ['a recalculation at the first point', { values, recalculateAt: [0] }, 'recalculateAt'],
    ['a recalculation past the last point', { values, recalculateAt: [20] }, 'recalculateAt'],
    ['recalculations out of order', { values, recalculateAt: [10, 5] }, 'recalculateAt'],
    ['a repeated recalculation', { values, recalculateAt: [5, 5] }, 'recalculateAt'],
    ['a recalculation that is not whole', { values, recalculateAt: [2.5] }, 'recalculateAt'],
  ])('rejects %s, naming the field', (_, input, field) => {
    const run = () => analyseSpc({ improvement: 'increase', ...input } as SpcInput);
    expect(run).toThrow(SpcInputError);
    expect(run).toThrow(expect.objectContaining({ field }));
  });

  it('accepts a recalculation at the last point (a one-point segment)', () => {
    const result = analyseSpc({ values, improvement: 'increase', recalculateAt: [19] });
    expect(result.segments.at(-1)).toMatchObject({ start: 19, end: 20, degenerate: true, trialLimits: true });
  });
});

describe('gaps', () => {
  it('takes no moving range across a gap: 10, 12, 10 | 20, 22, 20 has 4 ranges of 2, AMR 2', () => {
    // Mean 94 / 6 = 15.667. Taken across the gap, the ranges would be 2, 2, 10, 2, 2: AMR 3.6.
    const values = [10, 12, 10, 20, 22, 20];
    const gapped = analyseSpc({ values, improvement: 'neutral', gapsBefore: [3] });
    expect(gapped.segments[0]).toMatchObject({ movingRanges: 4, averageMovingRange: 2 });
    expect(gapped.upperLimit).toBeCloseTo(94 / 6 + 5.32, 10);
    const bridged = analyseSpc({ values, improvement: 'neutral', screenOutliers: false });
    expect(bridged.segments[0]).toMatchObject({ movingRanges: 5, averageMovingRange: 3.6 });
  });

  it('runs the rules over the points present: 7 rising across a gap are a trend', () => {
    const values = [1, 2, 3, 4, 5, 6, 7];
    const result = analyseSpc({ values, improvement: 'increase', gapsBefore: [3] });
    // Mean 4, AMR 1: 1 and 7 lie beyond the limits (4 ± 2.66), which outranks the trend they belong to.
    expect(result.points.map((point) => point.rule)).toEqual([
      'outside-limits',
      ...values.slice(1, 6).map(() => 'trend'),
      'outside-limits',
    ]);
    expect(result.points.every((point) => point.type === 'improvement')).toBe(false);
    expect(result.points.slice(1).every((point) => point.type === 'improvement')).toBe(true);
  });

  it('rejects a gap before the first point or out of order, naming the field', () => {
    expect(() => analyseSpc({ values: [1, 2, 3], improvement: 'increase', gapsBefore: [0] })).toThrow(
      expect.objectContaining({ field: 'gapsBefore' }),
    );
    expect(() => analyseSpc({ values: [1, 2, 3, 4], improvement: 'increase', gapsBefore: [2, 1] })).toThrow(
      /gapsBefore must be in strictly increasing order/,
    );
  });
});
