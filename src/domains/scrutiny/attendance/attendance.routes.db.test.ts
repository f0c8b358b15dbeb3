import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import type { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';
import { interestsPaths } from '../interests/interests.paths.ts';
import { parsePanelFile } from '../meetings/panel.files.ts';
import { demoPanelMeetings } from '../scrutiny-records.testing.ts';
import { seedDemoAttendance } from './attendance.demo.ts';

const system = systemActor('test');
const panelText = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data/demo/scrutiny/thames-valley-panel.yaml'),
  'utf8',
);
const comingDate = addDays(londonDateOf(new Date()), 30);
const comingMeeting = (status: string) =>
  parsePanelFile(
    demoPanelMeetings(`
meetings:
  - title: Coming meeting
    date: ${comingDate}
    time: '11:00'
    venue: Council Offices
    status: ${status}
    agenda:
      - { position: 1, title: Apologies for Absence }
      - { position: 2, title: Grants to councils }
`),
  );
const SENSITIVE_MARKER = 'Sensitive address detail 4e7b';
const OFFICER_MARKER = 'Attendee not yet public 2a6d';

describe.each(testEngines())('attendance, declarations and the register of interests on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let member: TestClient;
  let ids: { october: number; december: number; coming: number; grantsItem: number; draftPlanItem: number };
  let members: Map<string, number>;

  const count = async (
    table: 'meeting_attendance' | 'interest_declaration' | 'member_interest' | 'audit_event',
  ) =>
    (await database.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
  const memberId = (name: string) => members.get(name) ?? 0;

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await fixture.services.scrutiny.importPanelFile(system, parsePanelFile(panelText));
    await fixture.services.scrutiny.importPanelFile(system, comingMeeting('agenda-published'));
    const meetings = await fixture.services.scrutiny.listMeetings(system);
    const find = (title: string) =>
      meetings.find((entry) => entry.meeting.title.includes(title))?.meeting.id ?? 0;
    const read = await fixture.services.scrutiny.readMeeting(system, find('Coming meeting'));
    const december = await fixture.services.scrutiny.readMeeting(system, find('16 December 2016'));
    ids = {
      october: find('21 October 2016'),
      december: december.meeting.id,
      coming: read.meeting.id,
      grantsItem: read.items.find((item) => item.position === 2)?.id ?? 0,
      draftPlanItem: december.items.find((item) => item.position === 5)?.id ?? 0,
    };
    members = new Map(read.members.map((row) => [row.name, row.id]));
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
    member = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-panel' });
  });

  it('loads the 21 October 2016 attendance from the demo file, and loading it again changes nothing', async () => {
    expect(await seedDemoAttendance(fixture.services.scrutiny, system)).toEqual({ attendanceRecords: 1 });
    expect(await count('meeting_attendance')).toBe(14 + 6 + 1 + 5);
    const audits = await count('audit_event');
    await seedDemoAttendance(fixture.services.scrutiny, system);
    expect(await count('audit_event')).toBe(audits);
    expect(await count('meeting_attendance')).toBe(26);
  });

  it('shows a held meeting’s attendance and declarations on its page and in the API', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.october}` });
    expect(page.body).toContain('<h2 class="govuk-heading-m" id="attendance">Attendance</h2>');
    expect(page.body).toContain('Members present');
    expect(page.body).toContain(
      'Councillor Trevor Egleton <span class="govuk-hint govuk-!-display-inline">(Chair, South Bucks District Council)</span>',
    );
    expect(page.body).toContain(
      'Councillor Robert Courts <span class="govuk-hint govuk-!-display-inline">(West Oxfordshire District Council)</span>',
    );
    expect(page.body).toContain(
      'Anthony Stansfeld <span class="govuk-hint govuk-!-display-inline">(PCC)</span>',
    );
    expect(page.body).toContain('No declarations of interest are recorded for this meeting.');

    const meeting = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.october}` })
    ).json();
    expect(meeting.participant).toHaveLength(14);
    expect(meeting.participant[0]).toEqual({
      type: 'Person',
      id: expect.any(Number),
      name: 'Councillor Julia Adey',
      membership: [
        {
          type: 'Membership',
          organization: { type: 'Organization', id: 'thames-valley-panel', name: expect.any(String) },
          role: 'Member',
          onBehalfOf: { type: 'Organization', name: 'Wycombe District Council' },
        },
      ],
    });
    expect(meeting.attendance.apologies.map((person: { name: string }) => person.name)).toEqual([
      'Councillor Derek Sharp',
      'Councillor Tony Ilott',
      'Councillor Robert Courts',
      'Councillor Emily Culverhouse',
      'Councillor Iain McCracken',
      'Councillor Dee Sinclair',
    ]);
    expect(meeting.attendance.officer).toEqual([{ type: 'Person', name: 'Clare Gray', status: [] }]);
    expect(meeting.attendance.other).toHaveLength(5);
    expect(meeting.declarations).toEqual([]);
  });

  it('records members’ attendance and other people for the officer, public only once the meeting is held', async () => {
    const form = await officer.get(`/meetings/${ids.coming}/attendance`);
    expectPage(form, 200, `name="member-${memberId('Councillor Trevor Egleton')}"`);
    const saved = await officer.post(`/meetings/${ids.coming}/attendance/members`, {
      [`member-${memberId('Councillor Trevor Egleton')}`]: 'present',
      [`member-${memberId('Councillor Tony Page')}`]: 'apologies',
    });
    expect(saved.statusCode).toBe(303);
    const added = await officer.post(`/meetings/${ids.coming}/attendance/people`, {
      attendedAs: 'officer',
      name: OFFICER_MARKER,
      capacity: 'Scrutiny Officer',
    });
    expect(added.statusCode).toBe(303);
    const substitute = await officer.post(`/meetings/${ids.coming}/attendance/people`, {
      attendedAs: 'substitute',
      name: 'Councillor Sam Stand-In',
      capacity: 'Reading Borough Council',
      substituteFor: String(memberId('Councillor Tony Page')),
    });
    expect(substitute.statusCode).toBe(303);
    const officerPage = await officer.get(`/meetings/${ids.coming}`);
    expect(officerPage.body).toContain(OFFICER_MARKER);
    expect(officerPage.body).toContain('for Councillor Tony Page, Reading Borough Council');
    await expectNeverPublic(fixture.app, OFFICER_MARKER, [
      `/meetings/${ids.coming}`,
      `/api/v1/meetings/${ids.coming}`,
    ]);
    expect(
      (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.coming}` })).json().attendance,
    ).toBeNull();

    await fixture.services.scrutiny.importPanelFile(system, comingMeeting('held'));
    const held = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.coming}` });
    expect(held.body).toContain(OFFICER_MARKER);
    const api = (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.coming}` })).json();
    expect(api.participant.map((person: { name: string }) => person.name)).toEqual([
      'Councillor Trevor Egleton',
      'Councillor Sam Stand-In',
    ]);
    expect(api.attendance.substitute[0]).toMatchObject({ substituteFor: { name: 'Councillor Tony Page' } });

    const [audit] = await database.current.sql.query<{ actor_label: string; after: string }>(
      "SELECT actor_label, after::text AS after FROM audit_event WHERE record_type = 'meeting_attendance' AND record_id = $1 ORDER BY id DESC LIMIT 1",
      [String(ids.coming)],
    );
    expect(audit?.actor_label).toMatch(/@test\.example$/);
    expect(audit?.after).toContain('Sam Stand-In');
  });

  it('refuses bad attendance, naming the field and saving nothing', async () => {
    const before = await count('meeting_attendance');
    const chair = `member-${memberId('Councillor Trevor Egleton')}`;
    const badChoice = await officer.post(`/meetings/${ids.coming}/attendance/members`, { [chair]: 'maybe' });
    expectRefused(badChoice, `href="#${chair}"`);
    const page = `member-${memberId('Councillor Tony Page')}`;
    const substituted = await officer.post(`/meetings/${ids.coming}/attendance/members`, {
      [page]: 'present',
    });
    expectRefused(substituted, 'Councillor Tony Page has a substitute recorded, so cannot also be present');
    const noMember = await officer.post(`/meetings/${ids.coming}/attendance/people`, {
      attendedAs: 'substitute',
      name: 'Someone',
    });
    expectRefused(noMember, 'href="#substituteFor"');
    const forPresent = await officer.post(`/meetings/${ids.coming}/attendance/people`, {
      attendedAs: 'substitute',
      name: 'Someone',
      substituteFor: String(memberId('Councillor Trevor Egleton')),
    });
    expect(forPresent.body).toContain(
      'Councillor Trevor Egleton is recorded as present, so needs no substitute',
    );
    const noName = await officer.post(`/meetings/${ids.coming}/attendance/people`, {
      attendedAs: 'other',
      name: ' ',
    });
    expect(noName.body).toContain('Enter the person’s name');
    expect(noName.body).toContain('href="#name"');
    expect(await count('meeting_attendance')).toBe(before);
  });

  it('removes a person from the attendance, for the officer only', async () => {
    const [row] = await database.current.sql.query<{ id: number }>(
      'SELECT id FROM meeting_attendance WHERE meeting_id = $1 AND name = $2',
      [ids.coming, OFFICER_MARKER],
    );
    const url = `/meetings/${ids.coming}/attendance/people/${row?.id}/delete`;
    expect((await member.post(url)).statusCode).toBe(403);
    expect((await officer.post(url)).statusCode).toBe(303);
    expect((await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.coming}` })).body).not.toContain(
      OFFICER_MARKER,
    );
    expect((await officer.post(url)).statusCode).toBe(404);
  });

  it('records a declaration of interest on an agenda item, refusing bad ones by field', async () => {
    const before = await count('interest_declaration');
    const bad = await officer.post(`/meetings/${ids.coming}/declarations`, {
      member: '',
      agendaItem: String(ids.draftPlanItem),
      kind: 'secret',
      description: '',
    });
    expect(bad.statusCode).toBe(400);
    for (const field of ['member', 'kind', 'description', 'participation'])
      expect(bad.body, field).toContain(`href="#${field}"`);
    const otherMeetingsItem = await officer.post(`/meetings/${ids.coming}/declarations`, {
      member: String(memberId('Councillor Ian White')),
      agendaItem: String(ids.draftPlanItem),
      kind: 'other-registrable',
      description: 'A governor of a school',
      participation: 'took-part',
    });
    expect(otherMeetingsItem.body).toContain('Select an agenda item of this meeting');
    const notAMember = await officer.post(`/meetings/${ids.coming}/declarations`, {
      member: '999999',
      kind: 'other-registrable',
      description: 'x',
      participation: 'took-part',
    });
    expect(notAMember.body).toContain('Select a member of this panel');
    expect(await count('interest_declaration')).toBe(before);

    const made = await officer.post(`/meetings/${ids.coming}/declarations`, {
      member: String(memberId('Councillor Ian White')),
      agendaItem: String(ids.grantsItem),
      kind: 'other-registrable',
      description: 'Chairs a community safety partnership that applies for grants',
      participation: 'left-the-room',
    });
    expect(made.statusCode).toBe(303);
    const page = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.coming}` });
    expect(page.body).toContain(
      'Councillor Ian White, Item 2: Grants to councils: other registrable interest. Chairs a community safety partnership that applies for grants Left the room for the item.',
    );
    const api = (await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.coming}` })).json();
    expect(api.declarations).toEqual([
      {
        person: { type: 'Person', id: memberId('Councillor Ian White'), name: 'Councillor Ian White' },
        agendaItem: ids.grantsItem,
        kind: 'other-registrable',
        description: 'Chairs a community safety partnership that applies for grants',
        participation: 'left-the-room',
      },
    ]);
  });

  it('keeps a public register of interests, withholding a sensitive interest’s details', async () => {
    const register = '/panels/thames-valley-panel/interests';
    const open = await officer.post(register, {
      member: String(memberId('Councillor Kieron Mallon')),
      category: 'employment',
      description: 'Director, a transport consultancy',
      registeredOn: '2016-06-01',
    });
    expect(open.statusCode).toBe(303);
    const sensitive = await officer.post(register, {
      member: String(memberId('Julia Girling')),
      category: 'land',
      description: SENSITIVE_MARKER,
      sensitive: 'yes',
      registeredOn: '2016-06-01',
    });
    expect(sensitive.statusCode).toBe(303);

    const page = await fixture.app.inject({ method: 'GET', url: register });
    expectPage(
      page,
      200,
      'Director, a transport consultancy',
      'A sensitive interest: its details are withheld from the public register',
    );
    await expectNeverPublic(fixture.app, SENSITIVE_MARKER, [register, `/meetings/${ids.october}`]);
    expect((await member.get(register)).body).not.toContain(SENSITIVE_MARKER);
    expect((await officer.get(register)).body).toContain(SENSITIVE_MARKER);
    expect(
      (await fixture.app.inject({ method: 'GET', url: '/panels/no-such-panel/interests' })).statusCode,
    ).toBe(404);
  });

  it('refuses a bad interest by field, lets only the officer change the register, and removes from today', async () => {
    const register = '/panels/thames-valley-panel/interests';
    const before = await count('member_interest');
    const bad = await officer.post(register, {
      member: String(memberId('Councillor Ian White')),
      category: 'bribes',
      description: ' ',
      registeredOn: addDays(londonDateOf(new Date()), 2),
    });
    expect(bad.statusCode).toBe(400);
    for (const field of ['category', 'description']) expect(bad.body, field).toContain(`href="#${field}"`);
    const future = await officer.post(register, {
      member: String(memberId('Councillor Ian White')),
      category: 'land',
      description: 'A house',
      registeredOn: addDays(londonDateOf(new Date()), 2),
    });
    expect(future.body).toContain('The date the interest was registered must be today or in the past');
    expect((await member.post(register, { member: '1' })).statusCode).toBe(403);
    expect(await count('member_interest')).toBe(before);

    const [interest] = await database.current.sql.query<{ id: number }>(
      "SELECT id FROM member_interest WHERE description = 'Director, a transport consultancy'",
    );
    const removed = await officer.post(`${register}/${interest?.id}/remove`);
    expect(removed.statusCode).toBe(303);
    expect((await fixture.app.inject({ method: 'GET', url: register })).body).not.toContain(
      'transport consultancy',
    );
    expect((await officer.post(`${register}/${interest?.id}/remove`)).statusCode).toBe(404);
  });

  it('takes the date an interest was registered as day, month and year, naming an impossible date on its field', async () => {
    const register = interestsPaths.register({ slug: 'thames-valley-panel' });
    const interest = {
      member: String(memberId('Councillor Ian White')),
      category: 'licences',
      description: 'A licence to sell alcohol',
    };
    const registeredOn = (day: string) =>
      officer.post(register, {
        ...interest,
        'registeredOn-day': day,
        'registeredOn-month': '2',
        'registeredOn-year': '2017',
      });
    const impossible = await registeredOn('29');
    expectRefused(impossible, 'href="#registeredOn"');
    expect(impossible.body).toMatch(
      /id="registeredOn-error"[^>]*>[^<]*<span[^>]*>Error:<\/span> The date the interest was registered must be a real date/,
    );
    expect(impossible.body).toMatch(/name="registeredOn-day"[^>]*value="29"/);
    const registered = await registeredOn('28');
    expect(registered.statusCode).toBe(303);
    expect((await fixture.app.inject({ method: 'GET', url: register })).body).toMatch(
      /A licence to sell alcohol\s*<span class="govuk-body-s">Registered 28 February 2017\.<\/span>/,
    );
  });
});
