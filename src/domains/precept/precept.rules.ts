import { calendarDate, type IsoDate } from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { plural } from '../../kernel/formats/words.ts';
import type { VetoReason } from './precept.tables.ts';

/**
 * The statutory rules of the precept process, as pure functions. Sources (checked against the project's
 * research-governance.md, section A3, and legislation.gov.uk):
 * - Police Reform and Social Responsibility Act 2011 (PRSRA) Schedule 5: para 2 (the Commissioner notifies the
 *   Panel of the proposed precept), para 3 (the Panel reviews it and reports, with recommendations), para 4 (the
 *   veto, by at least two-thirds of the persons who are members of the Panel at the time: para 4(4)), para 5
 *   (no veto: respond, then issue), para 6 (veto: the proposed precept must not be issued; respond).
 * - Police and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012 (SI 2012/2271) Part 2:
 *   reg 3 (proposal by 1 February), reg 4(1) (the Panel's report by 8 February), reg 4(2) (a veto reported late
 *   lets the proposed precept be issued), reg 5(1) (the response by 15 February), reg 5(2)-(3) (the revised
 *   precept, lower if vetoed as too high, higher if too low), reg 6 (the Panel's report on the revised precept
 *   by 22 February). Each date is "of the relevant financial year", the year before the precept's (reg 2).
 * - The precept is issued by 1 March (reg 7 as the research notes it from a secondary source; the Local
 *   Government Finance Act 1992 s40 asks precepts to be issued before March).
 * "By" a date is read inclusively: a step taken on the day is on time (the research notes one Panel reading
 * the dates a day earlier; this installation chooses the statute's words as written).
 */

/** The steps with a statutory date, in their order. */
export const STEPS = ['proposal', 'report', 'response', 'revisedReport', 'issue'] as const;
export type Step = (typeof STEPS)[number];

interface StepRule {
  month: number;
  day: number;
  /** The rule, cited as pages and messages show it. */
  rule: string;
  title: string;
}

export const STEP_RULES: Record<Step, StepRule> = {
  proposal: {
    month: 2,
    day: 1,
    title: 'The Commissioner notifies the Panel of the proposed precept',
    rule: 'PRSRA 2011 Sch 5 para 2; SI 2012/2271 reg 3: by 1 February',
  },
  report: {
    month: 2,
    day: 8,
    title: 'The Panel reports on the proposed precept',
    rule: 'PRSRA 2011 Sch 5 para 3; SI 2012/2271 reg 4(1): by 8 February',
  },
  response: {
    month: 2,
    day: 15,
    title: 'After a veto, the Commissioner responds with a revised precept',
    rule: 'PRSRA 2011 Sch 5 para 6(3); SI 2012/2271 reg 5(1)-(2): by 15 February',
  },
  revisedReport: {
    month: 2,
    day: 22,
    title: 'The Panel reports on the revised precept',
    rule: 'SI 2012/2271 reg 6: by 22 February',
  },
  issue: {
    month: 3,
    day: 1,
    title: 'The Commissioner issues the precept',
    rule: 'SI 2012/2271 reg 7; Local Government Finance Act 1992 s40: by 1 March',
  },
};

/** The last day for a step of the precept for the financial year beginning in `startYear`. */
export function dueOn(step: Step, startYear: number): IsoDate {
  const { month, day } = STEP_RULES[step];
  // The relevant financial year is the one before (reg 2): its February and March fall in `startYear`.
  return calendarDate(startYear, month, day);
}

/** Whether a step taken on `on` met its date, inclusively. */
export function isOnTime(step: Step, startYear: number, on: IsoDate): boolean {
  return on <= dueOn(step, startYear);
}

/** "On time, 3 February 2017" or "Late: 9 February 2017, after 8 February 2017". */
export function describeTiming(step: Step, startYear: number, on: IsoDate): string {
  const due = dueOn(step, startYear);
  return on <= due
    ? `On time: ${formatDate(on)}, due by ${formatDate(due)}`
    : `Late: ${formatDate(on)}, due by ${formatDate(due)}`;
}

/**
 * The votes a veto needs: at least two-thirds of the persons who are members of the Panel at the time the
 * decision is made (PRSRA 2011 Sch 5 para 4(4)) — of the membership, not of those present or voting. Integer
 * arithmetic: the least n with n × 3 ≥ members × 2.
 */
export function vetoVotesNeeded(members: number): number {
  return Math.floor((members * 2 + 2) / 3);
}

/** Whether `votesFor` is a veto by the required majority of `members` (Sch 5 para 4(4)). */
export function isVetoCarried(votesFor: number, members: number): boolean {
  return members > 0 && votesFor * 3 >= members * 2;
}

const THIRDS = ['', '⅓', '⅔'];

/**
 * The two-thirds arithmetic in words, as the year's page and the refusal of a short veto say it: 20 members
 * need 14 votes (20 × 2 ÷ 3 = 13⅓, rounded up).
 */
export function describeVetoArithmetic(votesFor: number, members: number): string {
  const whole = Math.floor((members * 2) / 3);
  const exact = `${whole}${THIRDS[(members * 2) % 3]}`;
  const needed = vetoVotesNeeded(members);
  const sum = `${members} × 2 ÷ 3 = ${exact}${(members * 2) % 3 ? ', rounded up' : ''}`;
  const outcome = isVetoCarried(votesFor, members)
    ? 'so the veto was carried'
    : 'so there is no veto: those present or voting do not count, the whole membership does';
  return `The Panel had ${plural(members, 'member')} at the time. A veto needs at least two-thirds of them, present or not: ${plural(needed, 'vote')} (${sum}). ${plural(votesFor, 'member')} voted for it, ${outcome}.`;
}

/**
 * The revised precept after a veto (SI 2012/2271 reg 5(3)): lower than the proposed precept if the Panel's
 * report said it was too high, higher if too low. Null when the revised precept meets the rule.
 */
export function revisedPreceptProblem(
  reason: VetoReason,
  proposedPence: number,
  revisedPence: number,
): string | null {
  if (reason === 'too-high' && revisedPence >= proposedPence)
    return 'The Panel vetoed the proposed precept as too high, so the revised precept must be lower than it (SI 2012/2271 reg 5(3)(a))';
  if (reason === 'too-low' && revisedPence <= proposedPence)
    return 'The Panel vetoed the proposed precept as too low, so the revised precept must be higher than it (SI 2012/2271 reg 5(3)(b))';
  return null;
}

/**
 * Whether a Band D precept rises by more than the year's referendum limit over the year before (Local
 * Government Finance Act 1992 Chapter 4ZA: an excessive increase needs a referendum). Null when unknown.
 */
export function exceedsReferendumLimit(
  pence: number,
  previousPence: number | null,
  limitPence: number,
): boolean | null {
  if (previousPence === null) return null;
  return pence - previousPence > limitPence;
}

/** The precept's yield: Band D pence times the tax base (in hundredths), in whole pence, rounded half up. */
export function preceptIncomePence(bandDPence: number, taxBaseHundredths: number): number {
  return Math.floor((bandDPence * taxBaseHundredths + 50) / 100);
}
