import { pathTo } from '../../kernel/http/paths.ts';

/** The public search's URLs: the page and the API. */
export const searchPaths = {
  search: pathTo('/search'),
  api: pathTo('/api/v1/search'),
} as const;
