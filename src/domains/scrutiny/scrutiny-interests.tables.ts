import type { Generated } from 'kysely';

/**
 * What a member registers: the seven kinds of disclosable pecuniary interest (Relevant Authorities
 * (Disclosable Pecuniary Interests) Regulations 2012), then the other interests codes of conduct ask for.
 */
export const INTEREST_CATEGORIES = [
  'employment',
  'sponsorship',
  'contracts',
  'land',
  'licences',
  'corporate-tenancies',
  'securities',
  'appointed-body',
  'public-or-charitable-body',
  'gift-or-hospitality',
] as const;
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];

export const DECLARATION_KINDS = ['disclosable-pecuniary', 'other-registrable', 'non-registrable'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export const PARTICIPATIONS = ['took-part', 'did-not-take-part', 'left-the-room'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

export interface ScrutinyInterestsTables {
  member_interest: {
    id: Generated<number>;
    member_id: number;
    category: InterestCategory;
    description: string;
    sensitive: Generated<boolean>;
    registered_on: string;
    removed_on: string | null;
  };
  interest_declaration: {
    id: Generated<number>;
    meeting_id: number;
    agenda_item_id: number | null;
    member_id: number;
    kind: DeclarationKind;
    description: string;
    participation: Participation;
    declared_at: Generated<Date>;
  };
}
