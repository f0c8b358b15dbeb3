import { addDays, daysBetween, type IsoDate } from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { InspectionKind } from './inspections.tables.ts';

/**
 * The response clock. Police Act 1996 s55(5A)–(5B) (inserted by the Policing and Crime Act 2017 s37): when
 * HMICFRS publishes a report on the force, the local policing body must publish its comments (with the chief
 * constable's) and its response within 56 days of the report's publication, stating for each recommendation
 * what has been or will be done, or why nothing. Calendar days: the Act counts no working days.
 */
export const RESPONSE_DAYS = 56;

/**
 * The duty can apply no earlier than the 2017 Act's Royal Assent (31 January 2017): an HMIC report published
 * before it (the 2014–2016 PEEL reports) has no statutory response to be late with. The day s37 was commenced
 * was not checked, so a report of the weeks after assent may show a deadline the Act did not yet set.
 */
export const S55_NOT_BEFORE: IsoDate = '2017-01-31';

/** Whether the report is answered by the Commissioner: an HMICFRS report is; an audit report is not. */
export function takesResponse(kind: InspectionKind): boolean {
  return kind !== 'audit';
}

/** The last day to publish the response to a report published on `publishedOn`, when the Act sets one. */
export function responseDueOn(kind: InspectionKind, publishedOn: IsoDate): IsoDate | null {
  if (!takesResponse(kind) || publishedOn < S55_NOT_BEFORE) return null;
  return addDays(publishedOn, RESPONSE_DAYS);
}

export type ResponseState = 'not-required' | 'awaiting' | 'overdue' | 'on-time' | 'late';

export interface ResponseClock {
  dueOn: IsoDate | null;
  state: ResponseState;
  /** Days after the due date the response was published, or has been outstanding; 0 when on time. */
  daysLate: number;
}

export function responseClock(
  kind: InspectionKind,
  publishedOn: IsoDate,
  respondedOn: IsoDate | null,
  today: IsoDate,
): ResponseClock {
  const dueOn = responseDueOn(kind, publishedOn);
  if (dueOn === null) return { dueOn, state: 'not-required', daysLate: 0 };
  if (respondedOn !== null) {
    const late = Math.max(0, daysBetween(dueOn, respondedOn));
    return { dueOn, state: late > 0 ? 'late' : 'on-time', daysLate: late };
  }
  const late = Math.max(0, daysBetween(dueOn, today));
  return { dueOn, state: late > 0 ? 'overdue' : 'awaiting', daysLate: late };
}

/** The clock in words, as the pages and the calendar say it. */
export function describeResponse(clock: ResponseClock, respondedOn: IsoDate | null): string {
  const due = formatDate(clock.dueOn);
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  switch (clock.state) {
    case 'not-required':
      return respondedOn
        ? `Response published ${formatDate(respondedOn)} (no statutory deadline)`
        : 'No statutory response deadline';
    case 'awaiting':
      return `Response due by ${due}`;
    case 'overdue':
      return `Response overdue: due ${due}, ${days(clock.daysLate)} ago`;
    case 'on-time':
      return `Response published on time, ${formatDate(respondedOn)}`;
    case 'late':
      return `Response published ${days(clock.daysLate)} late, ${formatDate(respondedOn)} (due ${due})`;
  }
}
