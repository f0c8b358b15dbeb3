import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { ScrutinyPublished } from '../scrutiny/index.ts';
import type { BudgetTables } from './budget.tables.ts';

/** What the Panel decided on the proposed precept (Sch 5 paras 3-4): accept it, recommend, or veto it. */
export const PANEL_DECISIONS = ['accept', 'recommendations', 'veto'] as const;
export type PanelDecision = (typeof PANEL_DECISIONS)[number];

/** Why the Panel vetoed: reg 5(3) of SI 2012/2271 turns on whether the report said too high or too low. */
export const VETO_REASONS = ['too-high', 'too-low'] as const;
export type VetoReason = (typeof VETO_REASONS)[number];

/** How each member of the Panel at the time stood on the decision. */
export const VOTES = ['for', 'against', 'abstain', 'absent'] as const;
export type Vote = (typeof VOTES)[number];

/** Migration 0028: each precept year of a policing body, and the Panel's vote member by member. */
export interface PreceptTables
  extends Narrowed<
    Pick<Database, 'preceptYear' | 'preceptVote'>,
    {
      preceptYear: { panelDecision: PanelDecision | null; vetoReason: VetoReason | null };
      preceptVote: { vote: Vote };
    }
  > {}

/**
 * What the precept's queries read: its own tables and the budgets beside them, the audit trail, the bodies,
 * and the Panel's meetings and members.
 */
export type PreceptDb = DomainDb<
  PreceptTables & BudgetTables & AuditTables & AccountsPublished & ScrutinyPublished
>;
