import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { Vote } from '../precept/index.ts';
import type { ScrutinyPublished } from '../scrutiny/index.ts';

/** The posts whose proposed holders the Panel hears: Sch 8 Part 1 for a chief constable, Sch 1 for the rest. */
export const POSTS = [
  'chief-constable',
  'deputy-commissioner',
  'chief-executive',
  'chief-finance-officer',
] as const;
export type Post = (typeof POSTS)[number];

/** The recommendation in the Panel's report (Sch 8 para 4(4); Sch 1 para 9): appoint the candidate or not. */
export const RECOMMENDATIONS = ['appoint', 'do-not-appoint'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** What the Panel decided at the hearing: a recommendation either way, or (chief constable only) a veto. */
export const HEARING_DECISIONS = [...RECOMMENDATIONS, 'veto'] as const;
export type HearingDecision = (typeof HEARING_DECISIONS)[number];

/** The Commissioner's notice on the recommendation (Sch 8 para 7(2)-(3)). */
export const RESPONSES = ['accept', 'reject'] as const;
export type Response = (typeof RESPONSES)[number];

/** Migration 0037: each proposed appointment notified to a Panel, and the Panel's vote member by member. */
export interface AppointmentsTables
  extends Narrowed<
    Pick<Database, 'appointment' | 'appointmentVote'>,
    {
      appointment: { post: Post; recommendation: Recommendation | null; response: Response | null };
      appointmentVote: { vote: Vote };
    }
  > {}

/** What the appointments' queries read: their own tables, the audit trail, the bodies, the Panel's meetings and members. */
export type AppointmentsDb = DomainDb<
  AppointmentsTables & AuditTables & AccountsPublished & ScrutinyPublished
>;
