import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { Database, Narrowed } from '../../kernel/db/table-types.ts';
import type { AccountsPublished } from '../accounts/index.ts';

/** Whose conduct is complained of: the "relevant office holders" of a Panel (SI 2012/62 reg 2). */
export const SUBJECTS = ['commissioner', 'deputy-commissioner'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** A complaint from a member of the public (PRSRA 2011 s31(1)(a)) or a conduct matter (s31(1)(b)). */
export const KINDS = ['complaint', 'conduct-matter'] as const;
export type Kind = (typeof KINDS)[number];

export const RECORDINGS = ['pending', 'recorded', 'not-recorded'] as const;
export type Recording = (typeof RECORDINGS)[number];

/**
 * Why a complaint was not recorded. The first two are the cases reg 9 lets a Panel leave unrecorded (dealt
 * with by criminal proceedings; withdrawn); "not-qualifying" is what is not a complaint about an office
 * holder's conduct at all (s31(1)(a); a complaint about a police officer goes to the chief constable).
 */
export const NOT_RECORDED_GROUNDS = ['criminal-proceedings', 'withdrawn', 'not-qualifying'] as const;
export type NotRecordedGrounds = (typeof NOT_RECORDED_GROUNDS)[number];

/**
 * How a recorded complaint ended at the Panel: informal resolution (reg 28), handled otherwise or with no
 * action where reg 15(3) allows (reg 15(2)), or withdrawn by the complainant (reg 16).
 */
export const OUTCOMES = ['resolved-informally', 'no-further-action', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Migration 0036: the confidential cases and each Panel's timescales. */
export interface ComplaintsTables
  extends Narrowed<
    Pick<Database, 'complaint' | 'complaintTimescale'>,
    {
      complaint: {
        subject: Subject;
        kind: Kind;
        recording: Recording;
        notRecordedGrounds: NotRecordedGrounds | null;
        outcome: Outcome | null;
      };
    }
  > {}

/** What the complaints' queries read: their own tables, the audit trail and the bodies. */
export type ComplaintsDb = DomainDb<ComplaintsTables & AuditTables & AccountsPublished>;
