import type { AreasService } from '../areas/index.ts';
import { defineDomain } from '../module.ts';
import { PORTAL_OPENAPI } from './portal.openapi.ts';
import { portalRoutes } from './portal.routes.ts';

/** The public home page and the areas API. */
export const portalDomain = defineDomain<{ areas: AreasService }>({
  name: 'portal',
  navigation: [{ href: '/', text: 'Home', position: 0 }],
  routes: ({ areas }) => [portalRoutes({ areas })],
  openApi: [PORTAL_OPENAPI],
});
