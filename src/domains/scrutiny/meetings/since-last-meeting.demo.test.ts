import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../../composition.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { createDemoTestDatabase } from '../../../kernel/testing/demo-snapshot.ts';
import { buildTestApp, TEST_URLS } from '../../../kernel/testing/test-app.ts';
import type { TestDatabase } from '../../../kernel/testing/test-database.ts';
import { meetingPaths } from '../scrutiny.paths.ts';

/** The dates a page's "since the last meeting" list gives, as `YYYY-MM-DD`, in the order shown. */
function listedDates(html: string): string[] {
  const start = html.indexOf('data-testid="since-last-meeting"');
  if (start < 0) return [];
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<span class="govuk-caption-s">[^,<]+, ([^<]+)<\/span>/g)].map(([, date]) =>
    new Date(`${date} 12:00 UTC`).toISOString().slice(0, 10),
  );
}

/**
 * "Since the last meeting" over the demo's Panel meetings: what was decided, answered or tabled strictly
 * between a meeting and the body's previous one, newest first. The demo is loaded once a run into PGlite.
 */
describe('since the last meeting, over the demo', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let meetings: { id: number; bodyId: number; date: string; cancelled: boolean }[];

  beforeAll(async () => {
    database = await createDemoTestDatabase();
    const services = buildServices(database, TEST_URLS);
    meetings = (await services.scrutiny.listMeetings(systemActor('test')))
      .map(({ meeting }) => ({
        id: meeting.id,
        bodyId: meeting.bodyId,
        date: londonDateOf(meeting.startsAt),
        cancelled: meeting.status === 'cancelled',
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
    app = await buildTestApp(database);
  }, 900_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const page = async (id: number) =>
    (await app.inject({ method: 'GET', url: meetingPaths.meeting({ id }) })).body;

  it('lists, for each meeting after a body’s first, only what is dated between the two meetings, newest first', async () => {
    let listed = 0;
    for (const meeting of meetings.filter((candidate) => !candidate.cancelled)) {
      const previous = meetings.findLast(
        (candidate) =>
          candidate.bodyId === meeting.bodyId && !candidate.cancelled && candidate.date < meeting.date,
      );
      const html = await page(meeting.id);
      if (!previous) {
        expect(html).not.toContain('id="since-last-meeting"');
        continue;
      }
      expect(html).toContain('id="since-last-meeting"');
      const dates = listedDates(html);
      for (const date of dates) {
        expect(date > previous.date && date < meeting.date, `${date} on meeting ${meeting.id}`).toBe(true);
      }
      expect(dates).toEqual([...dates].sort().reverse());
      listed += dates.length;
    }
    // The demo's Panel answered recommendations and tabled papers between its meetings.
    expect(listed).toBeGreaterThan(0);
  });
});
