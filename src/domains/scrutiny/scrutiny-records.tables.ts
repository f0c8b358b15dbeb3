import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
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
export interface ScrutinyRecordsTables
  extends Narrowed<
    Pick<
      Database,
      | 'scrutiny_group'
      | 'scrutiny_group_function'
      | 'scrutiny_group_member'
      | 'minutes'
      | 'minute_item'
      | 'minute_decision'
      | 'minute_action'
      // Migration 0018: scrutiny's part of a recommendation in the shared ledger.
      | 'scrutiny_recommendation_source'
      | 'work_programme_entry'
      | 'work_programme_item'
    >,
    {
      scrutiny_group: {
        kind: GroupKind;
      };
      scrutiny_group_function: {
        function: ScrutinyFunction;
        mode: FunctionMode;
      };
      scrutiny_group_member: {
        role: GroupRole;
      };
      minute_decision: {
        kind: DecisionKind;
      };
      scrutiny_recommendation_source: {
        origin: RecommendationOrigin;
        function: ScrutinyFunction | null;
      };
      work_programme_entry: {
        function: ScrutinyFunction | null;
      };
      work_programme_item: {
        function: ScrutinyFunction | null;
      };
    }
  > {}
