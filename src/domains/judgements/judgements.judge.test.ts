import { describe, expect, it } from 'vitest';
import { analyseSpc } from '../../kernel/spc/index.ts';
import { type IndicatorPoint, judgeIndicator } from './judgements.judge.ts';
import { latestUnbrokenRun, monthRangesInWords, monthsBetween, nextMonth } from './judgements.months.ts';

const point = (month: string, value: number): IndicatorPoint => ({
  month: `${month}-01`,
  value,
  numerator: value,
  denominator: null,
});
/** Consecutive months from a start month, one per value. */
function series(start: string, values: number[]): IndicatorPoint[] {
  let month = `${start}-01`;
  return values.map((value) => {
    const result = { month, value, numerator: value, denominator: null };
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

  it('keeps the latest unbroken run and says what it left out', () => {
    const points = [
      point('2024-01', 1),
      point('2024-02', 2),
      point('2024-05', 3),
      point('2024-07', 4),
      point('2024-08', 5),
    ];
    const run = latestUnbrokenRun(points);
    expect(run.judged.map((p) => p.value)).toEqual([4, 5]);
    expect(run.leftOut.map((p) => p.value)).toEqual([1, 2, 3]);
    expect(run.missing).toEqual(['2024-03-01', '2024-04-01', '2024-06-01']);
    expect(latestUnbrokenRun(points.slice(0, 2))).toEqual({
      judged: points.slice(0, 2),
      leftOut: [],
      missing: [],
    });
  });
});

describe('judging an indicator', () => {
  const steady = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9];

  it('is awaiting data with no points, and on trial with fewer than 13 in a row', () => {
    expect(judgeIndicator([], 'decrease').judgement).toBe('awaiting-data');
    expect(judgeIndicator(series('2025-01', steady), 'decrease').judgement).toBe('trial');
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

  it('never judges across a gap: a long series broken before its last 5 months is on trial', () => {
    const before = series('2023-01', [...steady, ...steady]);
    const after = series('2025-08', [10, 11, 30, 9, 10]);
    const judged = judgeIndicator([...before, ...after], 'decrease');
    expect(judged.judgement).toBe('trial');
    expect(judged.run.judged).toHaveLength(5);
    expect(judged.run.leftOut).toHaveLength(24);
    expect(judged.spc?.points).toHaveLength(5);
  });

  it('labels no month as a change where no change can be called: before a gap, or on trial limits', () => {
    // February and March far above the rest: the engine alone would call them improvements on trial limits.
    const values = [5, 10.5, 10.2, 5.3, 5, 4.5, 5.1, 4.9, 5, 4.8];
    expect(analyseSpc({ values, improvement: 'increase' }).points[1]?.type).toBe('improvement');
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
