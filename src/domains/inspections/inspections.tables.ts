import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { RecommendationsLedger, RecommendationsPublished } from '../recommendations/index.ts';

/**
 * What kind of report: an HMICFRS PEEL inspection of the force (graded by question), a thematic inspection
 * (one subject, often across forces), a joint inspection (HMICFRS with other inspectorates), or an audit or
 * other assurance report (an audit committee, internal or external audit).
 */
export const INSPECTION_KINDS = ['peel', 'thematic', 'joint', 'audit'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/**
 * HMICFRS's PEEL grading scale, best first: five grades since PEEL 2021/22 ('adequate' was added then); the
 * 2014–2017 reports used the other four.
 */
export const PEEL_GRADES = ['outstanding', 'good', 'adequate', 'requires-improvement', 'inadequate'] as const;
export type PeelGrade = (typeof PEEL_GRADES)[number];

export const FINDING_KINDS = ['cause-of-concern', 'recommendation', 'area-for-improvement'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const INSPECTION_STATUSES = ['draft', 'published'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Migration 0022: inspections and assurance reports. */
export interface InspectionsTables
  extends Narrowed<
    Pick<Database, 'inspection' | 'inspectionGrade' | 'inspectionFinding'>,
    {
      inspection: { kind: InspectionKind; status: InspectionStatus };
      inspectionGrade: { grade: PeelGrade };
      inspectionFinding: { kind: FindingKind };
    }
  > {}

/**
 * What the domain's queries may read: its own tables, the audit trail, the bodies accounts publishes and the
 * recommendations the ledger publishes; its transaction is also the ledger's, so both commit together.
 */
export type InspectionsDb = DomainDb<
  InspectionsTables & AuditTables & AccountsPublished & RecommendationsPublished & RecommendationsLedger
>;
