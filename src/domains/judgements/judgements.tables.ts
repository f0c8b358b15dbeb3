import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { AreasPublished } from '../areas/index.ts';
import type { PerformancePublished } from '../performance/index.ts';
import type { PlansPublished } from '../plans/index.ts';

export const INDICATOR_KINDS = ['crime-count', 'crime-rate', 'outcome-share', 'series'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const GEOGRAPHIES = ['force-area', 'local-authority'] as const;
export type Geography = (typeof GEOGRAPHIES)[number];
export const FREQUENCIES = ['monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The tables of migration 0007. */
export interface JudgementsTables {
  /** Moved on by triggers whenever one of judgements' own tables changes (migrations 0011 and 0017). */
  scorecard_inputs_version: {
    only_row: Generated<boolean>;
    version: ColumnType<string, never, never>;
  };
  indicator: {
    id: Generated<number>;
    slug: string;
    force_area_id: number;
    title: string;
    kind: IndicatorKind;
    crime_types: ColumnType<string[], string[] | undefined, string[]>;
    outcome_categories: ColumnType<string[], string[] | undefined, string[]>;
    per_population: number | null;
    decimals: Generated<number>;
    source: string;
    unit: string;
    geography: Geography;
    frequency: Frequency;
    description: string;
    definition_file: string;
    series_file: string | null;
    series_sha256: string | null;
    series_loaded_at: Date | null;
    refreshed_at: Date | null;
    refresh_error: string | null;
    created_at: Generated<Date>;
  };
  indicator_measure: {
    indicator_id: number;
    plan_slug: string;
    measure_code: string;
    position: number;
  };
  population_estimate: {
    area_code: string;
    year: number;
    population: number;
    source: string;
    source_file: string;
    loaded_at: Generated<Date>;
  };
  indicator_series_value: {
    indicator_id: number;
    month: string;
    value: number;
  };
  indicator_value: {
    indicator_id: number;
    area_code: string;
    month: string;
    numerator: number;
    denominator: number | null;
    value: number;
  };
}

/** What judgements' queries may read: its own tables, the audit trail, and the views it reads of others. */
export type JudgementsDb = DomainDb<
  JudgementsTables & AuditTables & PlansPublished & AreasPublished & PerformancePublished
>;
