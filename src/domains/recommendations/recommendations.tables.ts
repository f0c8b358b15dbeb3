import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { PlansPublished } from '../plans/index.ts';

/**
 * Where a recommendation came from, as a kind: the body at a meeting, one of its groups, or an outside report
 * such as an HMICFRS inspection or an audit. The ledger files and filters by it and knows nothing more of it.
 */
export const RECOMMENDATION_ORIGINS = [
  'panel',
  'sub-committee',
  'task-and-finish-group',
  'inspection',
  'audit',
  'other',
] as const;
export type RecommendationOrigin = (typeof RECOMMENDATION_ORIGINS)[number];

export const RESPONSE_KINDS = ['accepted', 'partly-accepted', 'not-accepted'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const OUTCOME_KINDS = ['implemented', 'not-implemented', 'superseded', 'withdrawn'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * Who may see a recommendation, kept current by its origin: everyone; those who read the body's drafts (it
 * comes from a draft, e.g. minutes not yet approved); or the body's members and officer only (heard in private).
 */
export const VISIBILITIES = ['public', 'draft', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Migrations 0008, 0018 and 0041: the recommendations ledger and the plan measures each is about. */
export interface RecommendationsTables
  extends Narrowed<
    Pick<
      Database,
      'recommendation' | 'recommendationAction' | 'recommendationProgress' | 'recommendationMeasure'
    >,
    {
      recommendation: {
        origin: RecommendationOrigin;
        response: ResponseKind | null;
        outcome: OutcomeKind | null;
        visibility: Visibility;
      };
    }
  > {}

/** What the ledger publishes (migration 0018) for the origins that keep their own links to it. */
export interface RecommendationsPublished
  extends Narrowed<
    {
      recommendationsPublishedRecommendation: View<
        'recommendationsPublishedRecommendation',
        'response' | 'outcome'
      >;
    },
    {
      recommendationsPublishedRecommendation: {
        origin: RecommendationOrigin;
        response: ResponseKind | null;
        outcome: OutcomeKind | null;
        visibility: Visibility;
      };
    }
  > {}

/**
 * What the ledger's queries may read: its own tables, the audit trail, the bodies accounts publishes, and the
 * plans' measures that recommendations name.
 */
export type RecommendationsDb = DomainDb<
  RecommendationsTables & AuditTables & AccountsPublished & PlansPublished
>;

/**
 * The ledger's tables as an origin's transaction sees them: an origin records and changes its recommendations
 * only through the ledger's write functions, inside its own transaction, so both commit together.
 */
export type RecommendationsLedger = RecommendationsTables & AuditTables & AccountsPublished & PlansPublished;
