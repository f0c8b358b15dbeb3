import { defineDomain } from '../module.ts';
import { apiRoutes } from './api.routes.ts';

/** The API's own description, assembled from every domain's operations. */
export const apiDomain = defineDomain({
  name: 'api',
  routes: (_services, { openApiDocument }) => [apiRoutes({ document: openApiDocument })],
});
