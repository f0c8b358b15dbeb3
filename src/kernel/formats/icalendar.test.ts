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
});
