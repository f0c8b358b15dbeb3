import ICAL from 'ical.js';

/** One VEVENT as a calendar program reads it: its times as instants (all-day events as London-less dates). */
export interface ParsedEvent {
  uid: string;
  summary: string;
  allDay: boolean;
  /** For a timed event, the instant; for an all-day event, the date as YYYY-MM-DD. */
  start: Date | string;
  end: Date | string;
  /** Whether the event says its end (DTEND) rather than leaving the reader to assume one. */
  hasEnd: boolean;
  status: string | null;
}

/**
 * Reads a feed with ical.js, as a calendar program would, for tests: refuses text that is not one VCALENDAR
 * with the properties RFC 5545 requires (VERSION, PRODID, at least one component; DTSTAMP and UID on each
 * event). Time zones the feed defines are registered so its London times read as the instants they are.
 */
export function parseICalendar(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`expected a VCALENDAR, got ${calendar.name}`);
  for (const property of ['version', 'prodid'])
    if (!calendar.hasProperty(property)) throw new Error(`the calendar has no ${property.toUpperCase()}`);
  if (calendar.getAllSubcomponents().length === 0) throw new Error('the calendar has no component');
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    for (const property of ['uid', 'dtstamp', 'dtstart'])
      if (!component.hasProperty(property)) throw new Error(`an event has no ${property.toUpperCase()}`);
    const event = new ICAL.Event(component);
    const allDay = event.startDate.isDate;
    const read = (time: ICAL.Time) => (allDay ? time.toString() : time.toJSDate());
    return {
      uid: event.uid,
      summary: event.summary,
      allDay,
      start: read(event.startDate),
      end: read(event.endDate),
      hasEnd: component.hasProperty('dtend'),
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
    };
  });
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  return { name: typeof name === 'string' ? name : null, events };
}
