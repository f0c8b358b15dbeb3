import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import type { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../../accounts/accounts.testing.ts';
import { loadDemoPanelRecords } from '../scrutiny-records.testing.ts';
import { workProgrammePaths as paths } from './work-programme.paths.ts';

const system = systemActor('test');

describe.each(testEngines())('the work programme’s date of the meeting on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  const nextYear = Number(londonDateOf(new Date()).slice(0, 4)) + 1;
  const entryOn = async (date: string) =>
    (await fixture.services.scrutiny.records.workProgramme.readProgramme(system)).coming.find(
      ({ entry }) => entry.meetsOn === date,
    );

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await loadDemoPanelRecords(fixture.services);
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
  });

  it('adds an entry from the day, month and year, and names an impossible date on its field', async () => {
    const entry = {
      panel: 'thames-valley-panel',
      programme: `${nextYear}/${String((nextYear + 1) % 100).padStart(2, '0')}`,
    };
    const impossible = await officer.post(paths.programme(), {
      ...entry,
      'meetsOn-day': '31',
      'meetsOn-month': '6',
      'meetsOn-year': String(nextYear),
    });
    expectRefused(impossible, 'href="#meetsOn"');
    expect(impossible.body).toMatch(
      /id="meetsOn-error"[^>]*>[^<]*<span[^>]*>Error:<\/span> The date of the meeting must be a real date/,
    );
    expect(impossible.body).toMatch(/name="meetsOn-day"[^>]*value="31"/);
    const added = await officer.post(paths.programme(), {
      ...entry,
      'meetsOn-day': '30',
      'meetsOn-month': 'June',
      'meetsOn-year': String(nextYear),
      mainFocus: 'The police and crime plan',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(paths.programme());
    expect((await entryOn(`${nextYear}-06-30`))?.entry.mainFocus).toBe('The police and crime plan');
  });

  it('moves an entry to the day, month and year typed on its change form, and refuses a date with no year', async () => {
    const found = await entryOn(`${nextYear}-06-30`);
    const id = found?.entry.id ?? 0;
    const form = await officer.get(paths.edit({ id }));
    expect(form.body).toMatch(/name="meetsOn-day"[^>]*value="30"/);
    expect(form.body).toMatch(/name="meetsOn-month"[^>]*value="06"/);
    const noYear = await officer.post(paths.entry({ id }), {
      programme: found?.entry.programme ?? '',
      'meetsOn-day': '1',
      'meetsOn-month': '7',
      'meetsOn-year': '',
    });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.body).toMatch(
      /id="meetsOn-error"[^>]*>[^<]*<span[^>]*>Error:<\/span> The date of the meeting must include a year/,
    );
    const moved = await officer.post(paths.entry({ id }), {
      programme: found?.entry.programme ?? '',
      'meetsOn-day': '1',
      'meetsOn-month': '7',
      'meetsOn-year': String(nextYear),
    });
    expect(moved.statusCode).toBe(303);
    expect((await entryOn(`${nextYear}-07-01`))?.entry.id).toBe(id);
  });
});
