import type { Database, Narrowed } from '../../kernel/db/table-types.ts';

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

export interface ScrutinyInterestsTables
  extends Narrowed<
    Pick<Database, 'memberInterest' | 'interestDeclaration'>,
    {
      memberInterest: {
        category: InterestCategory;
      };
      interestDeclaration: {
        kind: DeclarationKind;
        participation: Participation;
      };
    }
  > {}
