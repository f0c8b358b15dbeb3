import type { AreasService } from '../areas/index.ts';
import { defineDomain } from '../module.ts';
import { PORTAL_OPENAPI } from './portal.openapi.ts';
import { portalRoutes } from './portal.routes.ts';

/** The public home page and the areas API. */
export const portalDomain = defineDomain<{ areas: AreasService }>({
  name: 'portal',
  // No "Home" in the service navigation: the header's Peelian logo is the way home, and the bar has no room.
  routes: ({ areas }) => [portalRoutes({ areas })],
  openApi: [PORTAL_OPENAPI],
});
