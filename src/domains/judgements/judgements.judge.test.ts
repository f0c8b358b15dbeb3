import { describe, expect, it } from 'vitest';
import { analyseSpc } from '../../kernel/spc/index.ts';
import { type IndicatorPoint, judgeIndicator } from './judgements.judge.ts';
import { latestSeries, monthRangesInWords, monthsBetween, nextMonth } from './judgements.months.ts';

const point = (month: string, value: number): IndicatorPoint => ({
  month: `${month}-01`,
  value,
  numerator: value,
  denominator: null,
});
/** Consecutive months from a start month, one per value; a null value is a month with no figures. */
function series(start: string, values: (number | null)[]): IndicatorPoint[] {
  let month = `${start}-01`;
  return values.flatMap((value) => {
    const result = value === null ? [] : [{ month, value, numerator: value, denominator: null }];
    month = nextMonth(month);
    return result;
  });
}

describe('months and gaps', () => {
  it('steps over year ends and lists the months between two', () => {
    expect(nextMonth('2024-12-01')).toBe('2025-01-01');
    expect(monthsBetween('2024-11-01', '2025-02-01')).toEqual(['2024-12-01', '2025-01-01']);
    expect(monthRangesInWords(['2022-04-01', '2022-05-01', '2022-06-01', '2025-07-01'])).toBe(
      'April 2022 to June 2022, July 2025',
    );
  });

  it('judges across gaps of up to 3 months and starts a new series after a longer one', () => {
    const points = [
      point('2023-01', 1),
      point('2023-02', 2),
      // June to September 2023 missing: 4 months, more than 3, so a new series starts in October.
      point('2023-05', 3),
      point('2023-10', 4),
      // November 2023 missing (1 month), then January to March 2024 (3 months): both bridged.
      point('2023-12', 5),
      point('2024-04', 6),
      point('2024-05', 7),
    ];
    const run = latestSeries(points);
    expect(run.judged.map((p) => p.value)).toEqual([4, 5, 6, 7]);
    expect(run.leftOut.map((p) => p.value)).toEqual([1, 2, 3]);
    expect(run.gapsBefore).toEqual([1, 2]);
    expect(run.missingInSeries).toEqual(['2023-11-01', '2024-01-01', '2024-02-01', '2024-03-01']);
    expect(run.missing).toEqual([
      '2023-03-01',
      '2023-04-01',
      '2023-06-01',
      '2023-07-01',
      '2023-08-01',
      '2023-09-01',
      ...run.missingInSeries,
    ]);
    expect(latestSeries(points.slice(0, 2))).toEqual({
      judged: points.slice(0, 2),
      leftOut: [],
      missing: [],
      missingInSeries: [],
      gapsBefore: [],
    });
  });
});

describe('judging across a gap, on hand-worked series', () => {
  it('one missing month: limits from the 13 months present, no moving range across the gap', () => {
    // January to June 2024: 10, 12, 10, 12, 10, 12; July 2024 missing; August 2024 to February 2025:
    // 20, 22, 20, 22, 20, 22, 20.
    //   mean  = (3 × 22 + 4 × 20 + 3 × 22) / 13 = 212 / 13 = 16.3077
    //   moving ranges: 5 of 2 before the gap and 6 of 2 after it; 12 → 20 across the gap is not taken.
    //   AMR   = 22 / 11 = 2 (taken across the gap it would be (22 + 8) / 12 = 2.5)
    //   limits = 16.3077 ± 2.66 × 2 = 10.9877 to 21.6277; 2-sigma lines 12.7610 and 19.8544
    //   February 2025 (20) is near the upper limit, as is December (20), with January (22) beyond it:
    //   two of three near a limit on the high side, so a concern for a measure that should fall.
    const points = series('2024-01', [10, 12, 10, 12, 10, 12, null, 20, 22, 20, 22, 20, 22, 20]);
    const judged = judgeIndicator(points, 'decrease');
    const segment = judged.spc?.segments[0];
    expect(segment).toMatchObject({ calculationPoints: 13, movingRanges: 11, averageMovingRange: 2 });
    expect(segment?.mean).toBeCloseTo(212 / 13, 10);
    expect(segment?.upperLimit).toBeCloseTo(212 / 13 + 5.32, 10);
    expect(segment?.lowerLimit).toBeCloseTo(212 / 13 - 5.32, 10);
    const bridged = analyseSpc({ values: points.map((p) => p.value), improvement: 'decrease' });
    expect(bridged.segments[0]?.averageMovingRange).toBe(2.5);
    expect(judged.provisional).toBe(false);
    expect(judged.run.missingInSeries).toEqual(['2024-07-01']);
    expect(judged.points.at(-1)).toMatchObject({ rule: 'two-of-three', type: 'concern', notJudged: null });
    expect(judged.judgement).toBe('deteriorating');
  });

  it('two missing months: a trend counts the months present on both sides of the gap', () => {
    // January to May 2024: 20, 19, 14, 15, 16; June and July missing; August 2024 to March 2025:
    // 17, 18, 19, 20, 19, 20, 19, 20.
    //   mean   = (84 + 152) / 13 = 236 / 13 = 18.1538
    //   moving ranges: 1, 5, 1, 1 before the gap, seven of 1 after it (11 in all, summing to 15);
    //   screening drops the 5 (≥ 3.267 × 15 / 11 = 4.455), so AMR = 10 / 10 = 1
    //   limits = 18.1538 ± 2.66 = 15.4938 to 20.8138; 2-sigma lines 16.3805 and 19.9272
    //   March and April (14, 15) are below the lower limit. March to November, 14 → 20, rise 6 times in
    //   7 months present across the gap: a trend, so May (16) and August (17) are flagged as one.
    //   The latest month, March 2025 (20), and January (20) are near the upper limit with February (19)
    //   on the same side: two of three, high.
    const points = series('2024-01', [20, 19, 14, 15, 16, null, null, 17, 18, 19, 20, 19, 20, 19, 20]);
    const judged = judgeIndicator(points, 'decrease');
    const segment = judged.spc?.segments[0];
    expect(segment).toMatchObject({ movingRanges: 11, screenedMovingRanges: 1, averageMovingRange: 1 });
    expect(segment?.mean).toBeCloseTo(236 / 13, 10);
    expect(segment?.upperLimit).toBeCloseTo(236 / 13 + 2.66, 10);
    expect(segment?.lowerLimit).toBeCloseTo(236 / 13 - 2.66, 10);
    expect(judged.points.map((p) => p.rule)).toEqual([
      null,
      null,
      'outside-limits',
      'outside-limits',
      'trend',
      'trend',
      'trend',
      'trend',
      'trend',
      null,
      'two-of-three',
      null,
      'two-of-three',
    ]);
    expect(judged.run.missingInSeries).toEqual(['2024-06-01', '2024-07-01']);
    expect(judged.judgement).toBe('deteriorating');
    expect(judged.provisional).toBe(false);
  });

  it('a long gap starts a new series; a series of 8 months gives a provisional reading from trial limits', () => {
    // January to June 2023, then nothing until January 2024 (6 months missing): a new series starts.
    // January to August 2024: 10, 12, 11, 13, 12, 14, 13, 15.
    //   mean   = 100 / 8 = 12.5
    //   moving ranges 2, 1, 2, 1, 2, 1, 2: AMR = 11 / 7 = 1.5714
    //   limits = 12.5 ± 2.66 × 11 / 7 = 8.3200 to 16.6800, trial limits (8 months, fewer than 13)
    //   no month beyond the limits or the 2-sigma lines (9.7133, 15.2867), no run of 7: common cause.
    const earlier = series('2023-01', [30, 31, 29, 30, 31, 30]);
    const later = series('2024-01', [10, 12, 11, 13, 12, 14, 13, 15]);
    const judged = judgeIndicator([...earlier, ...later], 'decrease');
    expect(judged.run.leftOut).toHaveLength(6);
    expect(judged.run.missingInSeries).toEqual([]);
    const segment = judged.spc?.segments[0];
    expect(segment).toMatchObject({ calculationPoints: 8, mean: 12.5, trialLimits: true });
    expect(segment?.averageMovingRange).toBeCloseTo(11 / 7, 10);
    expect(segment?.upperLimit).toBeCloseTo(12.5 + (2.66 * 11) / 7, 10);
    expect(judged.judgement).toBe('no-significant-change');
    expect(judged.provisional).toBe(true);
    expect(judged.points.map((p) => p.notJudged)).toEqual([
      ...earlier.map(() => 'before-gap'),
      ...later.map(() => null),
    ]);
    expect(judged.points.slice(6).every((p) => p.provisional && p.type === 'common-cause')).toBe(true);
  });

  it('reads a series with a gap and fewer than 13 months provisionally, as the demo police.uk months are', () => {
    // January to December 2025 with July missing: 11 months. A high December on trial limits.
    //   first 10 months 100, 104, 98, 102, 100, 96, (gap), 104, 98, 100, 102 sum 1004; December 150.
    //   mean = 1154 / 11 = 104.909; moving ranges 4, 6, 4, 2, 4 | 6, 2, 2, 48 (none across July):
    //   sum 78 over 9, and 48 ≥ 3.267 × 78 / 9 = 28.31 is screened: AMR = 30 / 8 = 3.75
    //   upper limit = 104.909 + 2.66 × 3.75 = 114.884, so December (150) is beyond it.
    const points = series('2025-01', [100, 104, 98, 102, 100, 96, null, 104, 98, 100, 102, 150]);
    const judged = judgeIndicator(points, 'decrease');
    expect(judged.spc?.segments[0]).toMatchObject({ movingRanges: 9, screenedMovingRanges: 1 });
    expect(judged.spc?.segments[0]?.averageMovingRange).toBe(3.75);
    expect(judged.spc?.upperLimit).toBeCloseTo(1154 / 11 + 2.66 * 3.75, 10);
    expect(judged.judgement).toBe('deteriorating');
    expect(judged.provisional).toBe(true);
    expect(judged.points.at(-1)).toMatchObject({ rule: 'outside-limits', provisional: true });
  });
});

describe('judging an indicator', () => {
  const steady = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9];

  it('is awaiting data with no points, provisional with 6 to 12, and on trial with fewer than 6', () => {
    expect(judgeIndicator([], 'decrease').judgement).toBe('awaiting-data');
    const twelve = judgeIndicator(series('2025-01', steady), 'decrease');
    expect(twelve).toMatchObject({ judgement: 'no-significant-change', provisional: true });
    const five = judgeIndicator(series('2025-01', steady.slice(0, 5)), 'decrease');
    expect(five).toMatchObject({ judgement: 'trial', provisional: false });
    // Six months that never change: trial limits with no spread say nothing, even provisionally.
    expect(judgeIndicator(series('2025-01', [4, 4, 4, 4, 4, 4]), 'decrease').judgement).toBe('trial');
  });

  it('reads a special cause through the plan direction, "maintain low" as "decrease"', () => {
    const high = series('2024-01', [...steady, 30]);
    expect(judgeIndicator(high, 'decrease').judgement).toBe('deteriorating');
    expect(judgeIndicator(high, 'maintain-low').judgement).toBe('deteriorating');
    expect(judgeIndicator(high, 'increase').judgement).toBe('improving');
    expect(judgeIndicator(high, 'neutral').judgement).toBe('unusually-high');
    expect(judgeIndicator(series('2024-01', [...steady, 10]), 'increase').judgement).toBe(
      'no-significant-change',
    );
  });

  it('never judges across a long gap: a long series broken before its last 5 months is on trial', () => {
    const before = series('2023-01', [...steady, ...steady]);
    const after = series('2025-08', [10, 11, 30, 9, 10]);
    const judged = judgeIndicator([...before, ...after], 'decrease');
    expect(judged.judgement).toBe('trial');
    expect(judged.run.judged).toHaveLength(5);
    expect(judged.run.leftOut).toHaveLength(24);
    expect(judged.spc?.points).toHaveLength(5);
  });

  it('labels no month as a change where none can be called: before a long gap, or too few months to read', () => {
    // The last month far above the rest: the engine alone would call it an improvement on trial limits.
    const values = [5, 5.1, 4.9, 5, 20];
    expect(analyseSpc({ values, improvement: 'increase' }).points[4]?.type).toBe('improvement');
    const earlier = series('2022-01', [3, 2.3, 3.1]);
    const judged = judgeIndicator([...earlier, ...series('2025-01', values)], 'increase');
    expect(judged.judgement).toBe('trial');
    expect(judged.points.map((p) => p.notJudged)).toEqual([
      ...earlier.map(() => 'before-gap'),
      ...values.map(() => 'trial-limits'),
    ]);
    expect(judged.points.filter((p) => p.type !== null || p.rule !== null)).toEqual([]);
  });

  it('takes the judgement from the label of the latest month, so the two always agree', () => {
    for (const values of [
      [...steady, 30],
      [...steady, 10],
      [...steady, 1],
    ]) {
      const judged = judgeIndicator(series('2024-01', values), 'decrease');
      const latest = judged.points.at(-1);
      expect(latest?.notJudged).toBeNull();
      const expected = {
        'common-cause': 'no-significant-change',
        concern: 'deteriorating',
        improvement: 'improving',
      };
      expect(judged.judgement).toBe(expected[latest?.type as keyof typeof expected]);
    }
  });
});
