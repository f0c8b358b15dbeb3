import { describe, expect, it } from 'vitest';
import { parseICalendar } from '../testing/icalendar.ts';
import { toICalendar, uidDomain } from './icalendar.ts';

describe('toICalendar', () => {
  const stamp = new Date('2026-11-22T10:15:00Z');
  const source = { baseUrl: 'https://x.example' };

  it('writes all-day events with CRLF line ends', () => {
    const feed = toICalendar(
      'Deadlines',
      [{ uid: 'plan-1', date: '2025-03-31', summary: 'Issue the plan', url: 'https://x.example/plans/1' }],
      stamp,
      source,
    );
    expect(feed.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Peelian//Statutory calendar//EN',
      'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:Deadlines',
      'BEGIN:VEVENT',
      'UID:plan-1@x.example',
      'DTSTAMP:20261122T101500Z',
      'DTSTART;VALUE=DATE:20250331',
      'DTEND;VALUE=DATE:20250401',
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
      source,
    );
    expect(feed).toContain('SUMMARY:One\\, two\\; three\\\\four\\nfive\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const summary = 'é'.repeat(60);
    const feed = toICalendar('x', [{ uid: 'a', date: '2025-01-01', summary }], stamp, source);
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
          end: new Date('2017-06-30T12:00:00Z'),
          summary: 'Summer panel',
          cancelled: true,
        },
      ],
      stamp,
      source,
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
    const feed = toICalendar('x', [{ uid: 'a', date: '2025-01-01', summary: 'A day' }], stamp, source);
    expect(feed).not.toContain('VTIMEZONE');
  });

  it('gives an all-day event the next day as its (excluded) end, across a month and a year', () => {
    const feed = toICalendar(
      'x',
      [
        { uid: 'a', date: '2024-02-29', summary: 'Leap day' },
        { uid: 'b', date: '2024-12-31', summary: 'New year’s eve' },
      ],
      stamp,
      source,
    );
    const { events } = parseICalendar(feed);
    expect(events.map(({ start, end, allDay, hasEnd }) => ({ start, end, allDay, hasEnd }))).toEqual([
      { start: '2024-02-29', end: '2024-03-01', allDay: true, hasEnd: true },
      { start: '2024-12-31', end: '2025-01-01', allDay: true, hasEnd: true },
    ]);
  });

  it('reads back in ical.js at the instants it was given, winter and summer', () => {
    const events = [
      { start: new Date('2016-12-16T11:00:00Z'), end: new Date('2016-12-16T13:00:00Z') },
      { start: new Date('2024-07-12T09:30:00Z'), end: new Date('2024-07-12T12:00:00Z') },
    ];
    const feed = toICalendar(
      'Meetings',
      events.map((times, index) => ({ uid: `meeting-${index}`, summary: 'Panel', ...times })),
      stamp,
      source,
    );
    const parsed = parseICalendar(feed);
    expect(parsed.name).toBe('Meetings');
    expect(parsed.events.map(({ start, end }) => ({ start, end }))).toEqual(events);
    expect(parsed.events.every((event) => event.hasEnd && !event.allDay)).toBe(true);
    expect(parsed.events.map((event) => event.uid)).toEqual(['meeting-0@x.example', 'meeting-1@x.example']);
  });

  it('writes a valid calendar with no events', () => {
    const feed = toICalendar('Nothing coming', [], stamp, source);
    const parsed = parseICalendar(feed);
    expect(parsed).toEqual({ name: 'Nothing coming', events: [] });
    expect(feed).toContain('BEGIN:VTIMEZONE');
  });

  it('names each installation in its UIDs: its host, and its path when served below one', () => {
    expect(uidDomain('https://peelian.example')).toBe('peelian.example');
    expect(uidDomain('https://Peelian.Example/thames-valley/')).toBe('peelian.example/thames-valley');
    expect(uidDomain('http://localhost:3000')).toBe('localhost:3000');
    const uids = ['https://a.example', 'https://b.example'].map(
      (baseUrl) =>
        parseICalendar(
          toICalendar('x', [{ uid: 'meeting-3', date: '2025-01-01', summary: 'x' }], stamp, { baseUrl }),
        ).events[0]?.uid,
    );
    expect(uids).toEqual(['meeting-3@a.example', 'meeting-3@b.example']);
  });
});
