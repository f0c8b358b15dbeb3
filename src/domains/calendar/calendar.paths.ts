import { pathTo } from '../../kernel/http/paths.ts';

/** The statutory calendar's URLs: the page and the feed calendar programs subscribe to. */
export const calendarPaths = {
  calendar: pathTo('/calendar'),
  feed: pathTo('/calendar.ics'),
} as const;
