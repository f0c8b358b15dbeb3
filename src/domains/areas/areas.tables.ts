import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';

export type LocalAuthorityTier =
  | 'unitary'
  | 'county'
  | 'district'
  | 'metropolitan-district'
  | 'london-borough';

export interface AreasTables {
  force_area: {
    id: Generated<number>;
    slug: string;
    name: string;
    gss_code: string;
    created_at: Generated<Date>;
  };
  local_authority: {
    id: Generated<number>;
    gss_code: string;
    name: string;
    tier: LocalAuthorityTier;
    force_area_id: number;
    county_id: number | null;
    created_at: Generated<Date>;
  };
  /** Moved on by every statement that changes a table above (migration 0017); read through the view. */
  areas_change: { only_row: Generated<boolean>; version: ColumnType<string, never, never> };
}

/** The views areas publishes for other domains to read (migration 0017, decision record 0004). */
export interface AreasPublished {
  areas_published_force_area: { id: number; slug: string; name: string; gss_code: string };
  areas_published_local_authority: {
    id: number;
    gss_code: string;
    name: string;
    tier: LocalAuthorityTier;
    force_area_id: number;
    county_id: number | null;
  };
  /** A bigint as text: differs whenever a force area or local authority has changed. */
  areas_published_change: { version: ColumnType<string, never, never> };
}

/** What areas' queries may read: its own tables and the audit trail. */
export type AreasDb = DomainDb<AreasTables & AuditTables>;
