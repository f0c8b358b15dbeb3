import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';

const [year = '', month = '', day = ''] = addDays(londonDateOf(new Date()), 60).split('-');

/** A new meeting as the form sends it: the date in three boxes and the time as people write it. */
const typed = (body: string, title: string, parts = { day, month, year }) => ({
  panel: body,
  title,
  'date-day': String(Number(parts.day)),
  'date-month': String(Number(parts.month)),
  'date-year': parts.year,
  time: '11am',
  venue: 'Force headquarters, Kidlington',
});

describe.each(testEngines())('meetings of any body, through the pages, on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let opcc: TestClient;
  let panelOfficer: TestClient;

  beforeAll(async () => {
    await createTestBody(database.current.db, 'route-pcc', 'policing-body');
    await createTestBody(database.current.db, 'route-panel', 'scrutiny-panel');
    opcc = await signInAs(fixture, { role: 'opcc-officer', body: 'route-pcc' });
    panelOfficer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'route-panel' });
  });

  it('lets an OPCC officer add the policing body’s meeting, typed as a date and "11am"', async () => {
    const form = await opcc.get('/meetings/new');
    expectPage(form, 200, 'Test body route-pcc');
    expect(form.body).not.toContain('Test body route-panel');
    expect(form.body).toContain('name="date-day"');

    const created = await opcc.post(
      '/meetings',
      typed('route-pcc', 'Performance and Accountability Meeting'),
    );
    expect(created.statusCode).toBe(303);
    const page = await opcc.get(created.headers.location as string);
    expect(page.body).toContain('Test body route-pcc');
    expect(page.body).toContain('at 11:00am');
    expect(page.body).toContain('Test body route-pcc takes no public questions.');
    expect(page.body).not.toContain('Ask a question at this meeting');

    const id = Number(String(created.headers.location).split('/').pop());
    const visitor = new TestClient(fixture.app);
    const question = await visitor.post(`/meetings/${id}/questions`, {
      name: 'Pat Public',
      email: 'pat@example.org',
      text: 'Why?',
    });
    expect(question.statusCode).toBe(409);
    expect(question.body).toContain('Test body route-pcc takes no public questions.');
    expect(question.body).not.toContain('name="text"');
    expect((await visitor.get(`/meetings/${id}/questions/new`)).body).not.toContain('name="text"');

    const listed = await visitor.get('/meetings');
    expect(listed.body).toContain('Performance and Accountability Meeting');
    expect(listed.body).toContain('Test body route-pcc');
  });

  it('refuses the other body’s meetings both ways', async () => {
    expect((await opcc.post('/meetings', typed('route-panel', 'Not mine'))).statusCode).toBe(403);
    expect((await panelOfficer.post('/meetings', typed('route-pcc', 'Not mine either'))).statusCode).toBe(
      403,
    );
    expect((await panelOfficer.get('/meetings/new')).body).not.toContain('Test body route-pcc');
  });

  it('refuses an impossible date and a time that is not one, against their fields, keeping what was typed', async () => {
    const refused = await opcc.post('/meetings', {
      ...typed('route-pcc', 'Impossible', { day: '31', month: '2', year }),
      time: 'teatime',
    });
    expectRefused(
      refused,
      'The date of the meeting must be a real date',
      'href="#date"',
      'The start time must be a time, like 14:30 or 2:30pm',
      'value="teatime"',
    );
    expect(refused.body).toMatch(/name="date-day"[^>]*value="31"/);
  });

  it('changes a meeting and takes an agenda item’s slot as "2:30pm"', async () => {
    const created = await opcc.post('/meetings', { ...typed('route-pcc', 'To be moved'), time: '9:30am' });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location as string;
    const edit = await opcc.get(`${url}/edit`);
    expect(edit.body).toMatch(/name="date-year"[^>]*value="\d{4}"/);
    const moved = await opcc.post(url, { ...typed('route-pcc', 'Moved'), time: '2:30pm' });
    expect(moved.statusCode).toBe(303);
    expect((await opcc.get(url)).body).toContain('at 2:30pm');
    const item = await opcc.post(`${url}/agenda-items`, {
      position: '1',
      slotTime: '2:30pm',
      title: 'Force performance',
    });
    expect(item.statusCode).toBe(303);
    expect((await opcc.get(url)).body).toContain('(2:30pm)');
  });
});
