import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectRefused } from '../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../accounts/accounts.testing.ts';
import { NOT_YET_ANSWERED, recommendationPaths as paths } from './index.ts';

const system = systemActor('test');

/** Day, month and year boxes of the GOV.UK date input, as a browser posts them. */
const parts = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

describe.each(testEngines())('the recommendations ledger, for any origin, on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let inspection: number;
  let bodyId: number;

  beforeAll(async () => {
    bodyId = await createTestBody(database.current.db, 'ledger-panel', 'scrutiny-panel');
    // An inspection's recommendation: the ledger needs nothing from scrutiny to keep it.
    ({ id: inspection } = await database.current.db.transaction().execute((trx) =>
      fixture.services.recommendations.record(trx, system, {
        bodyId,
        origin: 'inspection',
        originTitle: 'PEEL inspection 2024',
        originUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/',
        madeOn: '2024-01-10',
        topic: 'Crime recording',
        text: 'Improve the recording of crimes reported by telephone.',
        addressee: 'Chief Constable',
        responseDueOn: '2024-03-10',
        visibility: 'public',
        ...NOT_YET_ANSWERED,
      }),
    ));
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'ledger-panel' });
  });

  it('takes the dates of a response, an action, a progress update and an outcome from the date boxes', async () => {
    const url = paths.recommendation({ id: inspection });
    const form = await officer.get(url);
    expect(form.body).toContain('name="respondedOn-day"');
    const responded = await officer.post(paths.response({ id: inspection }), {
      response: 'accepted',
      responseText: 'The force will train its call handlers.',
      ...parts('respondedOn', '1', '2', '2024'),
    });
    expect(responded.statusCode).toBe(303);
    expect(responded.headers.location).toBe(`${url}#response`);
    const action = await officer.post(paths.actions({ id: inspection }), {
      text: 'Train every call handler',
      owner: 'Chief Constable',
      ...parts('dueOn', '30', 'June', '2024'),
    });
    expect(action.statusCode).toBe(303);
    const progress = await officer.post(paths.progress({ id: inspection }), {
      text: 'Half trained.',
      ...parts('reportedOn', '15', '4', '2024'),
    });
    expect(progress.statusCode).toBe(303);
    const closed = await officer.post(paths.outcome({ id: inspection }), {
      outcome: 'implemented',
      outcomeText: '',
      ...parts('outcomeOn', '1', '7', '2024'),
    });
    expect(closed.statusCode).toBe(303);
    const json = (
      await fixture.app.inject({ method: 'GET', url: paths.apiRecommendation({ id: inspection }) })
    ).json();
    expect(json).toMatchObject({
      origin: 'inspection',
      sourceTitle: 'PEEL inspection 2024',
      originUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/',
      response: { kind: 'accepted', date: '2024-02-01' },
      actions: [{ due: '2024-06-30', done: null }],
      progress: [{ date: '2024-04-15', text: 'Half trained.' }],
      outcome: { kind: 'implemented', date: '2024-07-01' },
      status: 'implemented',
    });
  });

  it('refuses an impossible date with a message on the field', async () => {
    const { id } = await database.current.db.transaction().execute((trx) =>
      fixture.services.recommendations.record(trx, system, {
        bodyId,
        origin: 'audit',
        originTitle: 'Internal audit of property stores',
        originUrl: null,
        madeOn: '2024-01-10',
        topic: null,
        text: 'Count the property stores every quarter.',
        addressee: 'Chief Constable',
        responseDueOn: null,
        visibility: 'public',
        ...NOT_YET_ANSWERED,
      }),
    );
    const refused = await officer.post(paths.response({ id }), {
      response: 'accepted',
      responseText: 'Agreed.',
      ...parts('respondedOn', '30', '2', '2024'),
    });
    expectRefused(refused, 'href="#response-respondedOn"', 'The date of the response must be a real date');
    // The error shows against the date input itself, with what was typed still in its boxes.
    expect(refused.body).toMatch(
      /id="response-respondedOn-error"[^>]*>\s*<span class="govuk-visually-hidden">Error:/,
    );
    expect(refused.body).toContain('name="respondedOn-day" type="text" value="30"');
    const ledger = await fixture.app.inject({ method: 'GET', url: paths.list({}, { origin: 'audit' }) });
    expect(ledger.body).toContain('Internal audit of property stores');
    expect(ledger.body).not.toContain('PEEL inspection 2024');
    const download = await fixture.app.inject({ method: 'GET', url: `${paths.json()}?origin=audit` });
    expect(download.headers['content-disposition']).toBe('attachment; filename="recommendations.json"');
    expect(download.json().recommendations).toHaveLength(1);
  });
});
