import type {
  AreasDb as Db,
  LocalAuthorityTier,
  PolicingBodyKind,
  ScrutinyBodyKind,
} from './areas.tables.ts';

export interface ForceAreaRow {
  id: number;
  slug: string;
  name: string;
  /** The ONS police force area code; none for a force outside England and Wales' force areas. */
  gssCode: string | null;
  inPccModel: boolean;
  policingBodyKind: PolicingBodyKind | null;
  policingBodyName: string | null;
  policingBodySince: string | null;
  scrutinyBodyKind: ScrutinyBodyKind | null;
  scrutinyBodyName: string | null;
  governanceNote: string | null;
}

const FORCE_AREA_COLUMNS = [
  'id',
  'slug',
  'name',
  'gssCode',
  'inPccModel',
  'policingBodyKind',
  'policingBodyName',
  'policingBodySince',
  'scrutinyBodyKind',
  'scrutinyBodyName',
  'governanceNote',
] as const;

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
    .insertInto('forceArea')
    .values({ slug: area.slug, name: area.name, gssCode: area.gssCode })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ name: area.name, gssCode: area.gssCode }))
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
    forceAreaId: authority.forceAreaId,
    countyId: authority.countyId,
  };
  const row = await db
    .insertInto('localAuthority')
    .values({ gssCode: authority.gssCode, ...values })
    .onConflict((oc) => oc.column('gssCode').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listForceAreas(db: Db): Promise<ForceAreaRow[]> {
  return db.selectFrom('forceArea').select(FORCE_AREA_COLUMNS).orderBy('name').execute();
}

export function findForceAreaByName(db: Db, name: string): Promise<ForceAreaRow | undefined> {
  return db.selectFrom('forceArea').select(FORCE_AREA_COLUMNS).where('name', '=', name).executeTakeFirst();
}

export function findForceAreaBySlug(db: Db, slug: string): Promise<ForceAreaRow | undefined> {
  return db.selectFrom('forceArea').select(FORCE_AREA_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

/** Every local authority, or one force area's. */
export function listLocalAuthorities(db: Db, forceAreaId?: number): Promise<LocalAuthorityRow[]> {
  return db
    .selectFrom('localAuthority as la')
    .leftJoin('localAuthority as county', 'county.id', 'la.countyId')
    .select([
      'la.id',
      'la.forceAreaId',
      'la.gssCode',
      'la.name',
      'la.tier',
      'county.name as countyName',
      'county.gssCode as countyGssCode',
    ])
    .$if(forceAreaId !== undefined, (query) => query.where('la.forceAreaId', '=', forceAreaId as number))
    .orderBy('la.name')
    .execute();
}
