import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { AccountsOutbox, AccountsPublished } from '../accounts/index.ts';
import type { PacksPublished } from '../packs/packs.tables.ts';
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
  extends Narrowed<
      Pick<
        Database,
        | 'scrutinyMember'
        | 'publicQuestionRules'
        | 'meeting'
        | 'agendaItem'
        | 'publicQuestion'
        | 'scrutinyRecordStamp'
      >,
      {
        scrutinyMember: {
          role: MemberRole;
        };
        publicQuestionRules: {
          noticeKind: NoticeKind;
        };
        meeting: {
          status: MeetingStatus;
        };
        publicQuestion: {
          status: QuestionStatus;
        };
      }
    >,
    ScrutinyRecordsTables,
    ScrutinyPapersTables,
    ScrutinyAttendanceTables,
    ScrutinyInterestsTables {}

/** The views scrutiny publishes for other domains to read (migrations 0024 and 0028, decision record 0004). */
export interface ScrutinyPublished
  extends Narrowed<
    {
      /** Every meeting of every body that meets in public: all are public, cancelled ones too. */
      scrutinyPublishedMeeting: View<'scrutinyPublishedMeeting'>;
      /** Every member of every scrutiny body, with the term they serve (migration 0028; the precept's vote). */
      scrutinyPublishedMember: View<'scrutinyPublishedMember', 'termStart' | 'termEnd'>;
    },
    { scrutinyPublishedMeeting: { status: MeetingStatus }; scrutinyPublishedMember: { role: MemberRole } }
  > {}

/**
 * What scrutiny's queries may read: its own tables, the audit trail, the bodies accounts publishes and the
 * recommendations the ledger publishes, the issued performance packs (a meeting's papers); and the ledger's tables, which it writes only through the ledger.
 */
export type ScrutinyDb = DomainDb<
  ScrutinyTables &
    AuditTables &
    AccountsPublished &
    AccountsOutbox &
    RecommendationsLedger &
    RecommendationsPublished &
    PacksPublished
>;
