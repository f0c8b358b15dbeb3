import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';

export type LocalAuthorityTier =
  | 'unitary'
  | 'county'
  | 'district'
  | 'metropolitan-district'
  | 'london-borough';

/** Who holds a force's policing body functions (migration 0032). */
export type PolicingBodyKind = 'pcc' | 'pfcc' | 'mayor' | 'police-authority';
/** Who scrutinises the policing body: a police and crime panel, or in London the Assembly's committee. */
export type ScrutinyBodyKind = 'police-and-crime-panel' | 'london-assembly-committee';

/** The areas domain's tables, generated from the migrations, with the columns their CHECKs narrow. */
export interface AreasTables
  extends Narrowed<
    // areas_change is moved on by every statement that changes a table here (migration 0017); read the view.
    Pick<
      Database,
      | 'forceArea'
      | 'localAuthority'
      | 'areasChange'
      | 'communitySafetyPartnership'
      | 'localAuthorityPartnership'
      | 'formerLocalAuthority'
    >,
    {
      localAuthority: { tier: LocalAuthorityTier };
      forceArea: { policingBodyKind: PolicingBodyKind | null; scrutinyBodyKind: ScrutinyBodyKind | null };
    }
  > {}

/** The views areas publishes for other domains to read (migration 0017, decision record 0004). */
export interface AreasPublished
  extends Narrowed<
    {
      areasPublishedForceArea: View<'areasPublishedForceArea', 'gssCode'>;
      areasPublishedLocalAuthority: View<'areasPublishedLocalAuthority', 'countyId'>;
      /** Differs whenever a force area or local authority has changed. */
      areasPublishedChange: View<'areasPublishedChange'>;
    },
    { areasPublishedLocalAuthority: { tier: LocalAuthorityTier } }
  > {}

/** What areas' queries may read: its own tables and the audit trail. */
export type AreasDb = DomainDb<AreasTables & AuditTables>;
