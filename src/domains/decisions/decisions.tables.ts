import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { PlansPublished } from '../plans/index.ts';
import type { RecommendationsPublished } from '../recommendations/index.ts';
import type { ScrutinyPublished } from '../scrutiny/index.ts';

/** Who took the decision: the Commissioner, or the deputy or the chief executive under delegation. */
export const DECISION_MAKERS = ['pcc', 'deputy', 'chief-executive'] as const;
export type DecisionMaker = (typeof DECISION_MAKERS)[number];

/** Part 1 is public; a Part 2 decision shows the public only its stub and the exemption relied on. */
export const DECISION_PARTS = ['part-1', 'part-2'] as const;
export type DecisionPart = (typeof DECISION_PARTS)[number];

/** The access regime the form's information falls under: FOIA 2000, or the EIR 2004 when environmental. */
export const INFORMATION_REGIMES = ['foia', 'eir'] as const;
export type InformationRegime = (typeof INFORMATION_REGIMES)[number];

/** Drafted (a coming key decision is on the forward plan), signed (taken and signed off), published. */
export const DECISION_STATUSES = ['draft', 'signed', 'published'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Migrations 0020 and 0024: the decision register, and the meetings and recommendations a decision concerns. */
export interface DecisionsTables
  extends Narrowed<
    Pick<Database, 'decision' | 'decisionPriority' | 'decisionMeeting' | 'decisionRecommendation'>,
    {
      decision: {
        maker: DecisionMaker;
        part: DecisionPart;
        informationRegime: InformationRegime;
        status: DecisionStatus;
      };
    }
  > {}

/**
 * What the register's queries may read: its own tables, the audit trail, the bodies accounts publishes, the
 * plans' priorities, the meetings scrutiny publishes and the recommendations the ledger publishes.
 */
export type DecisionsDb = DomainDb<
  DecisionsTables &
    AuditTables &
    AccountsPublished &
    PlansPublished &
    ScrutinyPublished &
    RecommendationsPublished
>;
