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
      | 'scrutinyGroup'
      | 'scrutinyGroupFunction'
      | 'scrutinyGroupMember'
      | 'minutes'
      | 'minuteItem'
      | 'minuteDecision'
      | 'minuteAction'
      // Migration 0018: scrutiny's part of a recommendation in the shared ledger.
      | 'scrutinyRecommendationSource'
      | 'workProgrammeEntry'
      | 'workProgrammeItem'
    >,
    {
      scrutinyGroup: {
        kind: GroupKind;
      };
      scrutinyGroupFunction: {
        function: ScrutinyFunction;
        mode: FunctionMode;
      };
      scrutinyGroupMember: {
        role: GroupRole;
      };
      minuteDecision: {
        kind: DecisionKind;
      };
      scrutinyRecommendationSource: {
        origin: RecommendationOrigin;
        function: ScrutinyFunction | null;
      };
      workProgrammeEntry: {
        function: ScrutinyFunction | null;
      };
      workProgrammeItem: {
        function: ScrutinyFunction | null;
      };
    }
  > {}
