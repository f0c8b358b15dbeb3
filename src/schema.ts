import type { Kysely } from 'kysely';
import type { AccountsPublished, AccountsTables } from './domains/accounts/accounts.tables.ts';
import type { AppointmentsTables } from './domains/appointments/appointments.tables.ts';
import type { AreasPublished, AreasTables } from './domains/areas/areas.tables.ts';
import type { ComplaintsTables } from './domains/complaints/complaints.tables.ts';
import type { DecisionsTables } from './domains/decisions/decisions.tables.ts';
import type { DeliveryTables } from './domains/delivery/delivery.tables.ts';
import type { EngagementTables } from './domains/engagement/engagement.tables.ts';
import type { FundingPublished, FundingTables } from './domains/funding/funding.tables.ts';
import type { GrantsTables } from './domains/grants/grants.tables.ts';
import type { InspectionsTables } from './domains/inspections/inspections.tables.ts';
import type { JudgementsPublished, JudgementsTables } from './domains/judgements/judgements.tables.ts';
import type { PacksPublished, PacksTables } from './domains/packs/packs.tables.ts';
import type { PerformancePublished, PerformanceTables } from './domains/performance/performance.tables.ts';
import type { PlansPublished, PlansTables } from './domains/plans/plans.tables.ts';
import type { BudgetTables } from './domains/precept/budget.tables.ts';
import type { PreceptTables } from './domains/precept/precept.tables.ts';
import type {
  RecommendationsPublished,
  RecommendationsTables,
} from './domains/recommendations/recommendations.tables.ts';
import type { ScrutinyPublished, ScrutinyTables } from './domains/scrutiny/scrutiny.tables.ts';
import type { SearchPublished } from './domains/search/search.tables.ts';
import type { TransparencyTables } from './domains/transparency/transparency.tables.ts';
import type { AuditTables } from './kernel/audit/audit.tables.ts';

/**
 * Every table and published view, composed from each domain's own types. Only the composition root, the
 * CLI's database handle and tests use it whole; each domain's queries take a narrower `DomainDb`.
 */
export type Schema = AreasTables &
  AreasPublished &
  AccountsTables &
  AccountsPublished &
  AuditTables &
  PlansTables &
  PlansPublished &
  PerformanceTables &
  PerformancePublished &
  RecommendationsTables &
  RecommendationsPublished &
  ScrutinyTables &
  ScrutinyPublished &
  JudgementsTables &
  JudgementsPublished &
  DecisionsTables &
  DeliveryTables &
  InspectionsTables &
  PacksTables &
  PacksPublished &
  PreceptTables &
  BudgetTables &
  AppointmentsTables &
  ComplaintsTables &
  FundingTables &
  FundingPublished &
  GrantsTables &
  TransparencyTables &
  EngagementTables &
  SearchPublished;

/** The query builder over the whole database, for the composition root and tests. */
export type Db = Kysely<Schema>;
