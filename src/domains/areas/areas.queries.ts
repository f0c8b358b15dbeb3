import type { AreasDb as Db, LocalAuthorityTier } from './areas.tables.ts';

export interface ForceAreaRow {
  id: number;
  slug: string;
  name: string;
  gssCode: string;
}

export interface LocalAuthorityRow {
  id: number;
  forceAreaId: number;
  gssCode: string;
  name: string;
  tier: LocalAuthorityTier;
  countyName: string | null;
  countyGssCode: string | null;
}

export async function upsertForceArea(
  db: Db,
  area: { slug: string; name: string; gssCode: string },
): Promise<number> {
  const row = await db
    .insertInto('force_area')
    .values({ slug: area.slug, name: area.name, gss_code: area.gssCode })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ name: area.name, gss_code: area.gssCode }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertLocalAuthority(
  db: Db,
  authority: {
    gssCode: string;
    name: string;
    tier: LocalAuthorityTier;
    forceAreaId: number;
    countyId: number | null;
  },
): Promise<number> {
  const values = {
    name: authority.name,
    tier: authority.tier,
    force_area_id: authority.forceAreaId,
    county_id: authority.countyId,
  };
  const row = await db
    .insertInto('local_authority')
    .values({ gss_code: authority.gssCode, ...values })
    .onConflict((oc) => oc.column('gss_code').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listForceAreas(db: Db): Promise<ForceAreaRow[]> {
  return db
    .selectFrom('force_area')
    .select(['id', 'slug', 'name', 'gss_code as gssCode'])
    .orderBy('name')
    .execute();
}

export function findForceAreaBySlug(db: Db, slug: string): Promise<ForceAreaRow | undefined> {
  return db
    .selectFrom('force_area')
    .select(['id', 'slug', 'name', 'gss_code as gssCode'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function listLocalAuthorities(db: Db): Promise<LocalAuthorityRow[]> {
  return db
    .selectFrom('local_authority as la')
    .leftJoin('local_authority as county', 'county.id', 'la.county_id')
    .select([
      'la.id',
      'la.force_area_id as forceAreaId',
      'la.gss_code as gssCode',
      'la.name',
      'la.tier',
      'county.name as countyName',
      'county.gss_code as countyGssCode',
    ])
    .orderBy('la.name')
    .execute();
}
