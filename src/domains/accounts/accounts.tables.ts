import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { Role } from '../../kernel/auth/roles.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';

export type BodyKind =
  | 'policing-body'
  | 'scrutiny-panel'
  | 'partner-organisation'
  | 'audit-committee'
  | 'partnership-board';

/** The accounts domain's tables, generated from the migrations, with the columns their CHECKs narrow. */
export interface AccountsTables
  extends Narrowed<
    Pick<
      Database,
      'body' | 'appUser' | 'userRole' | 'userSession' | 'passwordLink' | 'apiToken' | 'outboxMessage'
    >,
    {
      body: { kind: BodyKind };
      userRole: { role: Role };
      passwordLink: { purpose: 'set-password' | 'reset-password' };
      apiToken: { role: Role };
    }
  > {}

/** The views accounts publishes for other domains to read (migration 0017, decision record 0004). */
export interface AccountsPublished
  extends Narrowed<
    { accountsPublishedBody: View<'accountsPublishedBody', 'forceAreaId'> },
    { accountsPublishedBody: { kind: BodyKind } }
  > {}

/**
 * The outbox, which other domains write to in their own transaction — only through accounts' `queueMessage`,
 * so a message goes out exactly when the change that causes it commits.
 */
export type AccountsOutbox = Pick<AccountsTables, 'outboxMessage'>;

/** What accounts' queries may read: its own tables and the audit trail. */
export type AccountsDb = DomainDb<AccountsTables & AuditTables>;
