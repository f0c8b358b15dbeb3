import { pathTo } from '../../kernel/http/paths.ts';

/** The public face's URLs: home, the statements, and the areas as open data. */
export const portalPaths = {
  home: pathTo('/'),
  accessibility: pathTo('/accessibility'),
  privacy: pathTo('/privacy'),
  apiAreas: pathTo('/api/v1/areas'),
  areasCsv: pathTo('/areas.csv'),
} as const;
