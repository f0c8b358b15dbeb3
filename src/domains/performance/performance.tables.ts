import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed, View } from '../../kernel/db/table-types.ts';
import type { JudgementsPublished } from '../judgements/index.ts';
import type { PoliceUkKind } from './police-uk/index.ts';

export type ImportOrigin = 'command-line' | 'upload' | 'demo-seed';
export type ImportRunStatus = 'running' | 'succeeded' | 'failed';
export type ImportPhase = 'waiting' | 'checking' | 'loading' | 'finishing' | 'done';
export type ImportFileStatus = 'checked' | 'loaded' | 'unchanged' | 'refused' | 'failed';
export type LookupSource = 'lookup-file' | 'lsoa-name';

/**
 * Performance's tables (migration 0004), generated, with the columns their CHECKs narrow. The raw record
 * tables are written by COPY and read with plain SQL, so they are not here.
 */
export interface PerformanceTables
  extends Narrowed<
    Pick<
      Database,
      | 'policeUkImportRun'
      | 'policeUkImportFile'
      | 'policeUkImportReject'
      | 'policeUkUnit'
      | 'policeUkCrimeMonthly'
      | 'policeUkAsbMonthly'
      | 'policeUkOutcomeMonthly'
      | 'policeUkStopSearchMonthly'
      | 'lsoaLocalAuthority'
    >,
    {
      policeUkImportRun: {
        actorKind: 'user' | 'token' | 'system';
        origin: ImportOrigin;
        status: ImportRunStatus;
        phase: ImportPhase;
      };
      policeUkImportFile: { kind: PoliceUkKind | null; status: ImportFileStatus };
      policeUkUnit: { kind: PoliceUkKind };
      lsoaLocalAuthority: { source: LookupSource };
    }
  > {}

/** The views performance publishes for other domains to read (migration 0017, decision record 0004). */
export interface PerformancePublished {
  /** The months each force has street-level data for. */
  performancePublishedStreetMonth: View<'performancePublishedStreetMonth'>;
  performancePublishedCrimeCount: View<'performancePublishedCrimeCount', 'localAuthorityCode'>;
  /** Anti-social behaviour incidents, kept apart from crimes. */
  performancePublishedAsbCount: View<'performancePublishedAsbCount', 'localAuthorityCode'>;
}

/**
 * The relations performance's queries may read: its own tables, the audit trail, and the populations judgements
 * publishes (for rates per 1,000 residents).
 */
export type PerformanceRelations = PerformanceTables & AuditTables & JudgementsPublished;
export type PerformanceDb = DomainDb<PerformanceRelations>;
