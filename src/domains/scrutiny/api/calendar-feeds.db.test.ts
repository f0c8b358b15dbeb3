import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { uidDomain } from '../../../kernel/formats/icalendar.ts';
import { parseICalendar } from '../../../kernel/testing/icalendar.ts';
import { TEST_URLS, useTestApp } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody } from '../../accounts/accounts.testing.ts';
import { calendarPaths } from '../../calendar/calendar.paths.ts';
import { seedDemoScrutiny } from '../scrutiny.demo.ts';
import { DEFAULT_MEETING_HOURS } from '../scrutiny.view-models.ts';
import { meetingIds } from '../scrutiny-records.testing.ts';

const system = systemActor('test');
const HOUR = 3_600_000;
/** The test installation's UID domain: every UID must end in it, not in a name every installation shares. */
const AT = `@${uidDomain(TEST_URLS.baseUrl)}`;

/** Every iCalendar feed, read by ical.js as a calendar program would, on the demo's own meetings. */
describe.each(testEngines())('the iCalendar feeds, read by ical.js, on %s', (engine) => {
  const fixture = useTestApp(engine);
  const feed = async (url: string) => {
    const response = await fixture.app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return parseICalendar(response.body);
  };

  beforeAll(async () => {
    await createTestBody(fixture.database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await createTestBody(fixture.database.current.db, 'thames-valley-pcc', 'policing-body');
  });

  it('are valid calendars when there is nothing in them', async () => {
    expect(await feed('/meetings.ics')).toEqual({ name: 'Meetings', events: [] });
    expect(await feed(calendarPaths.feed())).toEqual({ name: 'Peelian statutory deadlines', events: [] });
    const page = await fixture.app.inject({ method: 'GET', url: '/meetings' });
    expect(page.body).toContain(`is shown as ${DEFAULT_MEETING_HOURS} hours long`);
  });

  it('end a meeting when its record says, or after the stated default, with a UID of this installation', async () => {
    await seedDemoScrutiny(fixture.services.scrutiny, system);
    const ids = await meetingIds(fixture.services, {
      october: '21 October 2016',
      december: '16 December 2016',
    });
    // The minutes of 21 October 2016 say 11am to 1pm (BST); nothing says when 16 December 2016 ended.
    const [october] = (await feed(`/meetings/${ids.october}.ics`)).events;
    expect(october).toMatchObject({
      uid: `meeting-${ids.october}${AT}`,
      start: londonDateTimeToInstant('2016-10-21', '11:00'),
      end: londonDateTimeToInstant('2016-10-21', '13:00'),
      hasEnd: true,
      allDay: false,
    });
    const [december] = (await feed(`/meetings/${ids.december}.ics`)).events;
    expect(december).toMatchObject({
      uid: `meeting-${ids.december}${AT}`,
      start: new Date('2016-12-16T11:00:00Z'),
      end: new Date(Date.UTC(2016, 11, 16, 11 + DEFAULT_MEETING_HOURS)),
      hasEnd: true,
    });
    const json = (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.october}` })).json();
    expect(json.end).toBe('2016-10-21T13:00:00+01:00');
  });

  it('give every coming meeting and every deadline a start, an end and a UID of its own', async () => {
    const programme = await feed('/meetings.ics');
    expect(programme.events.length).toBeGreaterThanOrEqual(2);
    for (const event of programme.events) {
      expect(event.summary).toMatch(/^Demonstration: /);
      expect(event.uid).toMatch(new RegExp(`^meeting-\\d+${AT}$`));
      expect(event.hasEnd).toBe(true);
      expect((event.end as Date).getTime() - (event.start as Date).getTime()).toBe(
        DEFAULT_MEETING_HOURS * HOUR,
      );
    }
    // The coming meetings' public question deadlines are all-day events: each ends the next day.
    const deadlines = await feed(calendarPaths.feed());
    const questions = deadlines.events.filter((event) => event.summary.startsWith('Public questions close'));
    expect(questions).toHaveLength(programme.events.length);
    for (const event of deadlines.events) {
      expect(event).toMatchObject({ allDay: true, hasEnd: true, end: addDays(event.start as string, 1) });
      expect(event.uid.endsWith(AT)).toBe(true);
    }
    const uids = [...programme.events, ...deadlines.events].map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
