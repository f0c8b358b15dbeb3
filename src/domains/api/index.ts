import { defineDomain } from '../module.ts';
import { apiPaths } from './api.paths.ts';
import { apiRoutes } from './api.routes.ts';

/** The API's own description, assembled from every domain's operations. */
export const apiDomain = defineDomain({
  name: 'api',
  signposts: [
    {
      href: apiPaths.docs(),
      title: 'Open data',
      description:
        'Every figure and record on these pages as JSON and CSV, with the API described in OpenAPI.',
      position: 70,
    },
  ],
  routes: (_services, { openApiDocument }) => [apiRoutes({ document: openApiDocument })],
});
