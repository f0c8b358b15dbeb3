import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import type { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';
import { latestAudit, loadDemoPanelRecords } from '../scrutiny-records.testing.ts';
import { minutesPaths } from './minutes.paths.ts';

const system = systemActor('test');
const dueSoon = addDays(londonDateOf(new Date()), 40);
/** Only the recommendation the tests make from an item heard in private contains this. */
const PRIVATE_MARKER = 'Quillonby private recommendation';

describe.each(testEngines())('changing minutes in the browser on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  const officerEmail = 'minutes.officer@test.example';
  let member: TestClient;
  let october: number;
  let december: number;
  /** October's minute items by number, as they stand at the start. */
  const item: Record<number, number> = {};
  const minutesUrl = () => `/meetings/${october}/minutes`;
  const itemUrl = (number: number) => `/meetings/${october}/minutes/items/${item[number]}`;

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    const { meetings } = await loadDemoPanelRecords(fixture.services);
    october = meetings.october ?? 0;
    december = meetings.december ?? 0;
    for (const entry of (await fixture.services.scrutiny.records.minutes.readMinutes(system, october)).items)
      item[entry.number] = entry.id;
    officer = await signInAs(fixture, {
      role: 'scrutiny-officer',
      body: 'thames-valley-panel',
      email: officerEmail,
    });
    member = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-panel' });
  });

  it('offers the officer a change link on each draft item, and shows the item’s form with its values', async () => {
    const minutes = await officer.get(minutesUrl());
    expect(minutes.body).toContain(`href="${itemUrl(73)}/edit"`);
    expect((await member.get(minutesUrl())).body).not.toContain('/edit"');
    const form = await officer.get(`${itemUrl(73)}/edit`);
    expectPage(form, 200, 'Change minute 73');
    expect(form.body).toMatch(
      /name="title"[^>]*value="Proposals for Future Operation of the Police and Crime Panel"/,
    );
    expect(form.body).toContain('Delete minute 73');
    expect((await member.get(`${itemUrl(73)}/edit`)).statusCode).toBe(403);
  });

  it('changes a draft item, keeping its number; bad input is named on the field and saves nothing', async () => {
    const empty = await officer.post(itemUrl(73), { title: '', text: 'Still here.', agendaItem: '' });
    expectRefused(
      empty,
      '<title>Error: ',
      'href="#title"',
      'Enter the minute’s title',
      '>Still here.</textarea>',
    );
    const badAgenda = await officer.post(itemUrl(73), {
      title: 'Future',
      text: 'Text.',
      agendaItem: '999999',
    });
    expectRefused(badAgenda, 'href="#agendaItem"');
    const saved = await officer.post(itemUrl(73), {
      title: 'Future Operation of the Panel',
      text: 'Members considered how the panel might work in future.',
      agendaItem: '',
      exemptParagraph: '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${minutesUrl()}#minute-item-${item[73]}`);
    expect((await officer.get(minutesUrl())).body).toContain('73. Future Operation of the Panel');
    const audit = await latestAudit(database.current, 'minute_item', item[73] ?? 0);
    expect(audit).toMatchObject({ actor_label: officerEmail, action: 'update' });
    expect(audit?.after).toContain('Future Operation of the Panel');
  });

  it('changes a decision; one in the recommendations ledger stays a recommendation', async () => {
    const noKind = await officer.post(`${itemUrl(68)}/decisions/1`, { text: 'Agreed.' });
    expectRefused(noKind, 'href="#decision-1-kind"', 'id="decision-1-kind"');
    const resolved = await officer.post(`${itemUrl(68)}/decisions/1`, {
      kind: 'resolved',
      text: 'That the minutes of the previous meeting be agreed, as corrected.',
    });
    expect(resolved.statusCode).toBe(303);
    expect((await officer.get(minutesUrl())).body).toContain(
      '<strong>Resolved:</strong> That the minutes of the previous meeting be agreed, as corrected.',
    );
    const edit = await officer.get(`${itemUrl(70)}/edit`);
    expect(edit.body).toContain('In the recommendations ledger as');
    const unrecommend = await officer.post(`${itemUrl(70)}/decisions/1`, { kind: 'noted', text: 'Noted.' });
    expectRefused(unrecommend, 'in the recommendations ledger as PCP-70, so it stays a recommendation');
    expect((await officer.post(`${itemUrl(70)}/decisions/9`, { kind: 'noted', text: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('adds a recommendation of the minutes to the ledger once, linked to its meeting and minute', async () => {
    const page = await officer.get(minutesUrl());
    expect(page.body).toMatch(
      /In the recommendations ledger as <a class="govuk-link" href="\/scrutiny\/recommendations\/\d+">PCP-70<\/a>/,
    );
    expect(page.body).toContain(`action="${itemUrl(73)}/decisions/1/ledger"`);
    expect(page.body).not.toContain(`action="${itemUrl(70)}/decisions/1/ledger"`);
    const ledgerUrl = `${itemUrl(73)}/decisions/1/ledger`;
    const noAddressee = await officer.post(ledgerUrl, {
      topic: 'Future operation',
      addressee: '',
      responseDueOn: '',
    });
    expectRefused(
      noAddressee,
      `href="#ledger-${item[73]}-1-addressee"`,
      'Enter who the recommendation is for',
    );
    const early = await officer.post(ledgerUrl, {
      topic: 'Future operation',
      addressee: 'Scrutiny Officer',
      responseDueOn: '2016-10-01',
    });
    expectRefused(early, 'The response deadline must be on or after the meeting, on 21 October 2016');
    const impossible = await officer.post(ledgerUrl, {
      addressee: 'Scrutiny Officer',
      'responseDueOn-day': '31',
      'responseDueOn-month': '2',
      'responseDueOn-year': '2017',
    });
    expectRefused(
      impossible,
      `href="#ledger-${item[73]}-1-responseDueOn"`,
      'The response deadline must be a real date',
    );
    expect(impossible.body).toMatch(/name="responseDueOn-day"[^>]*value="31"/);
    const before = (
      await fixture.services.scrutiny.records.recommendations.listLedger(system, {
        status: null,
        origin: null,
        overdue: null,
      })
    ).length;
    const [dueYear = '', dueMonth = '', dueDay = ''] = dueSoon.split('-');
    const added = await officer.post(ledgerUrl, {
      topic: 'Future operation',
      addressee: 'Scrutiny Officer',
      'responseDueOn-day': dueDay,
      'responseDueOn-month': dueMonth,
      'responseDueOn-year': dueYear,
    });
    expect(added.statusCode).toBe(303);
    const entry = await member.get(added.headers.location as string);
    expect(entry.body).toContain('Recommendation 2016-1: Future operation');
    expect(entry.body).toContain(`href="${minutesUrl()}#minute-73">minute 73</a>`);
    expect(entry.body).toContain('That members send their comments on the report to the Scrutiny Officer.');
    const json = (
      await member.get(`/api/v1${(added.headers.location as string).replace('/scrutiny', '')}`)
    ).json();
    expect(json).toMatchObject({ reference: '2016-1', origin: 'panel', minute: 73, responseDue: dueSoon });

    const again = await officer.post(ledgerUrl, {
      topic: '',
      addressee: 'Scrutiny Officer',
      responseDueOn: '',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already in the recommendations ledger as 2016-1');
    const notRecommended = await officer.post(`${itemUrl(68)}/decisions/1/ledger`, {
      addressee: 'PCC',
      responseDueOn: '',
    });
    expect(notRecommended.statusCode).toBe(409);
    expect(
      (
        await fixture.services.scrutiny.records.recommendations.listLedger(system, {
          status: null,
          origin: null,
          overdue: null,
        })
      ).length,
    ).toBe(before + 1);
    expect((await member.post(ledgerUrl, { addressee: 'PCC' })).statusCode).toBe(403);

    // A corrected wording in the draft is carried to the entry that copied it.
    expect(
      (
        await officer.post(`${itemUrl(73)}/decisions/1`, {
          kind: 'recommended',
          text: 'That members send their comments on the report to the Scrutiny Officer by the end of November.',
        })
      ).statusCode,
    ).toBe(303);
    expect((await member.get(added.headers.location as string)).body).toContain('by the end of November.');

    // The minutes are a draft, so the entry is for the panel's members and officer until they are approved.
    const calendar = await member.get('/calendar');
    expect(calendar.body).toContain('Response due to recommendation 2016-1: Future operation');
    expect(calendar.body).toContain(formatDate(dueSoon));
    expect((await member.get('/scrutiny/recommendations.csv')).body).toContain('by the end of November.');
    const entryApi = `/api/v1${(added.headers.location as string).replace('/scrutiny', '')}`;
    await expectNeverPublic(fixture.app, 'by the end of November.', [
      added.headers.location as string,
      entryApi,
    ]);
    await expectNeverPublic(fixture.app, 'Response due to recommendation 2016-1', ['/calendar.ics']);
    expect(
      (await fixture.app.inject({ method: 'GET', url: added.headers.location as string })).statusCode,
    ).toBe(404);
    expect((await fixture.app.inject({ method: 'GET', url: entryApi })).statusCode).toBe(404);
  });

  it('keeps a recommendation from an item heard in private off the public calendar and ledger', async () => {
    expect(
      (
        await officer.post(itemUrl(72), {
          title: 'Recommendation Monitoring',
          text: 'Members discussed a named driver.',
          agendaItem: '',
          exemptParagraph: '1',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await officer.post(`${itemUrl(72)}/decisions`, {
          kind: 'recommended',
          text: `That the ${PRIVATE_MARKER} be sent.`,
        })
      ).statusCode,
    ).toBe(303);
    const added = await officer.post(`${itemUrl(72)}/decisions/1/ledger`, {
      topic: 'Licensing',
      addressee: 'Chief Constable',
      responseDueOn: dueSoon,
    });
    expect(added.statusCode).toBe(303);
    await expectNeverPublic(fixture.app, PRIVATE_MARKER, [added.headers.location as string]);
    expect(
      (await fixture.app.inject({ method: 'GET', url: added.headers.location as string })).statusCode,
    ).toBe(404);
    expect((await member.get('/calendar')).body).toContain(
      'Response due to recommendation 2016-2: Licensing',
    );
    expect((await member.get(added.headers.location as string)).body).toContain(PRIVATE_MARKER);
  });

  it('follows up an action: a new due date, or the day it was done; wrong dates are named on the field', async () => {
    const minutes = await officer.get(minutesUrl());
    const actionUrl = `${itemUrl(71)}/actions/1`;
    expect(minutes.body).toContain(`href="${actionUrl}"`);
    const page = await officer.get(actionUrl);
    expectPage(
      page,
      200,
      'Follow up an action',
      'Review the comments made in the earlier uniform consultation',
    );
    const future = await officer.post(actionUrl, { dueOn: '', doneOn: addDays(londonDateOf(new Date()), 2) });
    expectRefused(future, 'href="#doneOn"', 'The date it was done cannot be in the future');
    const early = await officer.post(actionUrl, { dueOn: '2016-09-30', doneOn: '' });
    expectRefused(early, 'The due date cannot be before the meeting, on 21 October 2016');
    const badDate = await officer.post(actionUrl, { dueOn: '31/01/2017', doneOn: '' });
    expectRefused(badDate, 'The due date must be a date as YYYY-MM-DD');
    expect((await officer.post(actionUrl, { dueOn: '2017-01-31', doneOn: '2017-01-20' })).statusCode).toBe(
      303,
    );
    expect((await officer.get(minutesUrl())).body).toContain('due 31 January 2017, done 20 January 2017.');
    expect(await latestAudit(database.current, 'minute_action', `${item[71]}/1`)).toMatchObject({
      actor_label: officerEmail,
      after: expect.stringContaining('2017-01-20'),
    });
    expect((await member.post(actionUrl, { dueOn: '', doneOn: '' })).statusCode).toBe(403);
  });

  it('takes an action’s dates as day, month and year, and names an impossible date on its field', async () => {
    const at = { id: october, itemId: item[73] ?? 0 };
    const addUrl = minutesPaths.actions(at);
    const impossible = await officer.post(addUrl, {
      text: 'Write to the councils',
      owner: 'Scrutiny Officer',
      'dueOn-day': '30',
      'dueOn-month': '2',
      'dueOn-year': '2017',
    });
    expectRefused(impossible, `href="#action-dueOn-${at.itemId}"`);
    expect(impossible.body).toMatch(
      new RegExp(
        `id="action-dueOn-${at.itemId}-error"[^>]*>[^<]*<span[^>]*>Error:</span> The due date must be a real date`,
      ),
    );
    expect(impossible.body).toMatch(/name="dueOn-day"[^>]*value="30"/);
    const added = await officer.post(addUrl, {
      text: 'Write to the councils',
      owner: 'Scrutiny Officer',
      'dueOn-day': '3',
      'dueOn-month': '2',
      'dueOn-year': '2017',
    });
    expect(added.statusCode).toBe(303);
    const action = (await fixture.services.scrutiny.records.minutes.readMinutes(system, october)).items
      .find((entry) => entry.id === at.itemId)
      ?.actions.find((entry) => entry.text === 'Write to the councils');
    expect(action).toMatchObject({ dueOn: '2017-02-03', doneOn: null });

    const followUpUrl = minutesPaths.action({ ...at, position: action?.position ?? 0 });
    const followUp = await officer.get(followUpUrl);
    expect(followUp.body).toMatch(/name="dueOn-month"[^>]*value="02"/);
    const notReal = await officer.post(followUpUrl, {
      'dueOn-day': '3',
      'dueOn-month': '2',
      'dueOn-year': '2017',
      'doneOn-day': '31',
      'doneOn-month': '4',
      'doneOn-year': '2017',
    });
    expectRefused(notReal, 'href="#doneOn"');
    expect(notReal.body).toMatch(
      /id="doneOn-error"[^>]*>[^<]*<span[^>]*>Error:<\/span> The date it was done must be a real date/,
    );
    const done = await officer.post(followUpUrl, {
      'dueOn-day': '3',
      'dueOn-month': '2',
      'dueOn-year': '2017',
      'doneOn-day': '1',
      'doneOn-month': 'Feb',
      'doneOn-year': '2017',
    });
    expect(done.statusCode).toBe(303);
    expect((await officer.get(minutesUrl())).body).toContain(
      'Write to the councils <span class="govuk-!-font-weight-bold">Owner: Scrutiny Officer</span>, due 3 February 2017, done 1 February 2017.',
    );
  });

  it('deletes a draft item, moving the later items up one number; refuses while the ledger records it', async () => {
    const recorded = await officer.post(`${itemUrl(70)}/delete`);
    expect(recorded.statusCode).toBe(409);
    expect(recorded.body).toContain(
      'Minute 70 cannot be deleted: the recommendations ledger records PCP-70 from it',
    );
    const deleted = await officer.post(`${itemUrl(74)}/delete`);
    expect(deleted.statusCode).toBe(303);
    const minutes = (await fixture.services.scrutiny.records.minutes.readMinutes(system, october)).items;
    expect(minutes.map((entry) => `${entry.number}. ${entry.title}`)).toEqual([
      '67. Declarations of Interest',
      '68. Minutes',
      '69. Public Question Time',
      '70. Themed Item - Collaboration',
      '71. Topical Issues',
      '72. Recommendation Monitoring',
      '73. Future Operation of the Panel',
      '74. Date and Time of Next Meeting',
    ]);
    expect(await latestAudit(database.current, 'minute_item', item[75] ?? 0)).toMatchObject({
      after: '{"number": 74}',
    });
    expect(await latestAudit(database.current, 'minute_item', item[74] ?? 0)).toMatchObject({
      action: 'delete',
    });
  });

  it('refuses to delete an item once a later meeting’s minutes carry the numbering on', async () => {
    expect(
      (
        await officer.post(`/meetings/${december}/minutes/items`, {
          number: '75',
          title: 'Apologies for Absence',
          text: 'Apologies were received.',
        })
      ).statusCode,
    ).toBe(303);
    const refused = await officer.post(`${itemUrl(69)}/delete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(
      'the minutes of 16 December 2016 carry the numbering on from these minutes (from 75)',
    );
    expect((await fixture.services.scrutiny.records.minutes.readMinutes(system, october)).items).toHaveLength(
      8,
    );
  });

  it('refuses every change to the minutes once approved, but still takes an action’s follow-up', async () => {
    expect(
      (await officer.post(`${minutesUrl()}/approval`, { approvingMeeting: String(december) })).statusCode,
    ).toBe(303);
    const approvedMessage =
      'The minutes of 21 October 2016 have been approved as a correct record and can no longer be changed';
    for (const attempt of [
      () => officer.get(`${itemUrl(73)}/edit`),
      () => officer.post(itemUrl(73), { title: 'Changed', text: 'Changed.' }),
      () => officer.post(`${itemUrl(73)}/delete`),
      () => officer.post(`${itemUrl(68)}/decisions/1`, { kind: 'noted', text: 'Changed.' }),
    ]) {
      const response = await attempt();
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain(approvedMessage);
    }
    const published = await fixture.app.inject({ method: 'GET', url: minutesUrl() });
    expect(published.body).toContain('73. Future Operation of the Panel');
    expect(published.body).not.toContain('/edit"');
    expect((await officer.get(minutesUrl())).body).toContain(`href="${itemUrl(71)}/actions/1"`);
    expect(
      (await officer.post(`${itemUrl(71)}/actions/1`, { dueOn: '2017-01-31', doneOn: '' })).statusCode,
    ).toBe(303);
    expect((await fixture.app.inject({ method: 'GET', url: minutesUrl() })).body).toContain(
      'due 31 January 2017.',
    );

    // Approved minutes are public, and so is the ledger entry made from them; one heard in private is not.
    expect((await fixture.app.inject({ method: 'GET', url: '/calendar' })).body).toContain(
      'Response due to recommendation 2016-1: Future operation',
    );
    expect((await fixture.app.inject({ method: 'GET', url: '/calendar.ics' })).body).toContain(
      'Response due to recommendation 2016-1',
    );
    expect(
      (await fixture.app.inject({ method: 'GET', url: '/scrutiny/recommendations.csv' })).body,
    ).toContain('by the end of November.');
    await expectNeverPublic(fixture.app, PRIVATE_MARKER);
  });
});
