import type { Generated } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { AccountsOutbox, AccountsPublished } from '../accounts/index.ts';
import type { RecommendationsLedger, RecommendationsPublished } from '../recommendations/index.ts';
import type { ScrutinyAttendanceTables } from './scrutiny-attendance.tables.ts';
import type { ScrutinyInterestsTables } from './scrutiny-interests.tables.ts';
import type { ScrutinyPapersTables } from './scrutiny-papers.tables.ts';
import type { ScrutinyRecordsTables } from './scrutiny-records.tables.ts';

export const MEMBER_ROLES = ['chair', 'vice-chair', 'member', 'co-opted-independent'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const NOTICE_KINDS = ['working-days', 'clear-working-days'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const MEETING_STATUSES = [
  'scheduled',
  'agenda-published',
  'held',
  'minutes-approved',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const QUESTION_STATUSES = ['received', 'accepted', 'rejected', 'referred-to-force'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface ScrutinyTables
  extends ScrutinyRecordsTables,
    ScrutinyPapersTables,
    ScrutinyAttendanceTables,
    ScrutinyInterestsTables {
  scrutiny_member: {
    id: Generated<number>;
    body_id: number;
    name: string;
    role: MemberRole;
    nominating_authority: string | null;
    local_authority_id: number | null;
    term_start: string | null;
    term_end: string | null;
    created_at: Generated<Date>;
  };
  public_question_rules: {
    body_id: number;
    notice_days: number;
    notice_kind: NoticeKind;
    max_questions_per_person: number | null;
    minutes_allowed: number | null;
    max_question_length: Generated<number>;
  };
  meeting: {
    id: Generated<number>;
    body_id: number;
    title: string;
    starts_at: Date;
    venue: string;
    status: Generated<MeetingStatus>;
    created_at: Generated<Date>;
  };
  agenda_item: {
    id: Generated<number>;
    meeting_id: number;
    position: number;
    slot_time: string | null;
    title: string;
    purpose: string | null;
    lead: string | null;
    exempt_paragraph: number | null;
  };
  public_question: {
    id: Generated<number>;
    meeting_id: number;
    asker_name: string;
    asker_email: string;
    text: string;
    submitted_at: Date;
    status: Generated<QuestionStatus>;
    reason: string | null;
    answer: string | null;
    decided_at: Date | null;
  };
}

/**
 * What scrutiny's queries may read: its own tables, the audit trail, the bodies accounts publishes and the
 * recommendations the ledger publishes; and the ledger's tables, which it writes only through the ledger.
 */
export type ScrutinyDb = DomainDb<
  ScrutinyTables &
    AuditTables &
    AccountsPublished &
    AccountsOutbox &
    RecommendationsLedger &
    RecommendationsPublished
>;
