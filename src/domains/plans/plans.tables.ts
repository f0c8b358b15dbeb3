import type { ColumnType } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
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
export type PlanVersionState = 'draft' | 'issued';

/** The plans domain's tables, generated from the migrations, with the columns their CHECKs narrow. */
export interface PlansTables
  extends Narrowed<
    Pick<
      Database,
      | 'plan'
      | 'plan_version'
      | 'plan_pillar'
      | 'plan_priority'
      | 'plan_aim'
      | 'plan_measure'
      | 'plan_linked_item'
      | 'plan_linked_item_priority'
      | 'plan_step'
      | 'coverage_source'
      | 'coverage_point'
      // Moved on by every statement that changes a plan, version, pillar, priority or measure (migration 0017).
      | 'plans_change'
    >,
    {
      plan_version: { state: PlanVersionState };
      plan_measure: { direction: MeasureDirection };
      plan_linked_item: { kind: LinkedItemKind };
      plan_step: {
        step: PlanStep;
        documents: ColumnType<{ title: string; url: string }[], string, string>;
      };
      coverage_source: { kind: 'manifesto' | 'consultation' };
    }
  > {}

/** The views plans publishes for other domains to read (migration 0017, decision record 0004). */
export interface PlansPublished
  extends Narrowed<
    {
      plans_published_plan: View<'plans_published_plan'>;
      /** Every version, drafts too: a reader that shows a plan keeps to `state = 'issued'`. */
      plans_published_version: View<'plans_published_version', 'issued_on'>;
      /** A version's measures, each with the priority and pillar it sits under. */
      plans_published_measure: View<'plans_published_measure'>;
      /** Differs whenever anything the views above show has changed. */
      plans_published_change: View<'plans_published_change'>;
    },
    {
      plans_published_version: { state: PlanVersionState };
      plans_published_measure: { direction: MeasureDirection };
    }
  > {}

/** What plans' queries may read: its own tables, the audit trail, and the bodies and areas published. */
export type PlansDb = DomainDb<PlansTables & AuditTables & AccountsPublished & AreasPublished>;
