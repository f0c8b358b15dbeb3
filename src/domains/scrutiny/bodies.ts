import type { BodyKind } from '../accounts/index.ts';

/**
 * What a body does in public, by its kind: the one place scrutiny's services ask before they let a body hold
 * a meeting, keep a list of members, and so on.
 * - `meetings`: meetings with agendas, papers, attendance, minutes and the feeds.
 * - `members`: a list of members, who are recorded at its meetings and keep a register of interests.
 * - `committees`: sub-committees and task-and-finish groups.
 * - `work-programme`: a published plan of what its coming meetings will look at.
 * - `recommendations`: a ledger of recommendations and the responses to them (and the records file that
 *   loads groups, minutes, recommendations and the work programme together).
 * Public questions are not a rule of the kind: a body takes them only when it has a scheme for them (its row
 * of `public_question_rules`), whatever its kind.
 */
export type BodyFeature = 'meetings' | 'members' | 'committees' | 'work-programme' | 'recommendations';

const FEATURES: Record<BodyKind, readonly BodyFeature[]> = {
  // The Police and Crime Panel: everything its statutory scrutiny needs.
  'scrutiny-panel': ['meetings', 'members', 'committees', 'work-programme', 'recommendations'],
  // The Commissioner's own public accountability meetings, where the chief constable is held to account;
  // the Commissioner is a corporation sole, so there are no members.
  'policing-body': ['meetings'],
  'audit-committee': ['meetings', 'members'],
  'partnership-board': ['meetings', 'members'],
  'partner-organisation': [],
};

/** Whether a body of this kind does this in public. */
export function kindHas(kind: string, feature: BodyFeature): boolean {
  return (FEATURES[kind as BodyKind] ?? []).includes(feature);
}

/** Whether a body (as found, so perhaps not at all) is of a kind that does this in public. */
export function bodyHas<Body extends { kind: string }>(
  body: Body | undefined,
  feature: BodyFeature,
): body is Body {
  return body !== undefined && kindHas(body.kind, feature);
}
