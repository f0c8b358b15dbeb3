import type { Kysely } from 'kysely';
import type { AccountsTables } from './domains/accounts/accounts.tables.ts';
import type { AreasTables } from './domains/areas/areas.tables.ts';
import type { JudgementsTables } from './domains/judgements/judgements.tables.ts';
import type { PerformanceTables } from './domains/performance/performance.tables.ts';
import type { PlansTables } from './domains/plans/plans.tables.ts';
import type { ScrutinyTables } from './domains/scrutiny/scrutiny.tables.ts';
import type { AuditTables } from './kernel/audit/audit.tables.ts';

/** Every table Kysely may query, composed from each domain's own table types. */
export type Schema = AreasTables &
  AccountsTables &
  AuditTables &
  PlansTables &
  PerformanceTables &
  ScrutinyTables &
  JudgementsTables;

/** The query builder every domain's queries take: one database, one type. */
export type Db = Kysely<Schema>;
