import { addDays, type IsoDate } from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { type PostElectionPeriod, postElectionPeriods } from './appointments.elections.ts';
import type { Post, Response } from './appointments.tables.ts';

/**
 * The statutory rules of confirmation hearings, as pure functions. Sources (checked against the project's
 * research-governance.md, section A4, and the text of the Act on legislation.gov.uk):
 * - Police Reform and Social Responsibility Act 2011 (PRSRA) Schedule 8 Part 1, a chief constable: para 2 (no
 *   appointment until the end of the confirmation process: three weeks pass with no report (2(3)), or the
 *   Commissioner notifies the Panel of accepting or rejecting its recommendation (2(4)), or after a veto the
 *   end the regulations set (2(5))); para 3 (the notification: the candidate, the criteria, why the candidate
 *   meets them, the terms and conditions, 3(2)); para 4 (the Panel reviews, reports and recommends within three
 *   weeks beginning with the day it receives the notification, 4(6), ignoring any relevant post-election period,
 *   4(9)-(10), and publishes the report, 4(7)); para 5 (the veto, by at least two-thirds of the persons who are
 *   members of the Panel at the time, as for the precept); para 7 (no veto: the Commissioner may accept or reject
 *   the recommendation and must notify the Panel, 7(2)-(3)); para 8 (after a veto the candidate must not be
 *   appointed).
 * - PRSRA 2011 Schedule 1 paras 9-10: the same hearing, three weeks and report for a deputy commissioner, a chief
 *   executive and a chief finance officer, with no power of veto (sub-paragraphs not checked here).
 * - After a veto, the Police and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012
 *   (SI 2012/2271) Part 3 sets what follows (a reserve candidate). This installation has not verified Part 3's
 *   text, so it records the veto and its consequence (the candidate is not to be appointed) and no more.
 */

interface PostRule {
  title: string;
  /** The rules that govern the post's hearing, as pages and messages cite them. */
  rule: string;
  notification: string;
  vetoable: boolean;
}

export const POST_RULES: Record<Post, PostRule> = {
  'chief-constable': {
    title: 'Chief constable',
    rule: 'PRSRA 2011 Sch 8 Part 1',
    notification: 'PRSRA 2011 Sch 8 para 3(2)',
    vetoable: true,
  },
  'deputy-commissioner': {
    title: 'Deputy police and crime commissioner',
    rule: 'PRSRA 2011 Sch 1 paras 9-10',
    notification: 'PRSRA 2011 Sch 1 para 9',
    vetoable: false,
  },
  'chief-executive': {
    title: 'Chief executive',
    rule: 'PRSRA 2011 Sch 1 paras 9-10',
    notification: 'PRSRA 2011 Sch 1 para 9',
    vetoable: false,
  },
  'chief-finance-officer': {
    title: 'Chief finance officer',
    rule: 'PRSRA 2011 Sch 1 paras 9-10',
    notification: 'PRSRA 2011 Sch 1 para 9',
    vetoable: false,
  },
};

export const CLOCK_RULE = 'PRSRA 2011 Sch 8 para 4(6), (9)-(10); Sch 1 paras 9-10';
export const VETO_RULE = 'PRSRA 2011 Sch 8 para 5';

/** The Panel's period in days: "three weeks beginning with the day" it receives the notification. */
export const REPORT_PERIOD_DAYS = 21;

function inPeriod(day: IsoDate, periods: readonly PostElectionPeriod[]) {
  return periods.find((period) => day >= period.from && day <= period.to);
}

/**
 * The last day for the Panel's report: the 21st day counting the day of receipt as the first, with every day of
 * a relevant post-election period left uncounted (Sch 8 para 4(9)). Notified on 1 May 2024, the day before the
 * poll, counts 1 May, skips 2 to 9 May, and ends on 29 May rather than 21 May.
 */
export function reportDueOn(
  notifiedOn: IsoDate,
  periods: readonly PostElectionPeriod[] = postElectionPeriods(),
): IsoDate {
  let day = notifiedOn;
  let counted = 0;
  for (;;) {
    if (!inPeriod(day, periods)) counted += 1;
    if (counted === REPORT_PERIOD_DAYS) return day;
    day = addDays(day, 1);
  }
}

/** The post-election periods that fall within the Panel's period and were left out of it. */
export function periodsIgnored(
  notifiedOn: IsoDate,
  periods: readonly PostElectionPeriod[] = postElectionPeriods(),
): PostElectionPeriod[] {
  const due = reportDueOn(notifiedOn, periods);
  return periods.filter((period) => period.to >= notifiedOn && period.from <= due);
}

/** Whether the post's proposed holder can be vetoed: only a chief constable (Sch 8 para 5; Sch 1 has no veto). */
export function vetoProblem(post: Post): string | null {
  if (POST_RULES[post].vetoable) return null;
  return `The Panel cannot veto the appointment of a ${POST_RULES[post].title.toLowerCase()}: ${POST_RULES[post].rule} give it a recommendation only; the power of veto is for a chief constable (${VETO_RULE})`;
}

/** What the record holds of the process, for working out where it stands. */
export interface ProcessState {
  post: Post;
  notifiedOn: IsoDate;
  reportedOn: IsoDate | null;
  vetoed: boolean;
  response: Response | null;
  respondedOn: IsoDate | null;
}

export interface ProcessEnd {
  ended: boolean;
  /** The day the end was reached, when it was. */
  on: IsoDate | null;
  /** What happened and what follows, with the rule. */
  text: string;
}

/**
 * Where the confirmation process stands on `today` (Sch 8 para 2): ended when the three weeks pass with no
 * report (2(3)) or when the Commissioner notifies the Panel of accepting or rejecting its recommendation (2(4),
 * para 7(3)); after a veto the candidate must not be appointed (para 8).
 */
export function confirmationEnd(state: ProcessState, today: IsoDate): ProcessEnd {
  const due = reportDueOn(state.notifiedOn);
  if (state.vetoed)
    return {
      ended: true,
      on: state.reportedOn,
      text: `The Panel vetoed the appointment, so the candidate must not be appointed (PRSRA 2011 Sch 8 para 8). What follows, a reserve candidate, is set by SI 2012/2271 Part 3, which this installation has not verified.`,
    };
  if (state.response !== null)
    return {
      ended: true,
      on: state.respondedOn,
      text: `The Commissioner ${state.response === 'accept' ? 'accepted' : 'rejected'} the Panel’s recommendation and notified the Panel on ${formatDate(state.respondedOn)}: the end of the confirmation process (PRSRA 2011 Sch 8 paras 2(4) and 7(3)).`,
    };
  if (state.reportedOn === null || state.reportedOn > due) {
    if (today <= due)
      return {
        ended: false,
        on: null,
        text: `The Panel has until ${formatDate(due)} to hold its hearing and report (${CLOCK_RULE}).`,
      };
    return {
      ended: true,
      on: due,
      text: `The three weeks ended on ${formatDate(due)} without a report from the Panel: the end of the confirmation process, so the Commissioner may appoint (PRSRA 2011 Sch 8 para 2(3)).`,
    };
  }
  return {
    ended: false,
    on: null,
    text: 'The Panel has reported; the process ends when the Commissioner notifies the Panel of accepting or rejecting its recommendation (PRSRA 2011 Sch 8 paras 2(4) and 7(3)).',
  };
}

/** "On time: 20 May 2024, due by 29 May 2024" or "Late: …". */
export function describeReportTiming(notifiedOn: IsoDate, reportedOn: IsoDate): string {
  const due = reportDueOn(notifiedOn);
  return `${reportedOn <= due ? 'On time' : 'Late'}: ${formatDate(reportedOn)}, due by ${formatDate(due)}`;
}
