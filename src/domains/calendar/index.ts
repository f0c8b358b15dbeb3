import { defineDomain } from '../module.ts';
import { calendarRoutes } from './calendar.routes.ts';

/** The statutory calendar: every domain's coming deadlines on one page and one iCalendar feed. */
export const calendarDomain = defineDomain({
  name: 'calendar',
  signposts: [
    {
      href: '/calendar',
      title: 'Calendar',
      description: 'Statutory deadlines coming up, as a page and a calendar feed.',
      position: 60,
    },
  ],
  navigation: [{ href: '/calendar', text: 'Calendar', position: 40 }],
  routes: (_services, { deadlineSources, config }) => [
    calendarRoutes({ sources: deadlineSources, baseUrl: config.baseUrl, now: () => new Date() }),
  ],
});
