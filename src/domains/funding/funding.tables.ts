import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { AreasPublished } from '../areas/index.ts';
import type { JudgementsPublished } from '../judgements/index.ts';
import type { PerformancePublished } from '../performance/index.ts';
import type { PlansPublished } from '../plans/index.ts';

/**
 * The kinds of fund a policing body keeps: grants to community safety partnerships, crime prevention, the
 * community fund from the proceeds of recovered property, and victims' services from the Ministry of Justice
 * grant.
 */
export const FUND_KINDS = [
  'community-safety',
  'crime-prevention',
  'community-fund',
  'victims-services',
] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** Where a formula criterion's figures come from: populations held, police.uk crimes counted, or the file. */
export const CRITERION_SOURCES = ['population', 'police-uk-crimes', 'supplied'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

/** Migration 0029: funds, their budgets, priorities, rounds and criteria, formulas and recorded allocations. */
export interface FundingTables
  extends Narrowed<
    Pick<
      Database,
      | 'fund'
      | 'fundBudget'
      | 'fundPriority'
      | 'fundRound'
      | 'fundAssessmentCriterion'
      | 'fundFormula'
      | 'fundFormulaCriterion'
      | 'fundFormulaValue'
      | 'fundAllocation'
      | 'fundAllocationLine'
    >,
    { fund: { kind: FundKind }; fundFormulaCriterion: { source: CriterionSource } }
  > {}

/**
 * The views funding publishes (migration 0040, decision record 0004): funds, budgets, rounds and assessment
 * criteria, for grants to check applications against.
 */
export interface FundingPublished
  extends Narrowed<
    {
      fundingPublishedFund: View<'fundingPublishedFund', 'applicantTypes' | 'illustrativeNote'>;
      fundingPublishedBudget: View<'fundingPublishedBudget'>;
      fundingPublishedRound: View<'fundingPublishedRound', 'maxAwardPence'>;
      fundingPublishedCriterion: View<'fundingPublishedCriterion', 'description'>;
    },
    { fundingPublishedFund: { kind: FundKind } }
  > {}

/** What funding's queries may read: its own tables, the audit trail, and the views of the domains above it. */
export type FundingDb = DomainDb<
  FundingTables &
    AuditTables &
    AccountsPublished &
    AreasPublished &
    PlansPublished &
    JudgementsPublished &
    PerformancePublished
>;
