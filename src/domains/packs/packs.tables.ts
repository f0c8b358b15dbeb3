import type { ColumnType } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { PlansPublished } from '../plans/index.ts';
import type { PackContent } from './packs.content.ts';

/** A draft is drawn live; an issued pack is frozen. */
export const PACK_STATUSES = ['draft', 'issued'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

/** Migration 0023: performance packs, the issued ones keeping their content as issued. */
export interface PacksTables
  extends Narrowed<
    Pick<Database, 'performancePack'>,
    {
      performancePack: {
        status: PackStatus;
        content: ColumnType<PackContent | null, string | null, string | null>;
      };
    }
  > {}

/** What packs publish: issued packs and the meeting each is for, which the meeting page links. */
export interface PacksPublished {
  packsPublishedPack: View<'packsPublishedPack', 'meetingId'>;
}

/** What the packs' queries may read: their own table, the audit trail, bodies and plans as published. */
export type PacksDb = DomainDb<PacksTables & AuditTables & AccountsPublished & PlansPublished>;
