import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf, londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { parseICalendar } from '../../../kernel/testing/icalendar.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';
import { DEFAULT_MEETING_HOURS } from '../scrutiny.view-models.ts';
import { demoPanelMeetings } from '../scrutiny-records.testing.ts';
import { parsePanelFile } from './panel.files.ts';

const demoText = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data/demo/scrutiny/thames-valley-panel.yaml'),
  'utf8',
);
const system = systemActor('test');
const today = londonDateOf(new Date());
const soon = addDays(today, 1);
const later = addDays(today, 40);
const ASKER_EMAIL = 'private.asker.7f3a@example.org';

/** Two meetings relative to today: tomorrow's (questions closed) and one in 40 days (questions open). */
const comingMeetings = parsePanelFile(
  demoPanelMeetings(`
meetings:
  - { title: Meeting tomorrow, date: ${soon}, time: '11:00', venue: Council Offices, status: agenda-published }
  - { title: Meeting later, date: ${later}, time: '11:00', venue: Council Offices, status: scheduled }
`),
);

describe.each(testEngines())('scrutiny pages and API on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let ids: { december: number; tomorrow: number; later: number };

  const questionCount = async () =>
    (await database.current.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM public_question'))[0]?.n;

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await fixture.services.scrutiny.importPanelFile(system, parsePanelFile(demoText));
    await fixture.services.scrutiny.importPanelFile(system, comingMeetings);
    const meetings = await fixture.services.scrutiny.listMeetings(system);
    const find = (title: string) =>
      meetings.find((entry) => entry.meeting.title.includes(title))?.meeting.id ?? 0;
    ids = {
      december: find('16 December 2016'),
      tomorrow: find('Meeting tomorrow'),
      later: find('Meeting later'),
    };
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
  });

  it('lists meetings and shows a meeting’s agenda and its question deadline in words', async () => {
    const list = await fixture.app.inject({ method: 'GET', url: '/meetings' });
    expectPage(list, 200, `/meetings/${ids.december}`, 'Meeting later');
    const page = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}` });
    expectPage(
      page,
      200,
      'Friday 16 December 2016 at 11:00am',
      'Draft Police and Crime Plan',
      '11:59pm on Tuesday 13 December 2016',
      'at least 3 working days before the meeting',
      'Councillor Trevor Egleton',
    );
    expect(page.body).not.toContain('Add an agenda item');
    expect((await fixture.app.inject({ method: 'GET', url: '/meetings/999999' })).statusCode).toBe(404);
    expect((await fixture.app.inject({ method: 'GET', url: '/meetings/abc' })).statusCode).toBe(400);
  });

  it('serves meetings as JSON with publicQuestions.deadline in London time with its offset', async () => {
    const one = (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.december}` })).json();
    expect(one).toMatchObject({
      type: 'Meeting',
      start: '2016-12-16T11:00:00+00:00',
      meetingState: 'agenda-published',
      publicQuestions: { deadline: '2016-12-13T23:59:59+00:00', open: false, minutesAllowed: 20 },
    });
    expect(one.agendaItem).toHaveLength(10);
    expect(one.agendaItem[4]).toMatchObject({ order: 5, start: '11:25', public: true });
    const list = (await fixture.app.inject({ method: 'GET', url: '/api/v1/meetings' })).json();
    expect(list.meetings.length).toBe(4);
    const doc = (await fixture.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths ?? {})).toContain('/api/v1/meetings/{id}');
  });

  it('takes a question from anyone before the deadline; the asker’s email never appears publicly', async () => {
    const visitor = new TestClient(fixture.app);
    const form = await visitor.get(`/meetings/${ids.later}/questions/new`);
    expectPage(form, 200, 'Send your question by', 'name="website"');
    const before = await questionCount();
    const sent = await visitor.post(`/meetings/${ids.later}/questions`, {
      name: 'Pat Public',
      email: ASKER_EMAIL.toUpperCase(),
      text: 'What is the Commissioner doing about rural burglary?',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/meetings/${ids.later}/questions/sent`);
    expect(await questionCount()).toBe((before ?? 0) + 1);
    const received = await officer.get(`/meetings/${ids.later}/questions`);
    expectPage(received, 200, ASKER_EMAIL);

    const urls = [ids.december, ids.tomorrow, ids.later].flatMap((id) => [
      `/meetings/${id}`,
      `/meetings/${id}/questions/new`,
      `/meetings/${id}/questions/sent`,
      `/api/v1/meetings/${id}`,
    ]);
    await expectNeverPublic(fixture.app, ASKER_EMAIL, urls);
  });

  it('refuses a late question with a message naming the deadline, saving nothing', async () => {
    const visitor = new TestClient(fixture.app);
    const page = await visitor.get(`/meetings/${ids.tomorrow}/questions/new`);
    expect(page.body).toContain('Questions closed at 11:59pm on');
    const before = await questionCount();
    const late = await visitor.post(`/meetings/${ids.tomorrow}/questions`, {
      name: 'Late Lee',
      email: 'lee@example.org',
      text: 'Is it too late?',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toMatch(
      /Questions for this meeting had to be sent by 11:59pm on \w+day \d{1,2} \w+ \d{4}/,
    );
    expect(late.body).toContain('href="#text"');
    expect(await questionCount()).toBe(before);
  });

  it('refuses an empty or over-long question and a bad email, naming each field, saving nothing', async () => {
    const visitor = new TestClient(fixture.app);
    const before = await questionCount();
    const empty = await visitor.post(`/meetings/${ids.later}/questions`, {
      name: '',
      email: 'nope',
      text: '  ',
    });
    expectRefused(
      empty,
      'Enter your name',
      'Enter an email address in the correct format',
      'Enter your question',
      'href="#text"',
    );
    const long = await visitor.post(`/meetings/${ids.later}/questions`, {
      name: 'Long',
      email: 'long@example.org',
      text: 'x'.repeat(2001),
    });
    expectRefused(long, 'Question must be 2000 characters or fewer');
    expect(await questionCount()).toBe(before);
  });

  it('quietly discards a question whose honeypot is filled, and refuses a form without its CSRF token', async () => {
    const visitor = new TestClient(fixture.app);
    const before = await questionCount();
    const bot = await visitor.post(`/meetings/${ids.later}/questions`, {
      name: 'Bot',
      email: 'bot@example.org',
      text: 'Buy now',
      website: 'https://spam.example',
    });
    expect(bot.statusCode).toBe(303);
    expect(await questionCount()).toBe(before);
    const forged = await visitor.postRaw(`/meetings/${ids.later}/questions`, {
      name: 'X',
      email: 'x@example.org',
      text: 'Forged',
    });
    expect(forged.statusCode).toBe(403);
    expect(await questionCount()).toBe(before);
  });

  it('limits how often one address may post questions', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await fixture.app.inject({
        method: 'POST',
        url: `/meetings/${ids.later}/questions`,
        remoteAddress: '192.0.2.77',
        payload: 'name=A&email=a%40example.org&text=Q',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('lets the scrutiny officer add meetings and agenda items, refusing the past and a repeated number', async () => {
    expect((await officer.get('/meetings/new')).statusCode).toBe(200);
    const past = await officer.post('/meetings', {
      panel: 'thames-valley-panel',
      title: 'Too late',
      date: '2020-01-10',
      time: '11:00',
      venue: 'Hall',
    });
    expectRefused(past, 'The date of the meeting must be in the future');
    const created = await officer.post('/meetings', {
      panel: 'thames-valley-panel',
      title: 'Officer’s meeting',
      date: addDays(today, 60),
      time: '14:30',
      venue: 'Hall',
    });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location as string;
    const item = {
      position: '1',
      slotTime: '14:30',
      title: 'Apologies',
      purpose: '',
      lead: '',
      exemptParagraph: '',
    };
    expect((await officer.post(`${url}/agenda-items`, item)).statusCode).toBe(303);
    const clash = await officer.post(`${url}/agenda-items`, { ...item, title: 'Clash' });
    expectRefused(clash, 'Item 1 is already on this agenda');
    const exempt = await officer.post(`${url}/agenda-items`, {
      ...item,
      position: '2',
      title: 'Staffing matter',
      exemptParagraph: '1',
    });
    expect(exempt.statusCode).toBe(303);
    // The agenda is a draft until published, so only the panel sees it yet.
    const page = await officer.get(url);
    expect(page.body).toContain('2:30pm');
    expect(page.body).toContain('Schedule 12A, paragraph 1');
    expect(page.body).not.toContain('Clash');
  });

  it('keeps an agenda a draft until the officer publishes it; publishing is audited', async () => {
    const created = await officer.post('/meetings', {
      panel: 'thames-valley-panel',
      title: 'Meeting with a draft agenda',
      date: addDays(today, 70),
      time: '10:30',
      venue: 'Hall',
    });
    const url = created.headers.location as string;
    const marker = 'Draft agenda item 5b1d';
    expect(
      (
        await officer.post(`${url}/agenda-items`, {
          position: '1',
          slotTime: '',
          title: marker,
          purpose: '',
          lead: '',
          exemptParagraph: '',
        })
      ).statusCode,
    ).toBe(303);
    const meetingId = url.split('/').pop();
    await expectNeverPublic(fixture.app, marker, [
      url,
      `/api/v1/meetings/${meetingId}`,
      `${url}.ics`,
      `${url}/pack`,
    ]);
    const draft = await officer.get(url);
    expect(draft.body).toContain(marker);
    expect(draft.body).toContain('This agenda is a draft');
    expect(draft.body).toContain(`action="${url}/agenda/publication"`);

    const published = await officer.post(`${url}/agenda/publication`);
    expect(published.statusCode).toBe(303);
    expect((await fixture.app.inject({ method: 'GET', url })).body).toContain(marker);
    expect((await officer.get(url)).body).not.toContain('This agenda is a draft');
    const [audit] = await database.current.sql.query<{ after: string }>(
      "SELECT after::text AS after FROM audit_event WHERE record_type = 'meeting' AND record_id = $1 ORDER BY id DESC LIMIT 1",
      [meetingId],
    );
    expect(audit?.after).toContain('agenda-published');
    expect((await officer.post(`${url}/agenda/publication`)).statusCode).toBe(409);
    expect(
      (await fixture.app.inject({ method: 'POST', url: `${url}/agenda/publication` })).statusCode,
    ).not.toBe(303);
  });

  it('lets the officer change, reschedule and cancel a meeting in the browser, each audited', async () => {
    const created = await officer.post('/meetings', {
      panel: 'thames-valley-panel',
      title: 'Meeting to correct',
      date: addDays(today, 80),
      time: '10:00',
      venue: 'Hall',
    });
    const url = created.headers.location as string;
    const meetingId = url.split('/').pop();
    expect((await officer.get(url)).body).toContain(`href="${url}/edit"`);
    const form = await officer.get(`${url}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="title"[^>]*value="Meeting to correct"/);
    const past = await officer.post(url, {
      title: 'Moved',
      date: '2020-01-10',
      time: '10:00',
      venue: 'Hall',
    });
    expectRefused(past, 'href="#date"', 'The date of the meeting must be in the future');
    expect(past.body).toMatch(/name="title"[^>]*value="Moved"/);
    const moved = addDays(today, 81);
    const saved = await officer.post(url, {
      title: 'Meeting, corrected',
      date: moved,
      time: '14:00',
      venue: 'Council Chamber',
    });
    expect(saved.statusCode).toBe(303);
    const page = await fixture.app.inject({ method: 'GET', url });
    expect(page.body).toContain('Meeting, corrected');
    expect(page.body).toContain('Council Chamber');
    expect(page.body).toContain('at 2:00pm');
    const [changed] = await database.current.sql.query<{ before: string; after: string }>(
      "SELECT before::text AS before, after::text AS after FROM audit_event WHERE record_type = 'meeting' AND record_id = $1 ORDER BY id DESC LIMIT 1",
      [meetingId],
    );
    expect(changed?.before).toContain('Meeting to correct');
    expect(changed?.after).toContain('Council Chamber');

    expect((await officer.post(`${url}/cancellation`)).statusCode).toBe(303);
    expect((await fixture.app.inject({ method: 'GET', url })).body).toContain('Cancelled');
    const [cancelled] = await database.current.sql.query<{ after: string }>(
      "SELECT after::text AS after FROM audit_event WHERE record_type = 'meeting' AND record_id = $1 ORDER BY id DESC LIMIT 1",
      [meetingId],
    );
    expect(cancelled?.after).toContain('cancelled');
    const again = await officer.post(url, { title: 'x', date: moved, time: '14:00', venue: 'Hall' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This meeting is cancelled');
    expect((await fixture.app.inject({ method: 'POST', url: `${url}/cancellation` })).statusCode).not.toBe(
      303,
    );
  });

  it('records an optional end time, refusing one not after the start, and gives it to the API and the feed', async () => {
    const date = addDays(today, 90);
    const meeting = { panel: 'thames-valley-panel', title: 'Meeting with an end', date, venue: 'Hall' };
    const before = await database.current.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting');
    const early = await officer.post('/meetings', { ...meeting, time: '2pm', endTime: '13:30' });
    expectRefused(early, 'href="#endTime"', 'The end time must be after the start time');
    expect(early.body).toMatch(/name="endTime"[^>]*value="13:30"/);
    const nonsense = await officer.post('/meetings', { ...meeting, time: '2pm', endTime: 'late' });
    expectRefused(nonsense, 'href="#endTime"', 'The end time must be a time, like 14:30 or 2:30pm');
    expect(await database.current.sql.query('SELECT count(*)::int AS n FROM meeting')).toEqual(before);

    const created = await officer.post('/meetings', { ...meeting, time: '2pm', endTime: '4:30pm' });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location as string;
    const id = Number(url.split('/').pop());
    expect((await fixture.app.inject({ method: 'GET', url })).body).toContain(', 2:00pm to 4:30pm');
    const [audited] = await database.current.sql.query<{ after: { endsAt: string } }>(
      "SELECT after FROM audit_event WHERE record_type = 'meeting' AND record_id = $1 ORDER BY id DESC LIMIT 1",
      [String(id)],
    );
    expect(new Date(audited?.after.endsAt ?? '')).toEqual(londonDateTimeToInstant(date, '16:30'));
    const json = (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${id}` })).json();
    expect(json.end).toBe(`${date}T16:30:00${json.start.slice(-6)}`);
    const [event] = parseICalendar(
      (await fixture.app.inject({ method: 'GET', url: `/meetings/${id}.ics` })).body,
    ).events;
    expect(event?.end).toEqual(londonDateTimeToInstant(date, '16:30'));

    const form = await officer.get(`${url}/edit`);
    expect(form.body).toMatch(/name="endTime"[^>]*value="16:30"/);
    const backwards = await officer.post(url, { ...meeting, time: '17:00', endTime: '16:30' });
    expectRefused(backwards, 'href="#endTime"', 'The end time must be after the start time');
    // Emptying the box forgets the end: the API says null and the feed falls back to the stated default.
    expect((await officer.post(url, { ...meeting, time: '17:00', endTime: '' })).statusCode).toBe(303);
    expect(
      (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${id}` })).json().end,
    ).toBeNull();
    const [fallback] = parseICalendar(
      (await fixture.app.inject({ method: 'GET', url: `/meetings/${id}.ics` })).body,
    ).events;
    expect(fallback?.end).toEqual(londonDateTimeToInstant(date, `${17 + DEFAULT_MEETING_HOURS}:00`));
  });

  it('lets the officer change, remove and reorder agenda items, each audited', async () => {
    const created = await officer.post('/meetings', {
      panel: 'thames-valley-panel',
      title: 'Meeting with items to sort',
      date: addDays(today, 90),
      time: '10:00',
      venue: 'Hall',
    });
    const url = created.headers.location as string;
    const meetingId = Number(url.split('/').pop());
    const blank = { slotTime: '', purpose: '', lead: '', exemptParagraph: '' };
    for (const [position, title] of [
      ['1', 'Apologies'],
      ['2', 'Budget'],
      ['3', 'Any other business'],
    ] as const)
      expect((await officer.post(`${url}/agenda-items`, { ...blank, position, title })).statusCode).toBe(303);
    const titles = async () =>
      (await fixture.services.scrutiny.readMeeting(system, meetingId)).items.map(
        (item) => `${item.position}. ${item.title}`,
      );
    const idOf = async (title: string) =>
      (await fixture.services.scrutiny.readMeeting(system, meetingId)).items.find(
        (item) => item.title === title,
      )?.id;
    const budget = `${url}/agenda-items/${await idOf('Budget')}`;

    expect((await officer.get(url)).body).toContain(`href="${budget}/edit"`);
    const form = await officer.get(`${budget}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="title"[^>]*value="Budget"/);
    const clash = await officer.post(budget, { ...blank, position: '1', title: 'Budget 2027' });
    expectRefused(clash, 'Item 1 is already on this agenda');
    expect(clash.body).toMatch(/name="title"[^>]*value="Budget 2027"/);
    expect((await officer.post(budget, { ...blank, position: '2', title: 'Budget 2027' })).statusCode).toBe(
      303,
    );
    expect(await titles()).toEqual(['1. Apologies', '2. Budget 2027', '3. Any other business']);

    expect((await officer.post(`${budget}/move`, { direction: 'up' })).statusCode).toBe(303);
    expect(await titles()).toEqual(['1. Budget 2027', '2. Apologies', '3. Any other business']);
    expect((await officer.post(`${budget}/move`, { direction: 'up' })).statusCode).toBe(409);

    const aob = `${url}/agenda-items/${await idOf('Any other business')}`;
    expect((await officer.post(`${aob}/delete`)).statusCode).toBe(303);
    expect(await titles()).toEqual(['1. Budget 2027', '2. Apologies']);
    const audits = await database.current.sql.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE record_type = 'agenda_item' AND record_id = $1 ORDER BY id",
      [String(await idOf('Budget 2027'))],
    );
    expect(audits.map((audit) => audit.action)).toEqual(['create', 'update', 'update']);
    expect((await fixture.app.inject({ method: 'POST', url: `${budget}/delete` })).statusCode).not.toBe(303);
  });

  it('lets the officer reject a question only with a reason', async () => {
    const { questions } = await fixture.services.scrutiny.listQuestions(system, ids.later);
    const id = questions[0]?.id ?? 0;
    const noReason = await officer.post(`/meetings/${ids.later}/questions/${id}/decision`, {
      status: 'rejected',
    });
    expectRefused(noReason, 'Enter the reason for rejecting the question');
    const rejected = await officer.post(`/meetings/${ids.later}/questions/${id}/decision`, {
      status: 'rejected',
      reason: 'An operational matter for the force',
    });
    expect(rejected.statusCode).toBe(303);
    const page = await officer.get(`/meetings/${ids.later}/questions`);
    expect(page.body).toContain('Rejected');
    const anonymous = new TestClient(fixture.app);
    expect((await anonymous.get(`/meetings/${ids.later}/questions`)).statusCode).toBe(303);
  });
});
