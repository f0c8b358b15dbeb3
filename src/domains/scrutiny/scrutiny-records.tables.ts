import type { Generated } from 'kysely';
import type { RecommendationOrigin } from '../recommendations/index.ts';
import type { ScrutinyFunction } from './scrutiny-functions.ts';

export const GROUP_KINDS = ['sub-committee', 'task-and-finish-group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const FUNCTION_MODES = ['delegated', 'advisory'] as const;
export type FunctionMode = (typeof FUNCTION_MODES)[number];

export const GROUP_ROLES = ['chair', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const DECISION_KINDS = ['resolved', 'recommended', 'noted'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Migration 0008: groups, minutes and the work programme; 0018: where the panel's recommendations came from. */
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
  /** Migration 0018: scrutiny's part of a recommendation in the shared ledger. */
  scrutiny_recommendation_source: {
    recommendation_id: number;
    body_id: number;
    origin: RecommendationOrigin;
    group_id: number | null;
    meeting_id: number | null;
    minute_item_id: number | null;
    /** The decision of the minute item the entry records, by its position in the item. */
    minute_decision_position: number | null;
    function: ScrutinyFunction | null;
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
