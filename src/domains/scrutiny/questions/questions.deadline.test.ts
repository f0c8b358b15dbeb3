import { describe, expect, it } from 'vitest';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { deadlineInWords, isInTime, questionDeadline, toLondonIso } from './questions.deadline.ts';

const THAMES_VALLEY = { noticeDays: 3, noticeKind: 'working-days' } as const;
const FIVE_CLEAR = { noticeDays: 5, noticeKind: 'clear-working-days' } as const;
const at = (date: string, time = '11:00') => londonDateTimeToInstant(date, time);

describe('the public question deadline', () => {
  it('Thames Valley, 3 working days: questions for Friday 16 December 2016 close at the end of Tuesday 13th', () => {
    const deadline = questionDeadline(at('2016-12-16'), THAMES_VALLEY);
    expect(deadline.lastDay).toBe('2016-12-13');
    expect(deadline.iso).toBe('2016-12-13T23:59:59+00:00');
    expect(deadline.basis).toBe('at least 3 working days before the meeting');
    expect(deadlineInWords(deadline)).toBe('11:59pm on Tuesday 13 December 2016');
  });

  it('5 clear working days: neither the day sent nor the meeting day counts', () => {
    const deadline = questionDeadline(at('2016-12-16'), FIVE_CLEAR);
    expect(deadline.lastDay).toBe('2016-12-08');
    expect(deadline.basis).toContain('5 clear working days');
  });

  it('skips a weekend: 3 working days before Monday 12 December 2016 is Wednesday 7th', () => {
    expect(questionDeadline(at('2016-12-12'), THAMES_VALLEY).lastDay).toBe('2016-12-07');
  });

  it('skips the Christmas and New Year bank holidays: 5 clear working days before 3 January 2017', () => {
    // 26 and 27 December 2016 and 2 January 2017 were bank holidays; the clear days are 22, 23, 28, 29, 30 Dec.
    expect(questionDeadline(at('2017-01-03'), FIVE_CLEAR).lastDay).toBe('2016-12-21');
  });

  it('skips Easter in summer time and states the deadline with the +01:00 offset', () => {
    // Good Friday 14 April and Easter Monday 17 April 2017.
    const deadline = questionDeadline(at('2017-04-19'), THAMES_VALLEY);
    expect(deadline.lastDay).toBe('2017-04-12');
    expect(deadline.iso).toBe('2017-04-12T23:59:59+01:00');
  });

  it('counts from the London date of the meeting, not the UTC date', () => {
    // 00:30 BST on Thursday 20 April 2017 is still Wednesday 19th in UTC.
    expect(questionDeadline(at('2017-04-20', '00:30'), THAMES_VALLEY).lastDay).toBe('2017-04-13');
  });

  it('a question is in time up to the last instant of the deadline day, London time, and late after', () => {
    const winter = questionDeadline(at('2016-12-16'), THAMES_VALLEY);
    expect(isInTime(new Date('2016-12-13T23:59:59.500Z'), winter)).toBe(true);
    expect(isInTime(new Date('2016-12-14T00:00:00.000Z'), winter)).toBe(false);
    const summer = questionDeadline(at('2017-04-19'), THAMES_VALLEY);
    expect(isInTime(new Date('2017-04-12T22:59:59Z'), summer)).toBe(true);
    // 23:30 UTC is 00:30 BST on the 13th: late, though the UTC date is still the 12th.
    expect(isInTime(new Date('2017-04-12T23:30:00Z'), summer)).toBe(false);
  });

  it('writes instants in London time with the offset', () => {
    expect(toLondonIso(new Date('2016-12-16T11:00:00Z'))).toBe('2016-12-16T11:00:00+00:00');
    expect(toLondonIso(new Date('2017-06-01T08:30:15Z'))).toBe('2017-06-01T09:30:15+01:00');
  });
});
