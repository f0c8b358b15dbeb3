import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { createDemoTestDatabase } from '../../kernel/testing/demo-snapshot.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { DOMAINS } from '../domains.ts';
import { parseNewMeetingJson } from '../scrutiny/api/api.schemas.ts';

/** Text as the page escapes it, for finding a title with an apostrophe or ampersand in the HTML. */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');

/**
 * The home page over the demo, as a new visitor meets it: the plan in force with every measure's judgement,
 * what is coming and what changed lately, and a way into every part of the service. The demo is loaded once a
 * run into PGlite (kernel/testing/demo-snapshot.ts), so this file runs there.
 */
describe('the home page over the demo', () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let body: string;
  const today = londonDateOf(new Date());

  beforeAll(async () => {
    database = await createDemoTestDatabase();
    services = buildServices(database, TEST_URLS);
    // A meeting next month, so "coming up" has something to show however old the demo's own meetings are.
    const meeting = parseNewMeetingJson({
      organization: 'thames-valley-panel',
      name: 'Panel meeting to test the home page',
      start: `${addDays(today, 30)}T10:00`,
      location: 'Council Offices',
    });
    await services.scrutiny.createMeeting(systemActor('test'), meeting);
    app = await buildTestApp(database);
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    body = response.body;
  }, 900_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('shows each priority of the plan in force with its measures and how many have each judgement', async () => {
    const scorecard = await services.judgements.readScorecard({ areaName: 'Thames Valley' });
    expect(scorecard.plan).not.toBeNull();
    expect(body).toContain(escaped(scorecard.plan?.title ?? ''));
    const priorities = new Map<string, number>();
    for (const measure of scorecard.measures) {
      priorities.set(measure.priorityTitle, (priorities.get(measure.priorityTitle) ?? 0) + 1);
      expect(body).toContain(`href="/scorecard/measures/${measure.code}"`);
    }
    const summaries = [...body.matchAll(/data-testid="priority-summary">(\d+) measures?: ([^<]*)\.</g)];
    expect(summaries).toHaveLength(priorities.size);
    for (const [, total, counts] of summaries) {
      // "3 no significant change (provisional), 1 awaiting data": the counts add up to the priority's measures.
      const counted = (counts ?? '').split(', ').reduce((sum, part) => sum + Number.parseInt(part, 10), 0);
      expect(counted).toBe(Number(total));
    }
    expect([...priorities.values()].sort()).toEqual(summaries.map(([, total]) => Number(total)).sort());
  });

  it('lists the meetings to come, soonest first, and the next statutory deadlines', async () => {
    const coming = body.slice(body.indexOf('id="coming-up"'), body.indexOf('id="everything"'));
    expect(coming).toContain('Panel meeting to test the home page');
    expect(coming).toContain(formatDate(addDays(today, 30)));
    expect(coming).toContain('href="/calendar"');
  });

  it('lists lately published decisions, answers and papers, newest first and none dated after today', async () => {
    const lately = body.slice(body.indexOf('id="lately"'), body.indexOf('id="coming-up"'));
    const dates = [...lately.matchAll(/<span class="govuk-caption-s">[^,<]+, ([^<]+)<\/span>/g)].map(
      ([, date]) => new Date(`${date} UTC`).getTime(),
    );
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(Math.max(...dates)).toBeLessThanOrEqual(new Date(`${today}T00:00Z`).getTime());
    // The newest published decision of the register is among them, by its public title.
    const search = await services.search.dated(
      DOMAINS.modules.flatMap((module) => module.search ?? []),
      {
        kinds: ['decision'],
        to: today,
        order: 'newest',
        limit: 1,
        forceAreaId:
          (await services.areas.listForceAreasWithAuthorities()).find((area) => area.name === 'Thames Valley')
            ?.id ?? 0,
      },
    );
    expect(lately).toContain(escaped(search[0]?.title ?? 'no decision'));
  });

  it('signposts every public part of the service, those outside the navigation bar too', async () => {
    const everything = body.slice(body.indexOf('id="everything"'));
    for (const href of [
      '/surveys',
      '/transparency',
      '/appointments',
      '/money',
      '/inspections',
      '/api/docs',
    ]) {
      expect(everything).toContain(`href="${href}"`);
    }
    expect(body).toContain('action="/search"');
    expect(body).toContain('Thames Valley police force area (E23000029): 14 local authorities');
  });
});
