import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyDateBetween } from './calendar.testing.ts';
import { addDays, dayOfWeek } from './dates.ts';
import {
  endOfLondonDay,
  isOnOrBeforeLondonDay,
  londonDateOf,
  londonDateTimeOf,
  londonDateTimeToInstant,
  startOfLondonDay,
} from './london-time.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const anyDate = anyDateBetween('1997-01-01', '2037-12-31');
const anyTime = fc
  .record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
  .map(({ hour, minute }) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
const anyInstant = fc
  .integer({ min: Date.UTC(1997, 0, 1), max: Date.UTC(2037, 11, 31) })
  .map((time) => new Date(time));

/** Since 1996 the clocks go forward at 01:00 GMT on the last Sunday in March, so 01:00–01:59 is missing. */
function inSpringGap(date: string, time: string): boolean {
  const lastSundayOfMarch = date.slice(5, 7) === '03' && Number(date.slice(8)) >= 25 && dayOfWeek(date) === 7;
  return lastSundayOfMarch && time >= '01:00' && time < '02:00';
}

describe('londonDateOf', () => {
  it('is an hour ahead of UTC in summer', () => {
    expect(londonDateOf(at('2024-05-31T22:59:59Z'))).toBe('2024-05-31');
    expect(londonDateOf(at('2024-05-31T23:00:00Z'))).toBe('2024-06-01');
  });

  it('matches UTC in winter', () => {
    expect(londonDateOf(at('2024-01-31T23:59:59Z'))).toBe('2024-01-31');
    expect(londonDateOf(at('2024-02-01T00:00:00Z'))).toBe('2024-02-01');
  });

  it('follows the clock changes of 31 March and 27 October 2024', () => {
    expect(londonDateTimeOf(at('2024-03-31T00:59:00Z'))).toEqual({ date: '2024-03-31', time: '00:59' });
    expect(londonDateTimeOf(at('2024-03-31T01:00:00Z'))).toEqual({ date: '2024-03-31', time: '02:00' });
    expect(londonDateTimeOf(at('2024-10-27T00:30:00Z'))).toEqual({ date: '2024-10-27', time: '01:30' });
    expect(londonDateTimeOf(at('2024-10-27T01:30:00Z'))).toEqual({ date: '2024-10-27', time: '01:30' });
    expect(londonDateTimeOf(at('2024-10-26T23:00:00Z'))).toEqual({ date: '2024-10-27', time: '00:00' });
  });

  it('drops seconds and milliseconds rather than rounding', () => {
    expect(londonDateTimeOf(at('2024-12-31T23:59:59.999Z'))).toEqual({ date: '2024-12-31', time: '23:59' });
  });

  it('rejects an invalid Date', () => {
    expect(() => londonDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('londonDateTimeToInstant', () => {
  it('reads GMT and BST times', () => {
    expect(londonDateTimeToInstant('2024-01-15', '12:00').toISOString()).toBe('2024-01-15T12:00:00.000Z');
    expect(londonDateTimeToInstant('2024-07-15', '12:00').toISOString()).toBe('2024-07-15T11:00:00.000Z');
  });

  it('handles the spring change day, when 01:00–01:59 does not exist', () => {
    expect(londonDateTimeToInstant('2024-03-31', '00:30').toISOString()).toBe('2024-03-31T00:30:00.000Z');
    expect(londonDateTimeToInstant('2024-03-31', '01:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(londonDateTimeToInstant('2024-03-31', '02:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(londonDateTimeToInstant('2024-03-31', '12:00').toISOString()).toBe('2024-03-31T11:00:00.000Z');
  });

  it('handles the autumn change day, taking the earlier of the two 01:30s', () => {
    expect(londonDateTimeToInstant('2024-10-27', '00:30').toISOString()).toBe('2024-10-26T23:30:00.000Z');
    expect(londonDateTimeToInstant('2024-10-27', '01:30').toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(londonDateTimeToInstant('2024-10-27', '02:30').toISOString()).toBe('2024-10-27T02:30:00.000Z');
  });

  it('rejects badly written times and dates', () => {
    for (const time of ['24:00', '9:00', '12:60', '12:00:00', '']) {
      expect(() => londonDateTimeToInstant('2024-01-15', time)).toThrow(RangeError);
    }
    expect(() => londonDateTimeToInstant('2024-02-30', '12:00')).toThrow(RangeError);
  });

  it('gives back the same wall-clock time, except in the missing spring hour', () => {
    fc.assert(
      fc.property(anyDate, anyTime, (date, time) => {
        fc.pre(!inSpringGap(date, time));
        expect(londonDateTimeOf(londonDateTimeToInstant(date, time))).toEqual({ date, time });
      }),
    );
  });

  it('finds every instant from its wall-clock time, or the hour before in the repeated autumn hour', () => {
    fc.assert(
      fc.property(anyInstant, (instant) => {
        const { date, time } = londonDateTimeOf(instant);
        const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
        expect([minute, minute - HOUR]).toContain(londonDateTimeToInstant(date, time).getTime());
      }),
    );
  });
});

describe('startOfLondonDay and endOfLondonDay', () => {
  it('makes the spring change day 23 hours long and the autumn one 25', () => {
    expect(startOfLondonDay('2024-03-31').toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(endOfLondonDay('2024-03-31').toISOString()).toBe('2024-03-31T23:00:00.000Z');
    expect(startOfLondonDay('2024-10-27').toISOString()).toBe('2024-10-26T23:00:00.000Z');
    expect(endOfLondonDay('2024-10-27').toISOString()).toBe('2024-10-28T00:00:00.000Z');
  });

  it('bounds exactly the instants of that London date', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const start = startOfLondonDay(date);
        const end = endOfLondonDay(date);
        expect(londonDateOf(start)).toBe(date);
        expect(londonDateOf(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
        expect(londonDateOf(new Date(end.getTime() - 1))).toBe(date);
        expect(londonDateOf(end)).toBe(addDays(date, 1));
        expect([23 * HOUR, 24 * HOUR, 25 * HOUR]).toContain(end.getTime() - start.getTime());
      }),
    );
  });
});

describe('isOnOrBeforeLondonDay', () => {
  it('judges a deadline by the London date, in summer and in winter', () => {
    expect(isOnOrBeforeLondonDay(at('2024-06-01T22:59:59Z'), '2024-06-01')).toBe(true);
    expect(isOnOrBeforeLondonDay(at('2024-06-01T23:00:00Z'), '2024-06-01')).toBe(false);
    expect(isOnOrBeforeLondonDay(at('2024-12-01T23:59:59Z'), '2024-12-01')).toBe(true);
    expect(isOnOrBeforeLondonDay(at('2024-12-02T00:00:00Z'), '2024-12-01')).toBe(false);
  });

  it('agrees with endOfLondonDay, including just either side of midnight', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -2 * HOUR, max: 2 * HOUR }), (lastDay, nearMidnight) => {
        const instant = new Date(endOfLondonDay(lastDay).getTime() + nearMidnight);
        expect(isOnOrBeforeLondonDay(instant, lastDay)).toBe(nearMidnight < 0);
      }),
    );
  });
});
