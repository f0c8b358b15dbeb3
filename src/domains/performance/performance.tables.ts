import type { Generated } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { PoliceUkKind } from './police-uk/index.ts';

export type ImportOrigin = 'command-line' | 'upload' | 'demo-seed';
export type ImportRunStatus = 'running' | 'succeeded' | 'failed';
export type ImportPhase = 'waiting' | 'checking' | 'loading' | 'finishing' | 'done';
export type ImportFileStatus = 'checked' | 'loaded' | 'unchanged' | 'refused' | 'failed';
export type LookupSource = 'lookup-file' | 'lsoa-name';

/** The tables of migration 0004. The raw record tables are written by COPY and read with plain SQL. */
export interface PerformanceTables {
  police_uk_import_run: {
    id: Generated<number>;
    actor_kind: 'user' | 'token' | 'system';
    actor_id: number | null;
    actor_label: string;
    origin: ImportOrigin;
    allowed_rejects: number;
    status: Generated<ImportRunStatus>;
    phase: Generated<ImportPhase>;
    files_total: Generated<number>;
    files_done: Generated<number>;
    street_rows: Generated<number>;
    outcome_rows: Generated<number>;
    stop_and_search_rows: Generated<number>;
    rejected_rows: Generated<number>;
    error: string | null;
    request_id: string | null;
    started_at: Generated<Date>;
    updated_at: Generated<Date>;
    finished_at: Date | null;
    duration_ms: number | null;
  };
  police_uk_import_file: {
    id: Generated<number>;
    run_id: number;
    position: number;
    display_name: string;
    force_area_id: number | null;
    month: string | null;
    kind: PoliceUkKind | null;
    sha256: string | null;
    bytes: number | null;
    rows: Generated<number>;
    rejected_rows: Generated<number>;
    anti_social_behaviour_rows: Generated<number>;
    rows_without_location: Generated<number>;
    repeated_crime_ids: Generated<number>;
    status: ImportFileStatus;
    error: string | null;
    duration_ms: number | null;
    replaced_file_id: number | null;
  };
  police_uk_import_reject: {
    id: Generated<number>;
    file_id: number;
    line: number;
    column_name: string | null;
    value: string;
    reason: string;
  };
  police_uk_unit: {
    force_area_id: number;
    kind: PoliceUkKind;
    month: string;
    import_file_id: number;
    sha256: string;
    rows: number;
    loaded_at: Generated<Date>;
  };
  police_uk_crime_monthly: {
    force_area_id: number;
    month: string;
    crime_type: string;
    last_outcome_category: string;
    lsoa_code: string;
    crimes: number;
  };
  police_uk_asb_monthly: {
    force_area_id: number;
    month: string;
    crime_type: string;
    last_outcome_category: string;
    lsoa_code: string;
    incidents: number;
  };
  police_uk_outcome_monthly: {
    force_area_id: number;
    month: string;
    outcome_type: string;
    lsoa_code: string;
    outcomes: number;
  };
  police_uk_stop_search_monthly: {
    force_area_id: number;
    month: string;
    type: string;
    object_of_search: string;
    outcome: string;
    officer_defined_ethnicity: string;
    searches: number;
  };
  lsoa_local_authority: {
    lsoa_code: string;
    lsoa_name: string | null;
    local_authority_code: string;
    local_authority_name: string;
    community_safety_partnership_code: string | null;
    community_safety_partnership_name: string | null;
    source: LookupSource;
    loaded_at: Generated<Date>;
  };
}

/** A monthly roll-up row with its LSOA's local authority (null where the lookup does not know the LSOA). */
interface PublishedMonthlyCount {
  force_area_id: number;
  month: string;
  crime_type: string;
  last_outcome_category: string;
  local_authority_code: string | null;
  count: number;
}

/** The views performance publishes for other domains to read (migration 0017, decision record 0004). */
export interface PerformancePublished {
  /** The months each force has street-level data for. */
  performance_published_street_month: { force_area_id: number; month: string };
  performance_published_crime_count: PublishedMonthlyCount;
  /** Anti-social behaviour incidents, kept apart from crimes. */
  performance_published_asb_count: PublishedMonthlyCount;
}

/** The relations performance's queries may read: its own tables and the audit trail. */
export type PerformanceRelations = PerformanceTables & AuditTables;
export type PerformanceDb = DomainDb<PerformanceRelations>;
