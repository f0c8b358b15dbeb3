import { formatDate } from '../../../kernel/formats/dates.ts';
import type { MemberRow } from '../scrutiny.queries.ts';
import { toMembersView } from '../scrutiny.view-models.ts';
import type { DeclarationKind, InterestCategory, Participation } from '../scrutiny-interests.tables.ts';
import { interestsPaths } from './interests.paths.ts';
import type { DeclarationRow, InterestRow } from './interests.queries.ts';

export const INTEREST_CATEGORY_LABELS: Record<InterestCategory, string> = {
  employment: 'Employment, office, trade, profession or vocation',
  sponsorship: 'Sponsorship',
  contracts: 'Contracts',
  land: 'Land',
  licences: 'Licences',
  'corporate-tenancies': 'Corporate tenancies',
  securities: 'Securities',
  'appointed-body': 'A body the member was appointed or nominated to by their council',
  'public-or-charitable-body': 'A public, charitable or campaigning body, political party or trade union',
  'gift-or-hospitality': 'A gift or hospitality',
};

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  'disclosable-pecuniary': 'Disclosable pecuniary interest',
  'other-registrable': 'Other registrable interest',
  'non-registrable': 'Non-registrable interest',
};

export const PARTICIPATION_LABELS: Record<Participation, string> = {
  'took-part': 'Took part in the item',
  'did-not-take-part': 'Stayed but took no part in the item',
  'left-the-room': 'Left the room for the item',
};

const SENSITIVE_WORDS =
  'A sensitive interest: its details are withheld from the public register (Localism Act 2011, section 32).';

/** Choices for a select or radios (which mark the current one as selected and checked respectively). */
export const options = <Key extends string>(labels: Record<Key, string>, current: unknown = '') =>
  Object.entries<string>(labels).map(([value, text]) => ({
    value,
    text,
    selected: value === current,
    checked: value === current,
  }));

/** The register: every member in the panel's usual order, each with their current interests. */
export function toRegisterView(members: MemberRow[], interests: InterestRow[], slug: string) {
  return toMembersView(members).map((member) => ({
    ...member,
    interests: interests
      .filter((interest) => interest.memberId === member.id)
      .map((interest) => ({
        id: interest.id,
        removeUrl: interestsPaths.remove({ slug, interestId: interest.id }),
        category: interest.category ? INTEREST_CATEGORY_LABELS[interest.category] : null,
        description: interest.description,
        sensitive: interest.sensitive,
        sensitiveWords: interest.sensitive ? SENSITIVE_WORDS : null,
        registeredOn: formatDate(interest.registeredOn),
      })),
  }));
}

export function toDeclarationsView(declarations: DeclarationRow[]) {
  return declarations.map((declaration) => ({
    id: declaration.id,
    member: declaration.memberName,
    item:
      declaration.agendaItemPosition === null
        ? 'The meeting as a whole'
        : `Item ${declaration.agendaItemPosition}: ${declaration.agendaItemTitle}`,
    kind: DECLARATION_KIND_LABELS[declaration.kind],
    description: declaration.description,
    participation: PARTICIPATION_LABELS[declaration.participation],
  }));
}
