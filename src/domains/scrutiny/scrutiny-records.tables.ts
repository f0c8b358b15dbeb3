import type { Generated } from 'kysely';
import type { ScrutinyFunction } from './scrutiny-functions.ts';

export const GROUP_KINDS = ['sub-committee', 'task-and-finish-group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const FUNCTION_MODES = ['delegated', 'advisory'] as const;
export type FunctionMode = (typeof FUNCTION_MODES)[number];

export const GROUP_ROLES = ['chair', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const DECISION_KINDS = ['resolved', 'recommended', 'noted'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

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

/** Migration 0008: groups, minutes, the recommendations ledger and the work programme (0010: a ledger entry's decision). */
export interface ScrutinyRecordsTables {
  scrutiny_group: {
    id: Generated<number>;
    body_id: number;
    slug: string;
    name: string;
    kind: GroupKind;
    terms_of_reference: string;
    established_on: string | null;
    ends_on: string | null;
    created_at: Generated<Date>;
  };
  scrutiny_group_function: {
    group_id: number;
    function: ScrutinyFunction;
    mode: FunctionMode;
  };
  scrutiny_group_member: {
    group_id: number;
    member_id: number;
    role: GroupRole;
  };
  minutes: {
    meeting_id: number;
    body_id: number;
    approved_at_meeting_id: number | null;
    approved_at: Date | null;
    created_at: Generated<Date>;
  };
  minute_item: {
    id: Generated<number>;
    meeting_id: number;
    body_id: number;
    number: number;
    agenda_item_id: number | null;
    title: string;
    text: string;
    exempt_paragraph: number | null;
  };
  minute_decision: {
    id: Generated<number>;
    minute_item_id: number;
    position: number;
    kind: DecisionKind;
    text: string;
  };
  minute_action: {
    id: Generated<number>;
    minute_item_id: number;
    position: number;
    text: string;
    owner: string;
    due_on: string | null;
    done_on: string | null;
  };
  recommendation: {
    id: Generated<number>;
    body_id: number;
    reference: string;
    origin: RecommendationOrigin;
    group_id: number | null;
    meeting_id: number | null;
    minute_item_id: number | null;
    /** The decision of the minute item the entry records, by its position in the item. */
    minute_decision_position: number | null;
    source_title: string | null;
    made_on: string | null;
    function: ScrutinyFunction | null;
    topic: string | null;
    text: string;
    addressee: string;
    response_due_on: string | null;
    response: ResponseKind | null;
    response_text: string | null;
    responded_on: string | null;
    outcome: OutcomeKind | null;
    outcome_text: string | null;
    outcome_on: string | null;
    created_at: Generated<Date>;
  };
  recommendation_action: {
    id: Generated<number>;
    recommendation_id: number;
    position: number;
    text: string;
    owner: string;
    due_on: string | null;
    done_on: string | null;
  };
  recommendation_progress: {
    id: Generated<number>;
    recommendation_id: number;
    position: number;
    reported_on: string;
    text: string;
  };
  work_programme_entry: {
    id: Generated<number>;
    body_id: number;
    programme: string;
    meets_on: string;
    main_focus: string | null;
    function: ScrutinyFunction | null;
    created_at: Generated<Date>;
  };
  work_programme_item: {
    id: Generated<number>;
    entry_id: number;
    position: number;
    title: string;
    function: ScrutinyFunction | null;
  };
}
