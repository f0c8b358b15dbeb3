import { beforeAll, describe, expect, it } from 'vitest';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';
import { loadDemoPanelRecords } from '../scrutiny-records.testing.ts';

/** A phrase only the draft minutes of 21 October 2016 contain. */
const DRAFT_MARKER = 'street triage';

describe.each(testEngines())('minutes pages on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let member: TestClient;
  const ids = { october: 0, december: 0 };

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    const { meetings } = await loadDemoPanelRecords(fixture.services);
    ids.october = meetings.october ?? 0;
    ids.december = meetings.december ?? 0;
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
    member = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-panel' });
  });

  it('keeps draft minutes from every public page and the API, and shows them to a panel member', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.october}/minutes` });
    expectPage(page, 200, 'will be published here once the panel approves them');
    expect(page.body).not.toContain('Add a minute item');
    await expectNeverPublic(fixture.app, DRAFT_MARKER, [
      `/meetings/${ids.october}`,
      `/meetings/${ids.october}/minutes`,
      `/api/v1/meetings/${ids.october}/minutes`,
      `/api/v1/meetings/${ids.october}`,
    ]);
    const json = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.october}/minutes` })
    ).json();
    expect(json).toMatchObject({ state: 'draft', items: [] });
    const draft = await member.get(`/meetings/${ids.october}/minutes`);
    expect(draft.body).toContain(DRAFT_MARKER);
    expect(draft.body).toContain('These minutes are a draft');
    expect(draft.body).toContain('70. Themed Item - Collaboration');
    expect(draft.body).toContain('Owner: Chief Constable');
    expect(draft.body).not.toContain('Add a minute item');
  });

  it('lets the scrutiny officer add the next item, refusing a wrong number with the error on the field', async () => {
    const form = await officer.get(`/meetings/${ids.december}/minutes`);
    expect(form.body).toContain('Add a minute item');
    expect(form.body).toMatch(/name="number"[^>]*value="76"/);
    const wrong = await officer.post(`/meetings/${ids.december}/minutes/items`, {
      number: '80',
      title: 'Apologies for Absence',
      text: '',
    });
    expectRefused(wrong, 'Enter what the minute records', 'href="#text"');
    const gap = await officer.post(`/meetings/${ids.december}/minutes/items`, {
      number: '80',
      title: 'Apologies for Absence',
      text: 'Apologies were received.',
    });
    expectRefused(gap, 'The next minute number is 76', '>Apologies were received.</textarea>');
    const added = await officer.post(`/meetings/${ids.december}/minutes/items`, {
      number: '76',
      title: 'Apologies for Absence',
      text: 'Apologies were received.',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/meetings/${ids.december}/minutes#add-item`);
    const page = await officer.get(`/meetings/${ids.december}/minutes`);
    expect(page.body).toContain('76. Apologies for Absence');
    const itemId = /id="minute-item-(\d+)"/.exec(page.body)?.[1] ?? '';
    const badAction = await officer.post(`/meetings/${ids.december}/minutes/items/${itemId}/actions`, {
      text: 'Report back',
      owner: 'PCC',
      dueOn: '3 February',
    });
    expectRefused(badAction, `href="#action-dueOn-${itemId}"`);
    expect(
      (
        await officer.post(`/meetings/${ids.december}/minutes/items/${itemId}/actions`, {
          text: 'Report back',
          owner: 'PCC',
          dueOn: '2017-02-03',
        })
      ).statusCode,
    ).toBe(303);
    expect((await officer.get(`/meetings/${ids.december}/minutes`)).body).toContain('due 3 February 2017');
    const noKind = await officer.post(`/meetings/${ids.december}/minutes/items/${itemId}/decisions`, {
      text: 'Noted.',
    });
    expectRefused(noKind, `href="#decision-kind-${itemId}"`, `id="decision-kind-${itemId}"`);
    expect(
      (
        await officer.post(`/meetings/${ids.december}/minutes/items/${itemId}/decisions`, {
          kind: 'resolved',
          text: 'That the apologies be noted.',
        })
      ).statusCode,
    ).toBe(303);
    expect((await officer.get(`/meetings/${ids.december}/minutes`)).body).toContain(
      '<strong>Resolved:</strong> That the apologies be noted.',
    );
  });

  it('publishes the minutes once approved at a later meeting, in the page and the JSON', async () => {
    const bad = await officer.post(`/meetings/${ids.october}/minutes/approval`, { approvingMeeting: '' });
    expectRefused(bad, 'Select the meeting that approved the minutes');
    const approved = await officer.post(`/meetings/${ids.october}/minutes/approval`, {
      approvingMeeting: String(ids.december),
    });
    expect(approved.statusCode).toBe(303);
    const page = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.october}/minutes` });
    expect(page.body).toContain(DRAFT_MARKER);
    expect(page.body).toContain('Approved as a correct record at the');
    const json = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.october}/minutes` })
    ).json();
    expect(json.state).toBe('approved');
    expect(json.items.map((item: { number: number }) => item.number)).toEqual([
      67, 68, 69, 70, 71, 72, 73, 74, 75,
    ]);
    expect(json.approvedAt.start).toBe('2016-12-16T11:00:00+00:00');
    const meeting = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.october}` })
    ).json();
    expect(meeting.meetingState).toBe('minutes-approved');
  });

  it('refuses the forms to anyone who is not the panel’s scrutiny officer', async () => {
    const anonymous = new TestClient(fixture.app);
    expect(
      (await anonymous.post(`/meetings/${ids.december}/minutes/items`, { number: '77' })).statusCode,
    ).toBe(401);
    expect((await member.post(`/meetings/${ids.december}/minutes/items`, { number: '77' })).statusCode).toBe(
      403,
    );
    expect(
      (await officer.postRaw(`/meetings/${ids.december}/minutes/items`, { number: '77' })).statusCode,
    ).toBe(403);
  });
});
