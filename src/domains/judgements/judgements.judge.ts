import {
  analyseSpc,
  type ImprovementDirection,
  type PointType,
  type SpcResult,
  type SpecialCauseRule,
} from '../../kernel/spc/index.ts';
import type { MeasureDirection } from '../plans/plans.file-schema.ts';
import { latestSeries, type MonthRun } from './judgements.months.ts';

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

/** Each judgement as the scorecard words it. */
export const JUDGEMENT_WORDS: Readonly<Record<Judgement, string>> = {
  improving: 'Improving',
  deteriorating: 'Deteriorating',
  'no-significant-change': 'No significant change',
  'unusually-high': 'Unusually high',
  'unusually-low': 'Unusually low',
  trial: 'Trial — too few points',
  'awaiting-data': 'Awaiting data',
};

/** A judgement in words; one read from trial limits says so, and is never mistaken for a firm one. */
export function judgementWords(judged: { judgement: Judgement; provisional: boolean }): string {
  const words = JUDGEMENT_WORDS[judged.judgement];
  return judged.provisional ? `${words} (provisional)` : words;
}

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

/**
 * The fewest months from which trial limits give a provisional reading. Wheeler and Chambers find limits
 * from as few as 5 or 6 values useful, if soft; with fewer, the average moving range rests on a handful of
 * differences and no run or trend rule (7 months) can fire, so the limits would say next to nothing.
 */
export const PROVISIONAL_POINTS = 6;

/**
 * Why a month carries no SPC label: it came before a long gap, or its series is too short (fewer than
 * PROVISIONAL_POINTS months, or no month-to-month change at all) for even trial limits to say anything.
 */
export type NotJudgedReason = 'before-gap' | 'trial-limits';

/** A month as the scorecard labels it. Pages, charts, CSV and JSON all read these labels, never the raw SPC. */
export interface JudgedPoint extends IndicatorPoint {
  /** The special-cause rule and point type; both null whenever `notJudged` is set. */
  rule: SpecialCauseRule | null;
  type: PointType | null;
  notJudged: NotJudgedReason | null;
  /** Labelled against trial limits (fewer than 13 months): a provisional reading, not a firm one. */
  provisional: boolean;
}

export interface IndicatorJudgement {
  /** Every month in order, each with its label. */
  points: JudgedPoint[];
  run: MonthRun<IndicatorPoint>;
  /** SPC over the judged run (its mean and limits); null when there is nothing to judge. */
  spc: SpcResult | null;
  /** The label of the latest month, in words for the scorecard. */
  judgement: Judgement;
  /** The judgement is read from trial limits (fewer than 13 months present), so is provisional. */
  provisional: boolean;
}

const UNLABELLED = { rule: null, type: null, provisional: false } as const;

/**
 * Judges an indicator's points (in month order) for a measure: SPC over its latest series, across any gap of
 * up to 3 months and with no moving range across a gap (see judgements.months.ts for the rule and why).
 * Each month gets one label, and the judgement is the latest month's label, so a page can never call a
 * month a change while its headline says none can be called. A series on trial limits (fewer than 13
 * months) is still read, provisionally, once it has PROVISIONAL_POINTS months and some variation; a shorter
 * or flat one, and any month before a long gap, is labelled as not judged rather than as a signal.
 * Computed on every request rather than stored: XmR over a few dozen points takes microseconds, and a stored
 * judgement would be one more thing to keep in step with the values.
 */
export function judgeIndicator(
  points: readonly IndicatorPoint[],
  direction: MeasureDirection,
): IndicatorJudgement {
  const run = latestSeries(points);
  const leftOut = run.leftOut.map((point) => ({ ...point, ...UNLABELLED, notJudged: 'before-gap' as const }));
  if (run.judged.length === 0)
    return { points: leftOut, run, spc: null, judgement: 'awaiting-data', provisional: false };
  const spc = analyseSpc({
    values: run.judged.map((point) => point.value),
    improvement: IMPROVEMENT_OF[direction],
    gapsBefore: run.gapsBefore,
  });
  const segment = spc.segments[0];
  const provisional = Boolean(segment?.trialLimits);
  const unread = provisional && (run.judged.length < PROVISIONAL_POINTS || Boolean(segment?.degenerate));
  const judged: JudgedPoint[] = run.judged.map((point, index) => {
    if (unread) return { ...point, ...UNLABELLED, notJudged: 'trial-limits' };
    const { rule = null, type = 'common-cause' } = spc.points[index] ?? {};
    return { ...point, rule, type, notJudged: null, provisional };
  });
  return {
    points: [...leftOut, ...judged],
    run,
    spc,
    judgement: judgementOf(judged.at(-1) as JudgedPoint),
    provisional: provisional && !unread,
  };
}

/** The scorecard's word for a month's label. */
export function judgementOf(point: JudgedPoint): Judgement {
  if (point.notJudged === 'trial-limits') return 'trial';
  switch (point.type) {
    case 'improvement':
      return 'improving';
    case 'concern':
      return 'deteriorating';
    case 'neutral-high':
      return 'unusually-high';
    case 'neutral-low':
      return 'unusually-low';
    default:
      return 'no-significant-change';
  }
}
