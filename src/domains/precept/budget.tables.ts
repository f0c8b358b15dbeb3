import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';

export const LINE_KINDS = ['revenue', 'capital'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** Migration 0042: a policing body's budget for a year, its lines, tax base, MTFP and quarterly monitoring. */
export interface BudgetTables
  extends Narrowed<
    Pick<Database, 'budgetYear' | 'budgetLine' | 'budgetTaxBase' | 'budgetMtfpYear' | 'budgetMonitoring'>,
    { budgetLine: { kind: LineKind } }
  > {}

/** What the budget's queries read: its own tables, the audit trail and the bodies. */
export type BudgetDb = DomainDb<BudgetTables & AuditTables & AccountsPublished>;
