import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';

/** Migration 0035: officers' records of duties met, spending months and their lines, and contracts. */
export type TransparencyTables = Pick<
  Database,
  'transparencyDutyRecord' | 'spendingMonth' | 'spendingTransaction' | 'spendingContract'
>;

/** What transparency's queries read: its own tables, the audit trail and the bodies. */
export type TransparencyDb = DomainDb<TransparencyTables & AuditTables & AccountsPublished>;
