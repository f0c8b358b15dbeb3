import { addDays, type IsoDate } from '../../kernel/calendar/index.ts';

/**
 * The ordinary elections of police and crime commissioners, as data: the clock of a confirmation hearing
 * ignores each "relevant post-election period" (PRSRA 2011 Sch 8 para 4(9)-(10); the same for the other posts
 * under Sch 1), which begins with the day of the poll at an ordinary election and ends with the day the person
 * elected makes the declaration of acceptance of office.
 *
 * The day of the declaration is the person's, and no source in this repository records it. The rule this
 * installation assumes, and states on every page that uses it: the declaration is made on the day the new
 * Commissioners took office, the seventh day after the poll (so it was after the 2012, 2016, 2021 and 2024
 * polls, from the announcements of those years). Where an office knows the real day it should be recorded
 * here as `acceptance: 'recorded'`.
 */
export interface OrdinaryElection {
  poll: IsoDate;
  /** The last day of the post-election period: the day of the declaration of acceptance of office. */
  acceptedOn: IsoDate;
  acceptance: 'recorded' | 'assumed';
  /** Whether the poll's date is checked against a source; an expected poll is not. */
  pollVerified: boolean;
  note: string;
}

/** The seventh day after the poll: the assumed day of the declaration (see above). */
const assumedAcceptance = (poll: IsoDate) => addDays(poll, 7);

function election(poll: IsoDate, pollVerified: boolean, note: string): OrdinaryElection {
  return { poll, acceptedOn: assumedAcceptance(poll), acceptance: 'assumed', pollVerified, note };
}

export const ORDINARY_ELECTIONS: readonly OrdinaryElection[] = [
  election(
    '2012-11-15',
    true,
    'The first election of police and crime commissioners; Panels took up their powers from 22 November 2012.',
  ),
  election('2016-05-05', true, 'The second ordinary election.'),
  election(
    '2021-05-06',
    true,
    'Put back a year from May 2020 because of the coronavirus pandemic (Coronavirus Act 2020 s60).',
  ),
  election('2024-05-02', true, 'The fourth ordinary election.'),
  election(
    '2028-05-04',
    false,
    'Expected on the first Thursday of May 2028, not verified: the government announced in November 2025 that the office is to end with the current term, so there may be no such poll.',
  ),
];

/** A post-election period as the clock ignores it: from the poll to the declaration, both days included. */
export interface PostElectionPeriod {
  from: IsoDate;
  to: IsoDate;
  election: OrdinaryElection;
}

export function postElectionPeriods(
  elections: readonly OrdinaryElection[] = ORDINARY_ELECTIONS,
): PostElectionPeriod[] {
  return elections.map((each) => ({ from: each.poll, to: each.acceptedOn, election: each }));
}
