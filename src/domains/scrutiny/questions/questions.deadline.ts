import {
  clearWorkingDaysBefore,
  endOfLondonDay,
  type IsoDate,
  londonDateOf,
  londonDateTimeOf,
  workingDaysBefore,
} from '../../../kernel/calendar/index.ts';
import { formatDateWithWeekday } from '../../../kernel/formats/dates.ts';
import type { NoticeKind } from '../scrutiny.tables.ts';

export interface NoticeRule {
  noticeDays: number;
  noticeKind: NoticeKind;
}

export interface QuestionDeadline {
  /** The last London day on which a question is still in time. */
  lastDay: IsoDate;
  /** The last second of that day, as an instant: what the API publishes. */
  deadline: Date;
  /** The same instant as ISO 8601 with London's offset, e.g. 2016-12-13T23:59:59+00:00. */
  iso: string;
  /** The first instant at which a question is late (midnight at the end of lastDay). */
  closesAt: Date;
  /** The rule in plain words, e.g. "at least 3 working days before the meeting". */
  basis: string;
}

/**
 * When public questions for a meeting close, by the panel's own notice rule counted in England and Wales
 * working days (weekends and bank holidays do not count) from the London date of the meeting.
 *
 * Convention: a deadline is a whole London day. A question sent at any time on the last day is in time,
 * one sent from midnight after it is late. The API states this as the last second of that day in London
 * time with its offset (23:59:59+00:00 in winter, 23:59:59+01:00 in summer); anything before the
 * following midnight counts, so a question at 23:59:59.5 is still in time.
 */
export function questionDeadline(meetingStartsAt: Date, rule: NoticeRule): QuestionDeadline {
  const meetingDay = londonDateOf(meetingStartsAt);
  const lastDay =
    rule.noticeKind === 'clear-working-days'
      ? clearWorkingDaysBefore(meetingDay, rule.noticeDays)
      : workingDaysBefore(meetingDay, rule.noticeDays);
  const closesAt = endOfLondonDay(lastDay);
  const deadline = new Date(closesAt.getTime() - 1000);
  return { lastDay, deadline, iso: toLondonIso(deadline), closesAt, basis: describeNoticeRule(rule) };
}

/** Whether a question sent at an instant meets the deadline. */
export function isInTime(submittedAt: Date, deadline: QuestionDeadline): boolean {
  return submittedAt.getTime() < deadline.closesAt.getTime();
}

export function describeNoticeRule(rule: NoticeRule): string {
  const days = `${rule.noticeDays} ${rule.noticeKind === 'clear-working-days' ? 'clear ' : ''}working day${rule.noticeDays === 1 ? '' : 's'}`;
  return rule.noticeKind === 'clear-working-days'
    ? `${days} before the meeting, not counting the day it is sent or the day of the meeting`
    : `at least ${days} before the meeting`;
}

/** "11:59pm on Tuesday 13 December 2016": the deadline as people read it. */
export function deadlineInWords(deadline: QuestionDeadline): string {
  return `11:59pm on ${formatDateWithWeekday(deadline.lastDay)}`;
}

/** An instant as ISO 8601 in London time with its offset, to the second: 2016-06-01T09:30:00+01:00. */
export function toLondonIso(instant: Date): string {
  const { date, time } = londonDateTimeOf(instant);
  const wholeMinute = Math.floor(instant.getTime() / 60_000) * 60_000;
  const offsetMinutes = Math.round((Date.parse(`${date}T${time}:00Z`) - wholeMinute) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const seconds = String(instant.getUTCSeconds()).padStart(2, '0');
  return `${date}T${time}:${seconds}${offset}`;
}
