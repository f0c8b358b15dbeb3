import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { PlansPublished } from '../plans/index.ts';

/** Whose delivery plan it is: the Commissioner's office's own, or the force's. */
export const DELIVERY_OWNERS = ['opcc', 'force'] as const;
export type DeliveryOwner = (typeof DELIVERY_OWNERS)[number];

/** An action's status; off track needs a recovery note, and every status its evidence. */
export const ACTION_STATUSES = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'completed',
  'withdrawn',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action's status is finished with: it is neither overdue nor at risk any more. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['completed', 'withdrawn'];

export const TARGET_KINDS = ['aim', 'measure'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Migration 0021: delivery plans, their actions, the aims and measures they serve, milestones and statuses. */
export interface DeliveryTables
  extends Narrowed<
    Pick<
      Database,
      'deliveryPlan' | 'deliveryAction' | 'deliveryActionTarget' | 'deliveryMilestone' | 'deliveryStatus'
    >,
    {
      deliveryPlan: { owner: DeliveryOwner };
      deliveryActionTarget: { kind: TargetKind };
      deliveryStatus: { status: ActionStatus };
    }
  > {}

/** What delivery's queries may read: its own tables, the audit trail, and the plans and bodies published. */
export type DeliveryDb = DomainDb<DeliveryTables & AuditTables & AccountsPublished & PlansPublished>;
