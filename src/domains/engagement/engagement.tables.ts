import type { ColumnType } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { AreasPublished } from '../areas/index.ts';
import type { SurveyResults } from './engagement.analysis.ts';

export const AUDIENCES = ['adult', 'young-people'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The kinds of question: single and multiple choice, a scale, free text, a postcode, the local authority the
 * person lives in (the force area's own), and the standard age band and sex questions.
 */
export const QUESTION_KINDS = [
  'single',
  'multiple',
  'scale',
  'text',
  'postcode',
  'area',
  'age-band',
  'sex',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** How a response reached the office: the online form, or imported from paper, an event, a citizens' panel… */
export const CHANNELS = ['online', 'paper', 'event', 'panel', 'email', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export type QuestionOption = {
  code: string;
  label: string;
};

/** Migration 0031: surveys, their questions, responses and answers. */
export interface EngagementTables
  extends Narrowed<
    Pick<Database, 'survey' | 'surveyQuestion' | 'surveyResponse' | 'surveyAnswer'>,
    {
      survey: {
        audience: Audience;
        purgedResults: ColumnType<SurveyResults | null, string | null, string | null>;
      };
      surveyQuestion: {
        kind: QuestionKind;
        options: ColumnType<QuestionOption[], string, string>;
      };
      surveyResponse: { channel: Channel };
    }
  > {}

/** What engagement's queries may read: its own tables, the audit trail, bodies and local authorities. */
export type EngagementDb = DomainDb<EngagementTables & AuditTables & AccountsPublished & AreasPublished>;
