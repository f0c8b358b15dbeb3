import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import type { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { signInAs } from '../../accounts/accounts.testing.ts';
import { demoPanelMeetings, latestAudit, loadDemoPanel } from '../scrutiny-records.testing.ts';
import { parseRecordsFile } from './records.files.ts';

const demo = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/scrutiny', file), 'utf8');
const system = systemActor('test');
const coming = addDays(londonDateOf(new Date()), 30);

describe.each(testEngines())('groups and work programme pages on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  const officerEmail = 'records.officer@test.example';
  const groups: Record<string, number> = {};
  /** The panel's members by name. */
  const members: Record<string, number> = {};
  const entryOn = async (date: string) => {
    const programme = await fixture.services.scrutiny.records.workProgramme.readProgramme(system);
    return [...programme.coming, ...programme.past].find(({ entry }) => entry.meetsOn === date);
  };

  beforeAll(async () => {
    await loadDemoPanel(
      fixture,
      demoPanelMeetings(`
meetings: [{ title: Coming meeting, date: ${coming}, time: '11:00', venue: Council Offices, status: scheduled }]
`),
    );
    await fixture.services.scrutiny.records.importRecordsFile(
      system,
      parseRecordsFile(demo('records/thames-valley-panel.yaml')),
    );
    await fixture.services.scrutiny.records.importRecordsFile(
      system,
      parseRecordsFile(`
format: peelian-scrutiny-records/1
body: thames-valley-panel
workProgramme:
  - { programme: 2099/00, date: ${coming}, mainFocus: The annual report, function: annual-report, items: [{ title: Public questions }] }
`),
    );
    for (const { group } of await fixture.services.scrutiny.records.committees.listAll())
      groups[group.slug] = group.id;
    officer = await signInAs(fixture, {
      role: 'scrutiny-officer',
      body: 'thames-valley-panel',
      email: officerEmail,
    });
    const [first] = await fixture.services.scrutiny.listMeetings(system);
    for (const member of (await fixture.services.scrutiny.readMeeting(system, first?.meeting.id ?? 0))
      .members)
      members[member.name] = member.id;
  });

  it('lists the groups and shows one with its terms, functions and recommendations', async () => {
    const list = await fixture.app.inject({ method: 'GET', url: '/scrutiny/committees' });
    expectPage(
      list,
      200,
      'Preventing Child Sexual Exploitation Sub-Committee',
      'Budget Task and Finish Group',
    );
    const plan = await fixture.app.inject({
      method: 'GET',
      url: `/scrutiny/committees/${groups['plan-task-and-finish-group']}`,
    });
    expect(plan.body).toContain('the group gathers evidence and reports to the full panel, which decides');
    expect(plan.body).toContain('one of the panel’s special functions');
    const cse = await fixture.app.inject({
      method: 'GET',
      url: `/scrutiny/committees/${groups['preventing-cse-sub-committee']}`,
    });
    expect(cse.body).toContain('CSE-2016-8');
    expect(cse.body).toContain('the group carries this out for the panel');
    expect((await fixture.app.inject({ method: 'GET', url: '/scrutiny/committees/999999' })).statusCode).toBe(
      404,
    );
  });

  it('refuses, on the form, to delegate a special function to a new group', async () => {
    const form = await officer.get('/scrutiny/committees/new');
    expect(form.statusCode).toBe(200);
    const refused = await officer.post('/scrutiny/committees', {
      panel: 'thames-valley-panel',
      name: 'Hearings Group',
      kind: 'sub-committee',
      termsOfReference: 'Holds confirmation hearings.',
      delegated: 'confirmation-hearing',
    });
    expectRefused(
      refused,
      'href="#delegated"',
      'A sub-committee cannot discharge confirmation hearings for senior appointments',
    );
    expect(refused.body).toMatch(/value="confirmation-hearing" checked/);
    const made = await officer.post('/scrutiny/committees', {
      panel: 'thames-valley-panel',
      name: 'Hearings Group',
      kind: 'sub-committee',
      termsOfReference: 'Prepares questions for confirmation hearings.',
      advisory: 'confirmation-hearing',
    });
    expect(made.statusCode).toBe(303);
    expect(
      (await fixture.app.inject({ method: 'GET', url: made.headers.location as string })).body,
    ).toContain('Hearings Group');
  });

  it('shows the work programme: coming meetings first, then the 2016/17 programme', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: '/scrutiny/work-programme' });
    expectPage(
      page,
      200,
      'Coming meetings',
      'The annual report',
      'A statutory item for the full panel: reviewing the annual report',
      'Work programme 2016/17: past meetings',
      'Confirmation hearing for the Deputy PCC, after the meeting',
    );
    expect(page.body.indexOf('The annual report')).toBeLessThan(page.body.indexOf('2016/17'));
    // Entries link to the meeting held on their date.
    expect(page.body).toMatch(/<a class="govuk-link" href="\/meetings\/\d+">16 December 2016<\/a>/);
    expect(page.body.indexOf('17 November 2017')).toBeLessThan(page.body.indexOf('16 December 2016'));
  });

  it('lets the officer add and remove members of a group, one chair at a time, naming the field of a mistake', async () => {
    const url = `/scrutiny/committees/${groups['preventing-cse-sub-committee']}`;
    expect((await fixture.app.inject({ method: 'GET', url })).body).not.toContain('Add a member');
    const page = await officer.get(url);
    expect(page.body).toContain('Add a member');
    expect(page.body).toContain(
      `<option value="${members['Councillor Kieron Mallon']}">Councillor Kieron Mallon (`,
    );
    const empty = await officer.post(`${url}/members`, { member: '', role: '' });
    expectRefused(empty, 'href="#member"', 'href="#role"');
    const stranger = await officer.post(`${url}/members`, { member: '999999', role: 'member' });
    expectRefused(stranger, 'Select a member of the panel');
    const chair = await officer.post(`${url}/members`, {
      member: String(members['Councillor Kieron Mallon']),
      role: 'chair',
    });
    expect(chair.statusCode).toBe(303);
    expect(chair.headers.location).toBe(`${url}#members`);
    const shown = await fixture.app.inject({ method: 'GET', url });
    expect(shown.body).toMatch(
      /Councillor Kieron Mallon <span class="govuk-hint govuk-!-display-inline">\(Chair\)/,
    );
    const secondChair = await officer.post(`${url}/members`, {
      member: String(members['Councillor Tony Page']),
      role: 'chair',
    });
    expectRefused(secondChair, 'Councillor Kieron Mallon already chairs the group');
    const twice = await officer.post(`${url}/members`, {
      member: String(members['Councillor Kieron Mallon']),
      role: 'member',
    });
    expectRefused(twice, 'Councillor Kieron Mallon is already in the Preventing Child Sexual Exploitation');
    expect(
      (
        await officer.post(`${url}/members`, {
          member: String(members['Councillor Tony Page']),
          role: 'member',
        })
      ).statusCode,
    ).toBe(303);
    const removed = await officer.post(`${url}/members/${members['Councillor Kieron Mallon']}/delete`);
    expect(removed.statusCode).toBe(303);
    const after = await fixture.app.inject({ method: 'GET', url });
    expect(after.body).not.toContain('Councillor Kieron Mallon');
    expect(after.body).toContain('Councillor Tony Page');
    expect(
      await latestAudit(
        database.current,
        'scrutiny_group_member',
        `${groups['preventing-cse-sub-committee']}/${members['Councillor Kieron Mallon']}`,
      ),
    ).toMatchObject({ actor_label: officerEmail, action: 'delete' });
    expect(
      (await officer.post(`${url}/members/${members['Councillor Kieron Mallon']}/delete`)).statusCode,
    ).toBe(404);
  });

  it('lets the officer add a coming meeting to the work programme, refusing bad input field by field', async () => {
    expect((await fixture.app.inject({ method: 'GET', url: '/scrutiny/work-programme' })).body).not.toContain(
      'Add to the work programme</a>',
    );
    expect((await officer.get('/scrutiny/work-programme')).body).toContain(
      '<a class="govuk-link" href="/scrutiny/work-programme/new">Add to the work programme</a>',
    );
    const form = await officer.get('/scrutiny/work-programme/new');
    expect(form.statusCode).toBe(200);
    const wrongYears = await officer.post('/scrutiny/work-programme', {
      panel: 'thames-valley-panel',
      programme: '2017/19',
      meetsOn: '',
    });
    expectRefused(
      wrongYears,
      'href="#programme"',
      'Enter the programme year as two years in a row, for example 2016/17',
      'href="#meetsOn"',
    );
    const past = await officer.post('/scrutiny/work-programme', {
      panel: 'thames-valley-panel',
      programme: '2016/17',
      meetsOn: '2017-02-10',
    });
    expectRefused(past, 'The work programme plans coming meetings');
    const taken = await officer.post('/scrutiny/work-programme', {
      panel: 'thames-valley-panel',
      programme: '2099/00',
      meetsOn: coming,
    });
    expectRefused(taken, 'The work programme already has an entry for the meeting on');
    const later = addDays(coming, 7);
    const added = await officer.post('/scrutiny/work-programme', {
      panel: 'thames-valley-panel',
      programme: '2099/00',
      meetsOn: later,
      mainFocus: 'Road safety',
      function: '',
      items: 'Public questions\r\n\r\nTopical issues\r\n',
    });
    expect(added.statusCode).toBe(303);
    const page = await fixture.app.inject({ method: 'GET', url: '/scrutiny/work-programme' });
    expect(page.body).toContain('Road safety');
    const entry = await entryOn(later);
    expect(entry?.items.map((item) => item.title)).toEqual(['Public questions', 'Topical issues']);
    expect(await latestAudit(database.current, 'work_programme_entry', entry?.entry.id ?? 0)).toMatchObject({
      actor_label: officerEmail,
      action: 'create',
    });
  });

  it('changes an entry, keeping the functions of the items it keeps, and removes one', async () => {
    const february = await entryOn('2017-02-03');
    const url = `/scrutiny/work-programme/${february?.entry.id}`;
    expect((await officer.get('/scrutiny/work-programme')).body).toContain(`href="${url}/edit"`);
    const form = await officer.get(`${url}/edit`);
    expectPage(form, 200, 'Confirmation hearing for the Deputy PCC, after the meeting\nPublic questions');
    const bad = await officer.post(url, { programme: '2016/17', meetsOn: 'soon', items: '' });
    expectRefused(bad, 'href="#meetsOn"', 'The date of the meeting must be a date as YYYY-MM-DD');
    const changed = await officer.post(url, {
      programme: '2016/17',
      meetsOn: '2017-02-03',
      mainFocus: 'The precept',
      function: 'precept',
      items: 'Confirmation hearing for the Deputy PCC, after the meeting\nRoad safety',
    });
    expect(changed.statusCode).toBe(303);
    expect((await entryOn('2017-02-03'))?.items).toEqual([
      expect.objectContaining({
        position: 1,
        title: 'Confirmation hearing for the Deputy PCC, after the meeting',
        function: 'confirmation-hearing',
      }),
      expect.objectContaining({ position: 2, title: 'Road safety', function: null }),
    ]);
    const moved = await officer.post(url, { programme: '2016/17', meetsOn: '2017-02-04', items: '' });
    expectRefused(moved, 'The work programme plans coming meetings');
    expect((await officer.post(`${url}/delete`)).statusCode).toBe(303);
    expect(await entryOn('2017-02-03')).toBeUndefined();
    expect(
      await latestAudit(database.current, 'work_programme_entry', february?.entry.id ?? 0),
    ).toMatchObject({
      action: 'delete',
    });
    expect((await officer.get(`${url}/edit`)).statusCode).toBe(404);
  });
});
