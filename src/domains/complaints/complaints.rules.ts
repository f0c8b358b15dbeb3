import { addDays, calendarDate, financialYearOf, type IsoDate } from '../../kernel/calendar/index.ts';
import type { FieldError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { Kind, NotRecordedGrounds, Outcome, Recording } from './complaints.tables.ts';

// The handling of complaints about a Commissioner or deputy, as pure functions. The law is PRSRA 2011 s31 and
// Sch 7 and the Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012 (SI 2012/62), checked
// against research-governance.md A2 ("Complaints about the PCC or deputy PCC") and the regulations' text on
// legislation.gov.uk (regs 2, 9, 10, 13, 15, 16, 27, 28 as made). The research doc gives no time limit at all;
// the only statutory period verified here is reg 15(3)(b)'s 12 months. Every other period is a Panel's own
// timescale, kept as data (table complaint_timescale) with the defaults below.

export const REGS = 'SI 2012/62';

/** A Panel's timescales, in calendar days (retention in years). */
export interface Timescales {
  /** From receipt to deciding whether to record the complaint. */
  recordingDays: number;
  /** From the recording decision to referring a serious complaint or conduct matter to the IOPC. */
  referralDays: number;
  /** From recording to the end of informal resolution (or another handling the regulations allow). */
  resolutionDays: number;
  /** How long the complainant's personal data is kept after the case closes. */
  retentionYears: number;
}

/**
 * The defaults for a Panel that has not set its own.
 * - recordingDays 20: no statutory period found (unverified: reg 9 says only that the Panel records the
 *   complaint); 20 days follows Panels' published local procedures (e.g. Kent convenes its sub-committee within
 *   four weeks of receipt), not law.
 * - referralDays 1: reg 13 is believed to require referral by the end of the day after the one on which the
 *   complaint is first seen to be serious, as in the police complaints rules it mirrors. Unverified: the text
 *   of reg 13's time limit was not seen, so it is data.
 * - resolutionDays 84: twelve weeks, a local target (reg 28 sets no period).
 * - retentionYears 6: a policy choice (limitation period for civil claims), not a statutory period; the
 *   regulations (reg 34) require records to be kept but fix no period for the personal data in them.
 */
export const DEFAULT_TIMESCALES: Timescales = {
  recordingDays: 20,
  referralDays: 1,
  resolutionDays: 84,
  retentionYears: 6,
};

/** The stored fields of a case the rules read. */
export interface CaseFacts {
  kind: Kind;
  complainantName: string | null;
  receivedOn: IsoDate;
  incidentOn: IsoDate | null;
  serious: boolean;
  referredOn: IsoDate | null;
  recording: Recording;
  recordingDecidedOn: IsoDate | null;
  notRecordedGrounds: NotRecordedGrounds | null;
  outcome: Outcome | null;
  outcomeOn: IsoDate | null;
}

/** The same day a number of years on; 29 February becomes 1 March in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (month === 2 && day === 29) return addDays(calendarDate(year + years, 2, 28), 1);
  return calendarDate(year + years, month, day);
}

/**
 * Whether more than 12 months passed between the latest incident and the complaint, so that the Panel may
 * handle it as it thinks fit or take no action if no good reason for the delay is shown or injustice would
 * follow (reg 15(2), (3)(b)).
 */
export function madeLate(facts: Pick<CaseFacts, 'incidentOn' | 'receivedOn'>): boolean {
  return facts.incidentOn !== null && facts.receivedOn > addYears(facts.incidentOn, 1);
}

/** Whether the case must go to the IOPC: a serious complaint or any conduct matter (Sch 7; reg 13). */
export function mustRefer(facts: Pick<CaseFacts, 'serious' | 'recording'>): boolean {
  return facts.serious && facts.recording !== 'not-recorded';
}

export type ClockState = 'open' | 'overdue' | 'met' | 'late' | 'not-applicable';

export interface Clock {
  name: string;
  /** Where the period comes from, in plain words. */
  basis: string;
  due: IsoDate | null;
  doneOn: IsoDate | null;
  state: ClockState;
}

function clock(name: string, basis: string, due: IsoDate | null, doneOn: IsoDate | null, today: IsoDate) {
  let state: ClockState = 'not-applicable';
  if (due !== null) {
    if (doneOn !== null) state = doneOn > due ? 'late' : 'met';
    else state = today > due ? 'overdue' : 'open';
  }
  return { name, basis, due, doneOn, state } satisfies Clock;
}

/** The case's time limits, each with its due date and whether it was met, is open or is overdue. */
export function clocksOf(facts: CaseFacts, timescales: Timescales, today: IsoDate): Clock[] {
  const recording = clock(
    'Decide whether to record',
    `${timescales.recordingDays} days from receipt: the Panel’s own timescale (reg 9 sets none)`,
    addDays(facts.receivedOn, timescales.recordingDays),
    facts.recordingDecidedOn,
    today,
  );
  const referFrom = facts.recordingDecidedOn ?? facts.receivedOn;
  const referral = clock(
    'Refer to the IOPC',
    `${timescales.referralDays} day(s) from the recording decision, or from receipt until then (reg 13; the period is data, unverified)`,
    mustRefer(facts) ? addDays(referFrom, timescales.referralDays) : null,
    facts.referredOn,
    today,
  );
  const resolvable = facts.recording === 'recorded' && (!facts.serious || facts.referredOn !== null);
  const resolution = clock(
    'Resolve or close',
    `${timescales.resolutionDays} days from recording: the Panel’s own timescale (reg 28 sets none)`,
    resolvable && facts.recordingDecidedOn !== null
      ? addDays(facts.recordingDecidedOn, timescales.resolutionDays)
      : null,
    facts.outcomeOn,
    today,
  );
  return [recording, referral, resolution];
}

/**
 * The day the Panel's part ended: its outcome; the decision not to record; or, for a case with the IOPC and
 * no outcome yet, the referral (the IOPC may refer it back under reg 14(2), and an outcome then closes it
 * again later). Null while the Panel still has something to do.
 */
export function closedOn(facts: CaseFacts): IsoDate | null {
  if (facts.outcomeOn !== null) return facts.outcomeOn;
  if (facts.recording === 'not-recorded') return facts.recordingDecidedOn;
  if (facts.referredOn !== null) return facts.referredOn;
  return null;
}

/** The last day the complainant's personal data is kept, or null while the case is open. */
export function retainedUntil(facts: CaseFacts, timescales: Timescales): IsoDate | null {
  const closed = closedOn(facts);
  return closed === null ? null : addYears(closed, timescales.retentionYears);
}

/** The financial year a case is counted in, by the day it was received. */
export const countingYearOf = (facts: Pick<CaseFacts, 'receivedOn'>) =>
  financialYearOf(facts.receivedOn).label;

function notBefore(
  field: string,
  date: IsoDate | null,
  earlier: IsoDate | null,
  what: string,
  since: string,
) {
  if (date === null || earlier === null || date >= earlier) return [];
  return [{ field, message: `${what} cannot be before ${since}, ${formatDate(earlier)}` }];
}

/** What the regulations do not allow in a case as entered; every message names the field and the rule. */
export function caseProblems(facts: CaseFacts): FieldError[] {
  const errors: FieldError[] = [
    ...notBefore('receivedOn', facts.receivedOn, facts.incidentOn, 'The date received', 'the incident'),
    ...notBefore('recordingDecidedOn', facts.recordingDecidedOn, facts.receivedOn, 'The decision', 'receipt'),
    ...notBefore('referredOn', facts.referredOn, facts.receivedOn, 'The referral', 'receipt'),
    ...notBefore(
      'outcomeOn',
      facts.outcomeOn,
      facts.recordingDecidedOn ?? facts.receivedOn,
      'The outcome',
      'the recording decision or receipt',
    ),
  ];
  if (facts.kind === 'conduct-matter') {
    if (facts.complainantName !== null)
      errors.push({
        field: 'complainantName',
        message: 'A conduct matter has no complainant: leave the name blank (PRSRA 2011 s31(1)(b))',
      });
    if (!facts.serious)
      errors.push({
        field: 'serious',
        message: `A conduct matter is one where a criminal offence may have been committed, and every one goes to the IOPC (PRSRA 2011 s31(1)(b); ${REGS} reg 13)`,
      });
  }
  if ((facts.recording === 'pending') !== (facts.recordingDecidedOn === null))
    errors.push({
      field: 'recordingDecidedOn',
      message:
        facts.recording === 'pending'
          ? 'Leave the date of the recording decision blank until the Panel decides'
          : 'Enter the date of the recording decision',
    });
  if (facts.recording === 'not-recorded' && facts.notRecordedGrounds === null)
    errors.push({
      field: 'notRecordedGrounds',
      message: `Select the grounds for not recording the complaint: the complainant must be told them (${REGS} reg 10(2)(b))`,
    });
  if (facts.recording !== 'not-recorded' && facts.notRecordedGrounds !== null)
    errors.push({
      field: 'notRecordedGrounds',
      message: 'Grounds for not recording apply only to a complaint that was not recorded',
    });
  if (facts.referredOn !== null && !facts.serious)
    errors.push({
      field: 'referredOn',
      message: `Only a serious complaint or a conduct matter is referred to the IOPC (${REGS} reg 13)`,
    });
  if ((facts.outcome === null) !== (facts.outcomeOn === null))
    errors.push(
      facts.outcome === null
        ? { field: 'outcome', message: 'Select the outcome, or leave its date blank' }
        : { field: 'outcomeOn', message: 'Enter the date of the outcome' },
    );
  if (facts.outcome !== null && facts.outcome !== 'withdrawn' && facts.recording !== 'recorded')
    errors.push({
      field: 'outcome',
      message: `Only a recorded complaint is resolved or closed by the Panel (${REGS} regs 15 and 27); a complaint may be withdrawn at any time (reg 16)`,
    });
  if (facts.outcome !== null && facts.outcome !== 'withdrawn' && facts.serious && facts.referredOn === null)
    errors.push({
      field: 'outcome',
      message: `A serious complaint or conduct matter goes to the IOPC first (${REGS} reg 13); the Panel resolves it only if the IOPC refers it back (regs 14(2), 15(1), 27(a))`,
    });
  return errors;
}

/** The anonymised counts of one year: what the public may see. */
export interface YearCounts {
  year: string;
  received: number;
  conductMatters: number;
  recorded: number;
  notRecorded: number;
  awaitingDecision: number;
  referredToIopc: number;
  resolvedInformally: number;
  noFurtherAction: number;
  withdrawn: number;
  open: number;
}

const ZERO = (year: string): YearCounts => ({
  year,
  received: 0,
  conductMatters: 0,
  recorded: 0,
  notRecorded: 0,
  awaitingDecision: 0,
  referredToIopc: 0,
  resolvedInformally: 0,
  noFurtherAction: 0,
  withdrawn: 0,
  open: 0,
});

const OUTCOME_COUNTS: Record<Outcome, 'resolvedInformally' | 'noFurtherAction' | 'withdrawn'> = {
  'resolved-informally': 'resolvedInformally',
  'no-further-action': 'noFurtherAction',
  withdrawn: 'withdrawn',
};

const RECORDING_COUNTS: Record<Recording, 'recorded' | 'notRecorded' | 'awaitingDecision'> = {
  recorded: 'recorded',
  'not-recorded': 'notRecorded',
  pending: 'awaitingDecision',
};

/** Counts by financial year, newest first: the only view of the cases that leaves the Panel's officers. */
export function countByYear(cases: readonly CaseFacts[]): YearCounts[] {
  const years = new Map<string, YearCounts>();
  for (const each of cases) {
    const year = countingYearOf(each);
    const counts = years.get(year) ?? ZERO(year);
    years.set(year, counts);
    counts.received += 1;
    if (each.kind === 'conduct-matter') counts.conductMatters += 1;
    counts[RECORDING_COUNTS[each.recording]] += 1;
    if (each.referredOn !== null) counts.referredToIopc += 1;
    if (each.outcome !== null) counts[OUTCOME_COUNTS[each.outcome]] += 1;
    if (closedOn(each) === null) counts.open += 1;
  }
  return [...years.values()].sort((a, b) => b.year.localeCompare(a.year));
}
