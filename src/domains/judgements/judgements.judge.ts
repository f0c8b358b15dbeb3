import { analyseSpc, type ImprovementDirection, type SpcResult } from '../../kernel/spc/index.ts';
import type { MeasureDirection } from '../plans/plans.file-schema.ts';
import { latestUnbrokenRun, type MonthRun } from './judgements.months.ts';

/** What the scorecard says of an indicator, from the variation of its latest point. */
export const JUDGEMENTS = [
  'improving',
  'deteriorating',
  'no-significant-change',
  'unusually-high',
  'unusually-low',
  'trial',
  'awaiting-data',
] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/**
 * A plan direction as the SPC engine reads it. "Maintain low" wants the figure to stay down, so a fall is an
 * improvement and a rise a concern, exactly as for "decrease".
 */
export const IMPROVEMENT_OF: Readonly<Record<MeasureDirection, ImprovementDirection>> = {
  increase: 'increase',
  decrease: 'decrease',
  'maintain-low': 'decrease',
  neutral: 'neutral',
};

export interface IndicatorPoint {
  /** `YYYY-MM-01`. */
  month: string;
  value: number;
  numerator: number;
  denominator: number | null;
}

export interface IndicatorJudgement {
  points: IndicatorPoint[];
  run: MonthRun<IndicatorPoint>;
  /** SPC over the judged run; null when there is nothing to judge. */
  spc: SpcResult | null;
  judgement: Judgement;
}

/**
 * Judges an indicator's points (in month order) for a measure: SPC over the latest unbroken run of months
 * only (see judgements.months.ts for why). Computed on every request rather than stored: XmR over a few dozen
 * points takes microseconds, and a stored judgement would be one more thing to keep in step with the values.
 */
export function judgeIndicator(
  points: readonly IndicatorPoint[],
  direction: MeasureDirection,
): IndicatorJudgement {
  const run = latestUnbrokenRun(points);
  if (run.judged.length === 0) return { points: [...points], run, spc: null, judgement: 'awaiting-data' };
  const spc = analyseSpc({
    values: run.judged.map((point) => point.value),
    improvement: IMPROVEMENT_OF[direction],
  });
  return { points: [...points], run, spc, judgement: judgementOf(spc) };
}

export function judgementOf(spc: SpcResult): Judgement {
  if (spc.trialLimits) return 'trial';
  switch (spc.variation) {
    case 'improvement':
      return 'improving';
    case 'concern':
      return 'deteriorating';
    case 'neutral-high':
      return 'unusually-high';
    case 'neutral-low':
      return 'unusually-low';
    case 'common-cause':
      return 'no-significant-change';
  }
}
