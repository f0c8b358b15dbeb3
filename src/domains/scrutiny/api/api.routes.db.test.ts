import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { TEST_URLS, useTestApp } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { parseRecordsFile } from '../records/records.files.ts';
import { demoPanelMeetings, loadDemoPanel } from '../scrutiny-records.testing.ts';

const system = systemActor('test');
const today = londonDateOf(new Date());
const ASKER_EMAIL = 'api.asker.91c2@example.org';
const DRAFT_MINUTE = 'No member declared an interest 6f0a';

/** Unfolds an iCalendar feed into its content lines (RFC 5545, 3.1). */
function contentLines(feed: string): string[] {
  return feed.replace(/\r\n /g, '').split('\r\n');
}

describe.each(testEngines())('scrutiny JSON API and calendar feeds on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officerToken: string;
  let memberToken: string;
  let ids: { october: number; december: number; tomorrow: number; later: number; summer: number };

  const count = async (table: 'meeting' | 'public_question') =>
    (await database.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

  const postJson = (url: string, payload: unknown, token?: string, remoteAddress?: string) =>
    fixture.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      remoteAddress,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  beforeAll(async () => {
    await loadDemoPanel(
      fixture,
      demoPanelMeetings(`
meetings:
  - { title: Meeting tomorrow, date: ${addDays(today, 1)}, time: '11:00', venue: Council Offices, status: agenda-published }
  - { title: Meeting later, date: ${addDays(today, 40)}, time: '11:00', venue: 'Hall, Room 2', status: scheduled }
  - { title: Summer meeting, date: 2030-06-14, time: '11:00', venue: Council Offices, status: scheduled }
`),
    );
    const meetings = await fixture.services.scrutiny.listMeetings(system);
    const find = (title: string) =>
      meetings.find((entry) => entry.meeting.title.includes(title))?.meeting.id ?? 0;
    ids = {
      october: find('21 October 2016'),
      december: find('16 December 2016'),
      tomorrow: find('Meeting tomorrow'),
      later: find('Meeting later'),
      summer: find('Summer meeting'),
    };
    const token = (role: 'scrutiny-officer' | 'panel-member') =>
      fixture.services.apiTokens.createToken(system, {
        name: `${role} token`,
        role,
        body: 'thames-valley-panel',
        expiresInDays: 30,
      });
    officerToken = (await token('scrutiny-officer')).token;
    memberToken = (await token('panel-member')).token;
  });

  it('serves a meeting with OParl names, agenda items with their files, and the question deadline', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.december}` });
    expect(response.statusCode).toBe(200);
    const meeting = response.json();
    expect(meeting).toMatchObject({
      id: ids.december,
      type: 'Meeting',
      name: 'Thames Valley Police and Crime Panel, 16 December 2016',
      start: '2016-12-16T11:00:00+00:00',
      end: null,
      location: expect.stringContaining('Olympic Room'),
      organization: { type: 'Organization', id: 'thames-valley-panel' },
      publicQuestions: { deadline: '2016-12-13T23:59:59+00:00', open: false },
      auxiliaryFile: [],
      participant: null,
      attendance: null,
      declarations: null,
      minutes: null,
      ics: `/meetings/${ids.december}.ics`,
      agendaPack: `/meetings/${ids.december}/pack`,
    });
    expect(meeting.agendaItem).toHaveLength(10);
    expect(meeting.agendaItem[4]).toMatchObject({
      id: expect.any(Number),
      type: 'AgendaItem',
      order: 5,
      name: 'Draft Police and Crime Plan',
      public: true,
      auxiliaryFile: [],
    });
    const summer = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.summer}` })
    ).json();
    expect(summer.start).toBe('2030-06-14T11:00:00+01:00');
    expect(summer.publicQuestions.deadline).toBe('2030-06-11T23:59:59+01:00');
    expect((await fixture.app.inject({ method: 'GET', url: '/api/v1/meetings/999999' })).statusCode).toBe(
      404,
    );
  });

  it('adds the minutes to a meeting once a later meeting has approved them, never the draft', async () => {
    const records = (approvedAt: string) => `
format: peelian-scrutiny-records/1
body: thames-valley-panel
minutes:
  - meeting: 2016-10-21
    ${approvedAt}
    items:
      - { number: 67, agendaItem: 1, title: Declarations of Interest, text: ${DRAFT_MINUTE} }
`;
    await fixture.services.scrutiny.records.importRecordsFile(system, parseRecordsFile(records('')));
    const october = `/api/v1/meetings/${ids.october}`;
    expect((await fixture.app.inject({ method: 'GET', url: october })).json().minutes).toBeNull();
    await expectNeverPublic(fixture.app, DRAFT_MINUTE, [october]);

    await fixture.services.scrutiny.records.importRecordsFile(
      system,
      parseRecordsFile(records('approvedAt: 2016-12-16')),
    );
    const meeting = (await fixture.app.inject({ method: 'GET', url: october })).json();
    expect(meeting.minutes).toMatchObject({
      state: 'approved',
      approvedAt: { start: '2016-12-16T11:00:00+00:00' },
      items: [{ number: 67, title: 'Declarations of Interest', text: DRAFT_MINUTE }],
    });
  });

  it('lists meetings with their organisation and calendar link', async () => {
    const list = (await fixture.app.inject({ method: 'GET', url: '/api/v1/meetings' })).json();
    expect(list.meetings).toHaveLength(5);
    expect(list.meetings[0]).toMatchObject({
      type: 'Meeting',
      name: 'Summer meeting',
      organization: { type: 'Organization', name: expect.any(String) },
      ics: `/meetings/${ids.summer}.ics`,
    });
  });

  it('adds a meeting for a scrutiny officer’s token, reading an offset or London time', async () => {
    const created = await postJson(
      '/api/v1/meetings',
      {
        organization: 'thames-valley-panel',
        name: 'Budget meeting',
        start: '2031-07-04T10:00:00Z',
        location: 'Hall',
      },
      officerToken,
    );
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toMatch(/^\/api\/v1\/meetings\/\d+$/);
    expect(created.json()).toMatchObject({
      type: 'Meeting',
      name: 'Budget meeting',
      start: '2031-07-04T11:00:00+01:00',
      location: 'Hall',
      meetingState: 'scheduled',
      agendaItem: [],
    });
    const local = await postJson(
      '/api/v1/meetings',
      {
        organization: 'thames-valley-panel',
        name: 'Winter meeting',
        start: '2031-12-05T11:00',
        location: 'Hall',
      },
      officerToken,
    );
    expect(local.json().start).toBe('2031-12-05T11:00:00+00:00');
  });

  it('refuses a meeting in the past, a bad start or missing fields, naming each field and saving nothing', async () => {
    const before = await count('meeting');
    const past = await postJson(
      '/api/v1/meetings',
      {
        organization: 'thames-valley-panel',
        name: 'Too late',
        start: '2020-01-10T11:00:00+00:00',
        location: 'Hall',
      },
      officerToken,
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().fields).toEqual([
      { field: 'start', message: 'The date of the meeting must be in the future' },
    ]);
    const clash = await postJson(
      '/api/v1/meetings',
      { organization: 'thames-valley-panel', name: 'Clash', start: '2031-12-05T11:00', location: 'Hall' },
      officerToken,
    );
    expect(clash.json().fields).toEqual([
      {
        field: 'start',
        message: 'Test body thames-valley-panel already has a meeting at that date and time',
      },
    ]);
    const badStart = await postJson(
      '/api/v1/meetings',
      { organization: 'thames-valley-panel', name: 'X', start: '5 July 2031', location: 'Hall' },
      officerToken,
    );
    expect(badStart.json().fields.map((error: { field: string }) => error.field)).toEqual(['start']);
    const empty = await postJson('/api/v1/meetings', {}, officerToken);
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .fields.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['location', 'name', 'organization', 'start']);
    const blank = await postJson(
      '/api/v1/meetings',
      { organization: 'thames-valley-panel', name: ' ', start: '2032-01-09T11:00', location: 'Hall' },
      officerToken,
    );
    expect(blank.json().fields).toEqual([{ field: 'name', message: 'Enter the meeting’s title' }]);
    expect(await count('meeting')).toBe(before);
  });

  it('refuses to add a meeting without a token, or for a token whose role does not allow it', async () => {
    const body = {
      organization: 'thames-valley-panel',
      name: 'M',
      start: '2032-01-09T11:00',
      location: 'Hall',
    };
    expect((await postJson('/api/v1/meetings', body)).statusCode).toBe(401);
    expect((await postJson('/api/v1/meetings', body, memberToken)).statusCode).toBe(403);
    expect((await postJson('/api/v1/meetings', body, 'pln_not-a-real-token')).statusCode).toBe(401);
  });

  it('takes a public question as JSON by the form’s rules; the email never appears publicly', async () => {
    const before = await count('public_question');
    const sent = await postJson(`/api/v1/meetings/${ids.later}/questions`, {
      name: 'Pat Public',
      email: ASKER_EMAIL,
      text: 'How many rural crimes were solved last year?',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ status: 'received', meeting: `/api/v1/meetings/${ids.later}` });
    expect(await count('public_question')).toBe(before + 1);
    await expectNeverPublic(fixture.app, ASKER_EMAIL, [
      `/api/v1/meetings/${ids.later}`,
      `/meetings/${ids.later}`,
      `/meetings/${ids.later}.ics`,
      `/meetings/${ids.later}/pack`,
    ]);
  });

  it('refuses a late, empty or over-long question through the API, naming the field and saving nothing', async () => {
    const before = await count('public_question');
    const late = await postJson(`/api/v1/meetings/${ids.tomorrow}/questions`, {
      name: 'Late Lee',
      email: 'lee@example.org',
      text: 'Is it too late?',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields).toEqual([
      {
        field: 'text',
        message: expect.stringMatching(
          /^Questions for this meeting had to be sent by 11:59pm on \w+day \d{1,2} \w+ \d{4}/,
        ),
      },
    ]);
    const empty = await postJson(`/api/v1/meetings/${ids.later}/questions`, {
      name: 'A',
      email: 'a@example.org',
      text: ' ',
    });
    expect(empty.json().fields).toEqual([{ field: 'text', message: 'Enter your question' }]);
    const long = await postJson(`/api/v1/meetings/${ids.later}/questions`, {
      name: 'A',
      email: 'a@example.org',
      text: 'x'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toEqual([
      { field: 'text', message: 'Question must be 2000 characters or fewer' },
    ]);
    const missing = await postJson(`/api/v1/meetings/${ids.later}/questions`, {});
    expect(
      missing
        .json()
        .fields.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['email', 'name', 'text']);
    expect(await count('public_question')).toBe(before);
  });

  it('answers a filled-in honeypot as if accepted and keeps nothing; limits how often one address may post', async () => {
    const before = await count('public_question');
    const bot = await postJson(`/api/v1/meetings/${ids.later}/questions`, {
      name: 'Bot',
      email: 'bot@example.org',
      text: 'Buy now',
      website: 'https://spam.example',
    });
    expect(bot.statusCode).toBe(201);
    expect(bot.json()).toEqual({ status: 'received', meeting: `/api/v1/meetings/${ids.later}` });
    expect(await count('public_question')).toBe(before);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      statuses.push(
        (await postJson(`/api/v1/meetings/${ids.tomorrow}/questions`, {}, undefined, '192.0.2.91'))
          .statusCode,
      );
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('serves one meeting as iCalendar at its London time, with its place, deadline and page', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="meeting-${ids.december}.ics"`,
    );
    expect(response.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const lines = contentLines(response.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain(`UID:meeting-${ids.december}@localhost:3000`);
    expect(lines).toContain('DTSTART;TZID=Europe/London:20161216T110000');
    expect(lines).toContain('SUMMARY:Thames Valley Police and Crime Panel\\, 16 December 2016');
    expect(lines.find((line) => line.startsWith('LOCATION:'))).toContain('Olympic Room');
    expect(lines.find((line) => line.startsWith('DESCRIPTION:'))).toContain(
      'Public questions must be sent by 11:59pm on Tuesday 13 December 2016.',
    );
    expect(lines).toContain(`URL:${TEST_URLS.baseUrl}/meetings/${ids.december}`);
    const summer = contentLines(
      (await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.summer}.ics` })).body,
    );
    expect(summer).toContain('DTSTART;TZID=Europe/London:20300614T110000');
    expect((await fixture.app.inject({ method: 'GET', url: '/meetings/999999.ics' })).statusCode).toBe(404);
  });

  it('serves the programme of coming meetings as one feed, leaving out past ones', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: '/meetings.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = contentLines(response.body);
    const summaries = lines.filter((line) => line.startsWith('SUMMARY:'));
    expect(summaries).toContain('SUMMARY:Meeting tomorrow');
    expect(summaries).toContain('SUMMARY:Summer meeting');
    expect(summaries.some((line) => line.includes('2016'))).toBe(false);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT').length).toBe(summaries.length);
    expect(lines.filter((line) => line === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('links the calendar files from the meeting page and describes every endpoint in the OpenAPI document', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}` });
    expect(page.body).toContain(`href="/meetings/${ids.december}.ics"`);
    expect(page.body).toContain('href="/meetings.ics"');
    expect((await fixture.app.inject({ method: 'GET', url: '/meetings' })).body).toContain(
      'href="/meetings.ics"',
    );
    const doc = (await fixture.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/meetings'])).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/meetings/{id}/questions'].post).toBeDefined();
    expect(doc.paths['/meetings/{id}.ics'].get).toBeDefined();
    expect(doc.paths['/meetings.ics'].get).toBeDefined();
  });
});
