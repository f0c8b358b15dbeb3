import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { AreasPublished } from '../areas/index.ts';
import type { PerformancePublished } from '../performance/index.ts';
import type { PlansPublished } from '../plans/index.ts';
import type { Judgement } from './judgements.judge.ts';

export const INDICATOR_KINDS = ['crime-count', 'crime-rate', 'outcome-share', 'series'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const GEOGRAPHIES = ['force-area', 'local-authority'] as const;
export type Geography = (typeof GEOGRAPHIES)[number];
export const FREQUENCIES = ['monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Judgements' tables (migrations 0007, 0043 and 0052), generated, with the columns their CHECKs narrow. */
export interface JudgementsTables
  extends Narrowed<
    Pick<
      Database,
      // Moved on by triggers whenever one of judgements' own tables changes (migrations 0011 and 0017).
      | 'scorecardInputsVersion'
      | 'indicator'
      | 'indicatorMeasure'
      | 'populationEstimate'
      | 'populationEstimateAgeSex'
      | 'measureJudgementChange'
      | 'indicatorSeriesValue'
      | 'indicatorValue'
    >,
    {
      indicator: { kind: IndicatorKind; geography: Geography; frequency: Frequency };
      populationEstimateAgeSex: { sex: 'female' | 'male' };
      measureJudgementChange: { judgement: Judgement; previousJudgement: Judgement | null };
    }
  > {}

/** The views judgements publishes for other domains (decision record 0004): the populations it holds (0029). */
export interface JudgementsPublished {
  judgementsPublishedPopulation: View<'judgementsPublishedPopulation'>;
}

/** What judgements' queries may read: its own tables, the audit trail, and the views it reads of others. */
export type JudgementsDb = DomainDb<
  JudgementsTables & AuditTables & PlansPublished & AreasPublished & PerformancePublished
>;
