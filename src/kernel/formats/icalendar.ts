import { addDays, parseIsoDate } from '../calendar/dates.ts';
import { londonDateTimeOf } from '../calendar/london-time.ts';

interface EventCommon {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  location?: string;
  /** A cancelled event stays in a feed, marked so, so calendars that copied it remove it. */
  cancelled?: boolean;
}

/**
 * An all-day event on a date (YYYY-MM-DD), or an event from one time to another, written in London time. A
 * timed event must say when it ends (a caller that does not know chooses and states a default), so every
 * event in every feed has DTEND: without one, RFC 5545 makes a timed event last no time at all.
 */
export type CalendarEvent = EventCommon & ({ date: string } | { start: Date; end: Date });

/** Who wrote the feed: with the UID domain, what makes its events' UIDs unique beyond this installation. */
export interface CalendarSource {
  /** The installation's public address (config's baseUrl), e.g. https://peelian.example or https://x.example/tv. */
  baseUrl: string;
}

const LONDON = 'Europe/London';

/**
 * The rules London's clocks have changed by since 1996, as RFC 5545 wants for any TZID a feed uses: BST
 * from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday in October.
 */
const LONDON_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * An iCalendar (RFC 5545) feed. All-day events carry a date; timed events carry London wall-clock times
 * with TZID=Europe/London (and the zone's definition), so a meeting at 11:00 stays at 11:00 whatever
 * zone the reader's calendar is in. Text is escaped and lines are folded at 75 octets, as calendar programs
 * require; line ends are CRLF.
 */
export function toICalendar(
  name: string,
  events: CalendarEvent[],
  stamp: Date,
  source: CalendarSource,
): string {
  const dtstamp = `${stamp.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const domain = uidDomain(source.baseUrl);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Peelian//Statutory calendar//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  // RFC 5545 wants at least one component in a calendar: a feed with no events keeps the zone definition,
  // so an empty feed is still a valid one that calendar programs accept (and empty it).
  if (events.length === 0 || events.some((event) => 'start' in event)) lines.push(...LONDON_TIMEZONE);
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(`${event.uid}@${domain}`)}`, `DTSTAMP:${dtstamp}`);
    if ('start' in event) {
      lines.push(
        `DTSTART;TZID=${LONDON}:${londonStamp(event.start)}`,
        `DTEND;TZID=${LONDON}:${londonStamp(event.end)}`,
      );
    } else {
      // An all-day event's DTEND is the day after, not included (RFC 5545 s3.6.1): one day long.
      lines.push(
        `DTSTART;VALUE=DATE:${event.date.replaceAll('-', '')}`,
        `DTEND;VALUE=DATE:${addDays(parseIsoDate(event.date), 1).replaceAll('-', '')}`,
      );
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.cancelled) lines.push('STATUS:CANCELLED');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * The right-hand side of every UID (RFC 5545 s3.8.4.7 recommends a domain name there): the installation's own
 * host, and its path when it is served below one, so two installations' `meeting-3` never collide in a
 * calendar that subscribes to both. https://peelian.example/tv/ → peelian.example/tv.
 */
export function uidDomain(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** 2016-12-16T11:00:00Z → 20161216T110000: the London wall-clock time, to the minute. */
function londonStamp(instant: Date): string {
  const { date, time } = londonDateTimeOf(instant);
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Splits a content line into 75-octet pieces, never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
