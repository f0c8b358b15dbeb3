import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';
import type { FundingPublished } from '../funding/index.ts';

/** The kinds of organisation that apply, each identified by the register it is on (or none, for a group). */
export const ORGANISATION_TYPES = [
  'charity',
  'company',
  'community-interest-company',
  'local-authority',
  'community-group',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const APPLICATION_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const MODERATIONS = ['agreed', 'changed'] as const;
export type Moderation = (typeof MODERATIONS)[number];

/** Migration 0040: applicant organisations, applications, declarations, assessments, awards and instalments. */
export interface GrantsTables
  extends Narrowed<
    Pick<
      Database,
      | 'grantOrganisation'
      | 'grantApplication'
      | 'grantDeclaration'
      | 'grantAssessment'
      | 'grantScore'
      | 'grantAward'
      | 'grantInstalment'
    >,
    {
      grantOrganisation: { type: OrganisationType };
      grantApplication: { state: ApplicationState };
      grantAssessment: { moderation: Moderation | null };
    }
  > {}

/** What grants' queries may read: its own tables, the audit trail, the bodies and funding's funds and rounds. */
export type GrantsDb = DomainDb<GrantsTables & AuditTables & AccountsPublished & FundingPublished>;
