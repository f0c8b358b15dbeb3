import type { FastifyPluginAsync } from 'fastify';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline, DeadlineSource } from '../../kernel/calendar/deadlines.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { toICalendar } from '../../kernel/formats/icalendar.ts';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type PageModel, view } from '../../kernel/http/views.ts';
import { calendarPaths } from './calendar.paths.ts';

const CALENDAR_PAGE = view<PageModel & { deadlines: (Deadline & { date: string })[] }>(
  'calendar/views/calendar.njk',
);

/** The statutory calendar: coming deadlines from every module, as a page and as an iCalendar feed. */
export function calendarRoutes(deps: {
  sources: readonly DeadlineSource[];
  baseUrl: string;
  now: () => Date;
}): FastifyPluginAsync {
  async function deadlines(actor: Actor) {
    const all = (await Promise.all(deps.sources.map((source) => source(actor)))).flat();
    return all.sort((a, b) => a.date.localeCompare(b.date));
  }

  return async (app) => {
    app.get(calendarPaths.calendar.pattern, PUBLIC, async (request, reply) => {
      const list = await deadlines(request.actor);
      return reply.render(CALENDAR_PAGE, {
        pageTitle: 'Statutory calendar',
        deadlines: list.map((deadline) => ({ ...deadline, date: formatDate(deadline.date) })),
      });
    });

    app.get(calendarPaths.feed.pattern, PUBLIC, async (request, reply) => {
      const list = await deadlines(request.actor);
      const feed = toICalendar(
        'Peelian statutory deadlines',
        list.map((deadline) => ({
          uid: deadline.uid,
          date: deadline.date,
          summary: deadline.title,
          description: deadline.basis,
          url: `${deps.baseUrl}${deadline.url}`,
        })),
        deps.now(),
        { baseUrl: deps.baseUrl },
      );
      return sendDownload(reply, { name: 'peelian', format: 'ics', body: feed, inline: true });
    });
  };
}
