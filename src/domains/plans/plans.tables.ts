import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { AreasPublished } from '../areas/index.ts';
import type { MeasureDirection } from './plans.file-schema.ts';

export const PLAN_STEPS = [
  'public-consulted',
  'chief-constable-consulted',
  'sent-to-panel',
  'panel-report-received',
  'response-published',
  'issued',
  'reviewed',
  'varied',
  'superseded',
] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];
export type LinkedItemKind = 'enabler' | 'spr-threat' | 'national-measure';

export interface PlansTables {
  plan: {
    id: Generated<number>;
    slug: string;
    body_id: number;
    force_area_id: number;
    title: string;
    author_name: string;
    author_office: string;
    term_start: string;
    term_end: string;
    election_date: string | null;
    summary: string | null;
    source_url: string | null;
    created_at: Generated<Date>;
  };
  plan_version: {
    id: Generated<number>;
    plan_id: number;
    number: number;
    state: 'draft' | 'issued';
    issued_on: string | null;
    content_changed_at: Generated<Date>;
    created_at: Generated<Date>;
  };
  plan_pillar: {
    id: Generated<number>;
    version_id: number;
    code: string;
    position: number;
    title: string;
    summary: string | null;
  };
  plan_priority: {
    id: Generated<number>;
    version_id: number;
    pillar_id: number;
    code: string;
    position: number;
    title: string;
    summary: string | null;
  };
  plan_aim: {
    id: Generated<number>;
    version_id: number;
    priority_id: number;
    code: string;
    position: number;
    text: string;
  };
  plan_measure: {
    id: Generated<number>;
    version_id: number;
    priority_id: number;
    code: string;
    position: number;
    text: string;
    direction: MeasureDirection;
  };
  plan_linked_item: {
    id: Generated<number>;
    version_id: number;
    kind: LinkedItemKind;
    code: string;
    position: number;
    title: string;
    summary: string | null;
  };
  plan_linked_item_priority: { item_id: number; priority_id: number };
  plan_step: {
    id: Generated<number>;
    plan_id: number;
    version_id: number | null;
    step: PlanStep;
    occurred_on: string;
    note: string | null;
    documents: ColumnType<{ title: string; url: string }[], string, string>;
    recorded_by: string;
    recorded_at: Generated<Date>;
  };
  coverage_source: {
    id: Generated<number>;
    slug: string;
    plan_id: number;
    kind: 'manifesto' | 'consultation';
    title: string;
    author: string;
    published_on: string;
  };
  coverage_point: {
    id: Generated<number>;
    source_id: number;
    code: string;
    position: number;
    group_title: string;
    text: string;
    priority_codes: string[];
  };
  /** Moved on by every statement that changes a plan, version, pillar, priority or measure (migration 0017). */
  plans_change: { only_row: Generated<boolean>; version: ColumnType<string, never, never> };
}

/** The views plans publishes for other domains to read (migration 0017, decision record 0004). */
export interface PlansPublished {
  plans_published_plan: {
    id: number;
    slug: string;
    title: string;
    force_area_id: number;
    term_start: string;
    term_end: string;
  };
  /** Every version, drafts too: a reader that shows a plan keeps to `state = 'issued'`. */
  plans_published_version: {
    id: number;
    plan_id: number;
    number: number;
    state: 'draft' | 'issued';
    issued_on: string | null;
  };
  /** A version's measures, each with the priority and pillar it sits under. */
  plans_published_measure: {
    id: number;
    version_id: number;
    code: string;
    position: number;
    text: string;
    direction: MeasureDirection;
    priority_code: string;
    priority_title: string;
    priority_position: number;
    pillar_code: string;
    pillar_title: string;
    pillar_position: number;
  };
  /** A bigint as text: differs whenever anything the views above show has changed. */
  plans_published_change: { version: ColumnType<string, never, never> };
}

/** What plans' queries may read: its own tables, the audit trail, and the bodies and areas published. */
export type PlansDb = DomainDb<PlansTables & AuditTables & AccountsPublished & AreasPublished>;
