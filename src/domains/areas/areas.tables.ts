import type { Generated } from 'kysely';

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
}
