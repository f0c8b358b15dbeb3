import type { ColumnType } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { AreasPublished } from '../areas/index.ts';
import type { MeasureDirection } from './plans.file-schema.ts';
import type { StatutorySection } from './plans.statutory.ts';

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
      | 'planVersion'
      | 'planPillar'
      | 'planPriority'
      | 'planAim'
      | 'planMeasure'
      | 'planLinkedItem'
      | 'planLinkedItemPriority'
      | 'planStatutorySection'
      | 'planStep'
      | 'coverageSource'
      | 'coveragePoint'
      // Moved on by every statement that changes a plan, version, pillar, priority or measure (migration 0017).
      | 'plansChange'
    >,
    {
      planVersion: { state: PlanVersionState };
      planMeasure: { direction: MeasureDirection };
      planLinkedItem: { kind: LinkedItemKind };
      planStatutorySection: { section: StatutorySection };
      planStep: {
        step: PlanStep;
        documents: ColumnType<{ title: string; url: string }[], string, string>;
      };
      coverageSource: { kind: 'manifesto' | 'consultation' };
    }
  > {}

/** The views plans publishes for other domains to read (migration 0017, decision record 0004). */
export interface PlansPublished
  extends Narrowed<
    {
      plansPublishedPlan: View<'plansPublishedPlan'>;
      /** Every version, drafts too: a reader that shows a plan keeps to `state = 'issued'`. */
      plansPublishedVersion: View<'plansPublishedVersion', 'issuedOn'>;
      /** A version's measures, each with the priority and pillar it sits under. */
      plansPublishedMeasure: View<'plansPublishedMeasure'>;
      /** A version's priorities, with a measure or without (migration 0024). */
      plansPublishedPriority: View<'plansPublishedPriority'>;
      /** Differs whenever anything the views above show has changed. */
      plansPublishedChange: View<'plansPublishedChange'>;
    },
    {
      plansPublishedVersion: { state: PlanVersionState };
      plansPublishedMeasure: { direction: MeasureDirection };
    }
  > {}

/** What plans' queries may read: its own tables, the audit trail, and the bodies and areas published. */
export type PlansDb = DomainDb<PlansTables & AuditTables & AccountsPublished & AreasPublished>;
