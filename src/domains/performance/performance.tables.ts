import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { PoliceUkKind } from './police-uk/index.ts';

export type ImportOrigin = 'command-line' | 'upload' | 'demo-seed';
export type ImportRunStatus = 'running' | 'succeeded' | 'failed';
export type ImportPhase = 'waiting' | 'checking' | 'loading' | 'finishing' | 'done';
export type ImportFileStatus = 'checked' | 'loaded' | 'unchanged' | 'refused' | 'failed';
export type LookupSource = 'lookup-file' | 'lsoa-name';

/**
 * Performance's tables (migration 0004), generated, with the columns their CHECKs narrow. The raw record
 * tables are written by COPY and read with plain SQL, so they are not here.
 */
export interface PerformanceTables
  extends Narrowed<
    Pick<
      Database,
      | 'police_uk_import_run'
      | 'police_uk_import_file'
      | 'police_uk_import_reject'
      | 'police_uk_unit'
      | 'police_uk_crime_monthly'
      | 'police_uk_asb_monthly'
      | 'police_uk_outcome_monthly'
      | 'police_uk_stop_search_monthly'
      | 'lsoa_local_authority'
    >,
    {
      police_uk_import_run: {
        actor_kind: 'user' | 'token' | 'system';
        origin: ImportOrigin;
        status: ImportRunStatus;
        phase: ImportPhase;
      };
      police_uk_import_file: { kind: PoliceUkKind | null; status: ImportFileStatus };
      police_uk_unit: { kind: PoliceUkKind };
      lsoa_local_authority: { source: LookupSource };
    }
  > {}

/** The views performance publishes for other domains to read (migration 0017, decision record 0004). */
export interface PerformancePublished {
  /** The months each force has street-level data for. */
  performance_published_street_month: View<'performance_published_street_month'>;
  performance_published_crime_count: View<'performance_published_crime_count', 'local_authority_code'>;
  /** Anti-social behaviour incidents, kept apart from crimes. */
  performance_published_asb_count: View<'performance_published_asb_count', 'local_authority_code'>;
}

/** The relations performance's queries may read: its own tables and the audit trail. */
export type PerformanceRelations = PerformanceTables & AuditTables;
export type PerformanceDb = DomainDb<PerformanceRelations>;
