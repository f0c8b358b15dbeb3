import { describe, expect, it } from 'vitest';
import { toICalendar } from './icalendar.ts';

describe('toICalendar', () => {
  const stamp = new Date('2026-11-22T10:15:00Z');

  it('writes all-day events with CRLF line ends', () => {
    const feed = toICalendar(
      'Deadlines',
      [{ uid: 'plan-1', date: '2025-03-31', summary: 'Issue the plan', url: 'https://x.example/plans/1' }],
      stamp,
    );
    expect(feed.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Peelian//Statutory calendar//EN',
      'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:Deadlines',
      'BEGIN:VEVENT',
      'UID:plan-1@peelian',
      'DTSTAMP:20261122T101500Z',
      'DTSTART;VALUE=DATE:20250331',
      'SUMMARY:Issue the plan',
      'URL:https://x.example/plans/1',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('escapes commas, semicolons, backslashes and new lines', () => {
    const feed = toICalendar(
      'x',
      [{ uid: 'a', date: '2025-01-01', summary: 'One, two; three\\four\nfive' }],
      stamp,
    );
    expect(feed).toContain('SUMMARY:One\\, two\\; three\\\\four\\nfive\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const summary = 'é'.repeat(60);
    const feed = toICalendar('x', [{ uid: 'a', date: '2025-01-01', summary }], stamp);
    const lines = feed.split('\r\n');
    const start = lines.findIndex((line) => line.startsWith('SUMMARY:'));
    expect(Buffer.byteLength(lines[start] ?? '')).toBeLessThanOrEqual(75);
    expect(lines[start + 1]?.startsWith(' ')).toBe(true);
    const unfolded = `${lines[start]}${(lines[start + 1] ?? '').slice(1)}`;
    expect(unfolded).toBe(`SUMMARY:${summary}`);
  });

  it('writes timed events in London time, with the zone defined once, winter and summer alike', () => {
    const feed = toICalendar(
      'Meetings',
      [
        {
          uid: 'meeting-1',
          start: new Date('2016-12-16T11:00:00Z'),
          end: new Date('2016-12-16T13:00:00Z'),
          summary: 'Panel',
          location: 'Olympic Room, Aylesbury',
        },
        {
          uid: 'meeting-2',
          start: new Date('2017-06-30T10:00:00Z'),
          summary: 'Summer panel',
          cancelled: true,
        },
      ],
      stamp,
    );
    const lines = feed.split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(lines).toContain('TZID:Europe/London');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20161216T110000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20161216T130000');
    expect(lines).toContain('LOCATION:Olympic Room\\, Aylesbury');
    // 10:00 UTC in June is 11:00 on London clocks (BST).
    expect(lines).toContain('DTSTART;TZID=Europe/London:20170630T110000');
    expect(lines.filter((line) => line === 'STATUS:CANCELLED')).toHaveLength(1);
    expect(lines.indexOf('END:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('defines no time zone when every event is all-day', () => {
    const feed = toICalendar('x', [{ uid: 'a', date: '2025-01-01', summary: 'A day' }], stamp);
    expect(feed).not.toContain('VTIMEZONE');
  });
});
