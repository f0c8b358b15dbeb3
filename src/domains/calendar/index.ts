import { defineDomain } from '../module.ts';
import { calendarRoutes } from './calendar.routes.ts';

/** The statutory calendar: every domain's coming deadlines on one page and one iCalendar feed. */
export const calendarDomain = defineDomain({
  name: 'calendar',
  navigation: [{ href: '/calendar', text: 'Calendar', position: 40 }],
  routes: (_services, { deadlineSources, config }) => [
    calendarRoutes({ sources: deadlineSources, baseUrl: config.baseUrl, now: () => new Date() }),
  ],
});
