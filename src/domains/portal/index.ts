import type { AreasService } from '../areas/index.ts';
import type { JudgementsService } from '../judgements/index.ts';
import { defineDomain } from '../module.ts';
import type { SearchService } from '../search/index.ts';
import { PORTAL_OPENAPI } from './portal.openapi.ts';
import { portalRoutes } from './portal.routes.ts';

/**
 * The public home page and the areas API. The home page gathers from every domain through what the app
 * assembles (search sources, deadlines, signposts), so it comes after the domains it reads.
 */
export const portalDomain = defineDomain<{
  areas: AreasService;
  judgements: JudgementsService;
  search: SearchService;
}>({
  name: 'portal',
  // No "Home" in the service navigation: the header's Peelian logo is the way home, and the bar has no room.
  routes: ({ areas, judgements, search }, { searchSources, deadlineSources, signposts, config }) => [
    portalRoutes({
      areas,
      judgements,
      search,
      searchSources,
      deadlineSources,
      signposts,
      areaName: config.areaName,
      now: () => new Date(),
    }),
  ],
  openApi: [PORTAL_OPENAPI],
});
