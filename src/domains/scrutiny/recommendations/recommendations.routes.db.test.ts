import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';
import { parsePanelFile } from '../meetings/panel.files.ts';
import { parseRecordsFile } from '../records/records.files.ts';

const demo = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/scrutiny', file), 'utf8');
const system = systemActor('test');

describe.each(testEngines())('recommendations pages, CSV and API on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let member: TestClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await fixture.services.scrutiny.importPanelFile(system, parsePanelFile(demo('thames-valley-panel.yaml')));
    await fixture.services.scrutiny.records.importRecordsFile(
      system,
      parseRecordsFile(demo('records/thames-valley-panel.yaml')),
    );
    for (const row of await fixture.services.scrutiny.records.recommendations.listLedger(system, {
      status: null,
      origin: null,
      overdue: null,
    }))
      ids[row.reference] = row.id;
    for (const { meeting } of await fixture.services.scrutiny.listMeetings(system))
      if (meeting.title.includes('16 December 2016')) ids.december = meeting.id;
    for (const { group } of await fixture.services.scrutiny.records.committees.listAll())
      ids[group.slug] = group.id;
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
    member = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-panel' });
  });

  it('shows the ledger with a status summary, filtered by status, origin and overdue', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: '/scrutiny/recommendations' });
    expect(page.statusCode).toBe(200);
    // PCP-70 comes from the draft minutes of 21 October 2016, so it is for the panel until they are approved.
    expect(page.body).toContain('19 recommendations');
    expect(page.body).not.toContain('PCP-70');
    expect((await member.get('/scrutiny/recommendations')).body).toContain('20 recommendations');
    expect(page.body).toContain('CSE-2016-8');
    expect(page.body).toMatch(
      /href="\/scrutiny\/recommendations\?status=implemented">Implemented<\/a><\/th><td[^>]*>1</,
    );
    expect(page.body).not.toContain('Add a recommendation');
    expect((await officer.get('/scrutiny/recommendations')).body).toContain('Add a recommendation');
    // An OPCC officer keeps the office's inspection entries in the ledger, but the form here is the panel's.
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body');
    const opcc = await signInAs(fixture, { role: 'opcc-officer', body: 'thames-valley-pcc' });
    expect((await opcc.get('/scrutiny/recommendations')).body).not.toContain('Add a recommendation');
    const implemented = await fixture.app.inject({
      method: 'GET',
      url: '/scrutiny/recommendations?status=implemented',
    });
    expect(implemented.body).toContain('1 recommendation matches the filters');
    expect(implemented.body).toContain('CSE-P3');
    expect(implemented.body).not.toContain('CSE-P5<');
    expect(implemented.body).toContain('href="/scrutiny/recommendations.csv?status=implemented"');
    const fromPanel = await member.get('/scrutiny/recommendations?origin=panel&overdue=no');
    expect(fromPanel.body).toContain('PCP-70');
    expect(fromPanel.body).toContain('1 recommendation matches');
    const bad = await fixture.app.inject({ method: 'GET', url: '/scrutiny/recommendations?status=lost' });
    expectRefused(bad, 'status: status must be one of: awaiting-response, response-overdue,');
  });

  it('counts a recommendation with no response deadline as "No deadline set", never as in time', async () => {
    // No demo recommendation names a deadline, so none is awaiting a response within one.
    const page = await fixture.app.inject({ method: 'GET', url: '/scrutiny/recommendations' });
    const summaryCount = (status: string) =>
      page.body.match(
        new RegExp(`href="/scrutiny/recommendations\\?status=${status}">[^<]+</a></th><td[^>]*>(\\d+)<`),
      )?.[1];
    expect(summaryCount('no-deadline-set')).toBe('16');
    expect(summaryCount('awaiting-response')).toBe('0');
    expect(summaryCount('response-overdue')).toBe('0');
    expect(page.body).toContain('>No deadline set</a>');
    expect(page.body).toContain('sets no period of its own');
    const listed = await fixture.app.inject({
      method: 'GET',
      url: '/scrutiny/recommendations?status=no-deadline-set',
    });
    expect(listed.body).toContain('16 recommendations match the filters');
    expect(listed.body).toContain('No deadline set</strong>');
    const json = await fixture.app.inject({ method: 'GET', url: `/api/v1/recommendations/${ids['CSE-P6']}` });
    expect(json.json()).toMatchObject({ responseDue: null, status: 'no-deadline-set', overdue: false });
  });

  it('exports the ledger as CSV, with the same filters', async () => {
    const csv = await fixture.app.inject({
      method: 'GET',
      url: '/scrutiny/recommendations.csv?origin=sub-committee',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="recommendations.csv"');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(
      /^reference,body,origin,made_by,minute,made_on,topic,function,recommendation,addressee,/,
    );
    expect(lines).toHaveLength(20);
    const taxi = lines.find((line) => line.startsWith('CSE-P5,'));
    expect(taxi).toContain(',partly-accepted,2016-12-16,');
    expect(taxi).toContain(',4,0,');
    expect(taxi).toContain(',in-progress,no,');
  });

  it('serves the ledger as JSON filtered by status, and describes it in the OpenAPI document', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/api/v1/recommendations?status=in-progress',
    });
    expect(response.statusCode).toBe(200);
    const { recommendations } = response.json();
    expect(recommendations).toHaveLength(1);
    expect(recommendations[0]).toMatchObject({
      type: 'Recommendation',
      reference: 'CSE-P5',
      origin: 'sub-committee',
      group: { name: 'Preventing Child Sexual Exploitation Sub-Committee' },
      response: { kind: 'partly-accepted', date: '2016-12-16' },
      status: 'in-progress',
      overdue: false,
    });
    expect(recommendations[0].actions).toHaveLength(4);
    const bad = await fixture.app.inject({ method: 'GET', url: '/api/v1/recommendations?overdue=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ field: 'overdue', message: 'overdue must be yes or no' }]);
    const one = await member.get(`/api/v1/recommendations/${ids['PCP-70']}`);
    expect(
      (await fixture.app.inject({ method: 'GET', url: `/api/v1/recommendations/${ids['PCP-70']}` }))
        .statusCode,
    ).toBe(404);
    expect(one.json()).toMatchObject({ reference: 'PCP-70', minute: 70, status: 'no-deadline-set' });
    expect(
      (await fixture.app.inject({ method: 'GET', url: '/api/v1/recommendations/999999' })).statusCode,
    ).toBe(404);
    const doc = (await fixture.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/recommendations',
        '/api/v1/recommendations/{id}',
        '/api/v1/meetings/{id}/minutes',
      ]),
    );
  });

  it('shows a recommendation with its response, actions and progress; the officer records a response', async () => {
    const page = await fixture.app.inject({
      method: 'GET',
      url: `/scrutiny/recommendations/${ids['CSE-P5']}`,
    });
    expectPage(
      page,
      200,
      'Recommendation CSE-P5: Taxi licensing',
      'Partly accepted',
      'Thames Valley Police Licensing Team Manager',
    );
    expect(page.body).not.toContain('Record the response');

    const url = `/scrutiny/recommendations/${ids['CSE-2016-2']}`;
    expect((await officer.get(url)).body).toContain('Record the response');
    const bad = await officer.post(`${url}/response`, {
      response: 'accepted',
      responseText: '',
      respondedOn: '2017-13-01',
    });
    expectRefused(bad, 'href="#response-responseText"', 'href="#response-respondedOn"');
    // What was typed shows again, in the date's boxes.
    expect(bad.body).toContain('name="respondedOn-month" type="text" value="13"');
    const done = await officer.post(`${url}/response`, {
      response: 'accepted',
      responseText: 'The Chief Constable will provide the profile.',
      respondedOn: '2017-01-20',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${url}#response`);
    expect(
      (await officer.post(`${url}/progress`, { reportedOn: '2017-03-01', text: 'Profile received.' }))
        .statusCode,
    ).toBe(303);
    const after = await fixture.app.inject({ method: 'GET', url });
    expect(after.body).toContain('The Chief Constable will provide the profile.');
    expect(after.body).toContain('Profile received.');
    expect(after.body).toMatch(/data-testid="status">In progress</);

    expect((await member.post(`${url}/progress`, { reportedOn: '2017-03-01', text: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await new TestClient(fixture.app).post(`${url}/progress`, { reportedOn: '2017-03-01', text: 'x' }))
        .statusCode,
    ).toBe(401);
    expect(
      (await officer.postRaw(`${url}/progress`, { reportedOn: '2017-03-01', text: 'x' })).statusCode,
    ).toBe(403);
  });

  it('lets the officer add a recommendation, refusing a reserved function for a group on the field', async () => {
    const form = await officer.get('/scrutiny/recommendations/new');
    expectPage(form, 200, 'Budget Task and Finish Group');
    const refused = await officer.post('/scrutiny/recommendations', {
      meeting: String(ids.december),
      origin: 'task-and-finish-group',
      group: String(ids['budget-task-and-finish-group']),
      function: 'precept',
      text: 'Hold the precept.',
      addressee: 'Police and Crime Commissioner',
    });
    expectRefused(refused, 'href="#function"', 'Schedule 6 paragraph 27');
    const added = await officer.post('/scrutiny/recommendations', {
      meeting: String(ids.december),
      origin: 'panel',
      function: 'police-and-crime-plan',
      text: 'Add a measure of victim satisfaction to the plan.',
      addressee: 'Police and Crime Commissioner',
      responseDueOn: '2017-01-31',
    });
    expect(added.statusCode).toBe(303);
    const page = await fixture.app.inject({ method: 'GET', url: added.headers.location as string });
    expect(page.body).toContain('Recommendation 2016-1');
    expect(page.body).toContain('Response overdue');
    expect((await member.get('/scrutiny/recommendations/new')).statusCode).toBe(403);
  });
});
