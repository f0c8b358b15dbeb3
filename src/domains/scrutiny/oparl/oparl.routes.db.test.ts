import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { TEST_URLS, useTestApp } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody } from '../../accounts/accounts.testing.ts';
import { parseNewMeetingJson } from '../api/api.schemas.ts';
import { SAMPLE_FILES } from '../papers/papers.testing.ts';
import { seedDemoScrutiny } from '../scrutiny.demo.ts';
import { AgendaItemFormSchema } from '../scrutiny.schemas.ts';
import { oparlProblems } from './oparl.testing.ts';

const system = systemActor('test');
const OPARL = `${TEST_URLS.baseUrl}/oparl/`;
// What must never reach the OParl API: an exempt paper, and a draft agenda's item and paper.
const EXEMPT_PAPER = 'Exempt paper 7c3a';
const DRAFT_ITEM = 'Draft agenda item 2b9f';
const DRAFT_PAPER = 'Draft agenda paper 8e4d';
const PUBLIC_PAPER = 'Public report 5d1e';

type Json = Record<string, unknown>;

/** Every OParl URL in a value, however deep (links to lists and objects; not `web`, files or the old API). */
function oparlUrls(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith(OPARL) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(oparlUrls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(oparlUrls);
  return [];
}

/** Every object in a value that has an id and a type: the object and those embedded in it. */
function objectsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (!value || typeof value !== 'object') return [];
  const object = value as Json;
  const inner = Object.values(object).flatMap(objectsIn);
  return typeof object.id === 'string' && typeof object.type === 'string' ? [object, ...inner] : inner;
}

describe.each(testEngines())('the OParl 1.1 API on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let december = 0;
  let draftMeeting = 0;

  const get = async (url: string) => {
    const response = await fixture.app.inject({ method: 'GET', url: url.replace(TEST_URLS.baseUrl, '') });
    return { response, json: response.json() as Json };
  };

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body');
    const { scrutiny } = fixture.services;
    await seedDemoScrutiny(scrutiny, system);
    const meetings = await scrutiny.listMeetings(system);
    december = meetings.find(({ meeting }) => meeting.title.includes('16 December 2016'))?.meeting.id ?? 0;
    const { items } = await scrutiny.readMeeting(system, december);
    const upload = (meetingId: number, title: string, extra: { agendaItem?: number; exempt?: number } = {}) =>
      scrutiny.papers.uploadPaper(
        system,
        meetingId,
        {
          name: `${title}.pdf`,
          title,
          agendaItem: extra.agendaItem ?? '',
          exemptParagraph: extra.exempt ?? null,
        },
        SAMPLE_FILES.pdf,
      );
    await upload(december, PUBLIC_PAPER);
    await upload(december, 'Budget report', { agendaItem: items[0]?.id ?? 0 });
    await upload(december, EXEMPT_PAPER, { exempt: 3 });
    // A coming meeting whose agenda is still a draft (status "scheduled").
    const form = parseNewMeetingJson({
      organization: 'thames-valley-panel',
      name: 'Meeting with a draft agenda',
      start: `${addDays(londonDateOf(new Date()), 60)}T10:00`,
      location: 'Council Offices',
    });
    draftMeeting = (await scrutiny.createMeeting(system, form)).id;
    const item = await scrutiny.addAgendaItem(
      system,
      draftMeeting,
      parseInput(AgendaItemFormSchema, { position: '1', title: DRAFT_ITEM, exemptParagraph: '' }),
    );
    await upload(draftMeeting, DRAFT_PAPER, { agendaItem: item.id });
    // What the demo loaded is a day old, so a change made by a test stands apart from it.
    await database.current.sql.query(
      "UPDATE scrutiny_record_stamp SET created_at = created_at - interval '1 day', modified_at = modified_at - interval '1 day'",
    );
  });

  it('can be crawled from System: every list to its end, every object valid and found again at its id', async () => {
    const seen = new Map<string, Json>();
    const bodies: string[] = [];
    const queue = [`${OPARL}v1.1/system`];
    const fetched = new Set<string>();
    let lists = 0;
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (fetched.has(url)) continue;
      fetched.add(url);
      const { response, json } = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['access-control-allow-origin'], url).toBe('*');
      bodies.push(response.body);
      if (Array.isArray(json.data)) {
        lists += 1;
        const links = json.links as Json;
        expect(links.first, url).toMatch(/^http:\/\/localhost:3000\/oparl\//);
        if (typeof links.next === 'string') queue.push(links.next);
        for (const object of json.data as Json[])
          expect(oparlProblems(object), String(object.id)).toEqual([]);
      } else {
        expect(oparlProblems(json), url).toEqual([]);
        const before = seen.get(url);
        if (before) expect(json, `${url} resolves to the object the API showed there`).toEqual(before);
      }
      for (const object of objectsIn(json.data ?? json)) {
        const before = seen.get(object.id as string);
        if (before) expect(object, `${String(object.id)} is the same wherever it appears`).toEqual(before);
        seen.set(object.id as string, object);
      }
      // Small pages, so every list is followed through links.next.
      for (const next of oparlUrls(json.data ?? json))
        queue.push(/\/bodies(\/[^/]+\/[a-z-]+)?$/.test(next) ? `${next}?limit=2` : next);
    }
    for (const id of seen.keys()) expect(fetched.has(id), `${id} was fetched`).toBe(true);
    const types = new Set([...seen.values()].map((object) => String(object.type).split('/').pop()));
    expect([...types].sort()).toEqual(
      [
        'AgendaItem',
        'Body',
        'File',
        'Location',
        'Meeting',
        'Membership',
        'Organization',
        'Person',
        'System',
      ].sort(),
    );
    expect(lists).toBeGreaterThan(14);
    const all = bodies.join('\n');
    expect(all).toContain(PUBLIC_PAPER);
    for (const marker of [EXEMPT_PAPER, DRAFT_ITEM, DRAFT_PAPER]) expect(all).not.toContain(marker);
  });

  it('names every object by an absolute URL at the configured origin, with OParl type URIs', async () => {
    const { json } = await get(`${OPARL}v1.1/meetings/${december}`);
    expect(json).toMatchObject({
      id: `${TEST_URLS.baseUrl}/oparl/v1.1/meetings/${december}`,
      type: 'https://schema.oparl.org/1.1/Meeting',
      start: '2016-12-16T11:00:00+00:00',
      organization: [
        expect.stringMatching(/^http:\/\/localhost:3000\/oparl\/v1\.1\/organizations\/body-\d+$/),
      ],
      web: `${TEST_URLS.baseUrl}/meetings/${december}`,
      'peelian:api': `${TEST_URLS.baseUrl}/api/v1/meetings/${december}`,
    });
    // No end is recorded for 16 December; the October meeting's minutes give one (11am to 1pm).
    expect(json).not.toHaveProperty('end');
    const meetings = await fixture.services.scrutiny.listMeetings(system);
    const october = meetings.find(({ meeting }) => meeting.title.includes('21 October 2016'))?.meeting.id;
    expect((await get(`${OPARL}v1.1/meetings/${october}`)).json).toMatchObject({
      start: '2016-10-21T11:00:00+01:00',
      end: '2016-10-21T13:00:00+01:00',
    });
    const files = json.auxiliaryFile as Json[];
    expect(files.map((file) => file.name)).toEqual([PUBLIC_PAPER]);
    expect(files[0]?.accessUrl).toMatch(/^http:\/\/localhost:3000\/meetings\/\d+\/papers\/\d+$/);
  });

  it('never shows an exempt paper or a draft agenda, on any public page or API either', async () => {
    const { json } = await get(`${OPARL}v1.1/meetings/${draftMeeting}`);
    expect(json.agendaItem).toEqual([]);
    expect(json.auxiliaryFile).toEqual([]);
    const [exempt] = await database.current.sql.query<{ id: number }>(
      'SELECT id FROM meeting_paper WHERE title = $1',
      [EXEMPT_PAPER],
    );
    expect((await get(`${OPARL}v1.1/files/${exempt?.id}`)).response.statusCode).toBe(404);
    const lists = ['meetings', 'agenda-items', 'files'].map(
      (list) => `/oparl/v1.1/bodies/thames-valley-panel/${list}?limit=100`,
    );
    for (const marker of [EXEMPT_PAPER, DRAFT_ITEM, DRAFT_PAPER])
      await expectNeverPublic(fixture.app, marker, [...lists, `/oparl/v1.1/meetings/${draftMeeting}`]);
  });

  it('filters lists by created_since, modified_since and modified_until, keeping the filters in its links', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const meetingsList = (query: string) => get(`${OPARL}v1.1/bodies/thames-valley-panel/meetings?${query}`);
    expect(((await meetingsList(`modified_since=${hourAgo}`)).json.data as Json[]).length).toBe(0);

    // Publishing the draft agenda changes the meeting (and its item, now public).
    await fixture.services.scrutiny.publishAgenda(system, draftMeeting);
    const since = await meetingsList(`modified_since=${encodeURIComponent(hourAgo)}&limit=1`);
    expect((since.json.data as Json[]).map((meeting) => meeting.id)).toEqual([
      `${TEST_URLS.baseUrl}/oparl/v1.1/meetings/${draftMeeting}`,
    ]);
    expect((since.json.links as Json).first).toContain(`modified_since=${encodeURIComponent(hourAgo)}`);
    expect(since.json.pagination).toEqual({
      totalElements: 1,
      elementsPerPage: 1,
      currentPage: 1,
      totalPages: 1,
    });
    const items = await get(`${OPARL}v1.1/bodies/thames-valley-panel/agenda-items?modified_since=${hourAgo}`);
    expect((items.json.data as Json[]).map((item) => item.name)).toEqual([DRAFT_ITEM]);

    const all = (await meetingsList('limit=100')).json.pagination as Json;
    const until = (await meetingsList(`modified_until=${hourAgo}&limit=100`)).json.pagination as Json;
    expect(until.totalElements).toBe(Number(all.totalElements) - 1);
    expect(((await meetingsList(`created_since=${hourAgo}`)).json.data as Json[]).length).toBe(0);
    const added = parseNewMeetingJson({
      organization: 'thames-valley-panel',
      name: 'Meeting added later',
      start: `${addDays(londonDateOf(new Date()), 70)}T10:00`,
      location: 'Council Offices',
    });
    await fixture.services.scrutiny.createMeeting(system, added);
    const created = await meetingsList(`created_since=${hourAgo}`);
    expect((created.json.data as Json[]).map((meeting) => meeting.name)).toEqual(['Meeting added later']);
  });

  it('refuses a filter that is not a date and time, naming it, and sends CORS only from OParl', async () => {
    const bad = await fixture.app.inject({
      method: 'GET',
      url: '/oparl/v1.1/bodies/thames-valley-panel/meetings?modified_since=yesterday',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['access-control-allow-origin']).toBe('*');
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'modified_since' })]);
    expect((await get(`${OPARL}v1.1/bodies/no-such-body`)).response.statusCode).toBe(404);
    const old = await fixture.app.inject({ method: 'GET', url: '/api/v1/meetings' });
    expect(old.headers['access-control-allow-origin']).toBeUndefined();
    expect(old.json()).toHaveProperty('meetings');
  });
});
