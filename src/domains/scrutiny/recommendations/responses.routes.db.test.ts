import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import type { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { upsertBody } from '../../accounts/accounts.queries.ts';
import { signInAs } from '../../accounts/accounts.testing.ts';
import { latestAudit, loadDemoPanelRecords } from '../scrutiny-records.testing.ts';

const RESPONSE = {
  response: 'accepted',
  responseText: 'The Commissioner will write to his Hampshire counterpart.',
  respondedOn: '2016-11-30',
};

describe.each(testEngines())('responses to recommendations by the policing body’s office on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let opcc: TestClient;
  const opccEmail = 'responses.opcc@test.example';
  let otherOpcc: TestClient;
  let officer: TestClient;
  let member: TestClient;
  let recommendations: Record<string, number>;
  let meetings: Record<string, number>;
  const url = (reference: string) => `/scrutiny/recommendations/${recommendations[reference]}`;

  beforeAll(async () => {
    const { db } = database.current;
    // Every force is reference data (migration 0032).
    const areaId = async (slug: string) =>
      (await db.selectFrom('forceArea').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const [thamesValley, hampshire] = [await areaId('thames-valley'), await areaId('hampshire')];
    // The panel answers to the policing body of its own force area, not to a neighbour's.
    for (const body of [
      { slug: 'thames-valley-panel', kind: 'scrutiny-panel' as const, forceAreaId: thamesValley ?? null },
      { slug: 'thames-valley-pcc', kind: 'policing-body' as const, forceAreaId: thamesValley ?? null },
      { slug: 'hampshire-pcc', kind: 'policing-body' as const, forceAreaId: hampshire ?? null },
    ])
      await upsertBody(db, { ...body, name: body.slug });
    ({ recommendations, meetings } = await loadDemoPanelRecords(fixture.services));
    opcc = await signInAs(fixture, { role: 'opcc-officer', body: 'thames-valley-pcc', email: opccEmail });
    otherOpcc = await signInAs(fixture, { role: 'opcc-officer', body: 'hampshire-pcc' });
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
    member = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-panel' });
  });

  it('lets an OPCC officer of the panel’s policing body record a response, and the audit names them', async () => {
    // PCP-70 comes from the draft minutes of 21 October 2016: outside the panel, no one sees it until a later
    // meeting approves them.
    expect((await opcc.get(url('PCP-70'))).statusCode).toBe(404);
    expect(
      (
        await officer.post(`/meetings/${meetings.october}/minutes/approval`, {
          approvingMeeting: String(meetings.december),
        })
      ).statusCode,
    ).toBe(303);
    const page = await opcc.get(url('PCP-70'));
    expect(page.body).toContain('Record the response');
    // The rest of the ledger's follow-up stays with the panel's officer.
    expect(page.body).not.toContain('Add a progress update');
    expect(page.body).not.toContain('Close with an outcome');
    const recorded = await opcc.post(`${url('PCP-70')}/response`, RESPONSE);
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(`${url('PCP-70')}#response`);
    const after = await fixture.app.inject({ method: 'GET', url: url('PCP-70') });
    expect(after.body).toContain('The Commissioner will write to his Hampshire counterpart.');
    expect(after.body).toContain('Accepted</strong>, 30 November 2016');
    const audit = await latestAudit(database.current, 'recommendation', recommendations['PCP-70'] ?? 0);
    expect(audit).toMatchObject({ actor_label: opccEmail, action: 'update' });
    expect(audit?.after).toContain('write to his Hampshire counterpart');
    expect(
      (await opcc.post(`${url('PCP-70')}/progress`, { reportedOn: '2016-12-01', text: 'x' })).statusCode,
    ).toBe(403);
  });

  it('names the field of a bad response for the OPCC officer, and saves nothing', async () => {
    const bad = await opcc.post(`${url('CSE-P6')}/response`, {
      ...RESPONSE,
      response: '',
      respondedOn: '2099-01-01',
    });
    expectRefused(
      bad,
      '<title>Error: ',
      'href="#response-response"',
      'Select whether the recommendation was accepted, partly accepted or not accepted',
    );
    const future = await opcc.post(`${url('CSE-P6')}/response`, { ...RESPONSE, respondedOn: '2099-01-01' });
    expectRefused(future, 'href="#response-respondedOn"', 'The date of the response cannot be in the future');
    const json = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1${url('CSE-P6').replace('/scrutiny', '')}` })
    ).json();
    expect(json.response).toBeNull();
  });

  it('refuses an OPCC officer of another policing body, and a panel member', async () => {
    expect((await otherOpcc.get(url('CSE-P6'))).body).not.toContain('Record the response');
    expect((await otherOpcc.post(`${url('CSE-P6')}/response`, RESPONSE)).statusCode).toBe(403);
    expect((await member.post(`${url('CSE-P6')}/response`, RESPONSE)).statusCode).toBe(403);
    const json = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1${url('CSE-P6').replace('/scrutiny', '')}` })
    ).json();
    expect(json.response).toBeNull();
  });

  it('still lets the panel’s scrutiny officer record a response', async () => {
    expect((await officer.get(url('CSE-P6'))).body).toContain('Record the response');
    expect((await officer.post(`${url('CSE-P6')}/response`, RESPONSE)).statusCode).toBe(303);
    const json = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1${url('CSE-P6').replace('/scrutiny', '')}` })
    ).json();
    expect(json.response).toMatchObject({ kind: 'accepted', date: '2016-11-30' });
  });
});
