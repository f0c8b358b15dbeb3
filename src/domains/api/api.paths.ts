import { pathTo } from '../../kernel/http/paths.ts';

/** Where the API describes itself: the OpenAPI document and the page that reads it out. */
export const apiPaths = {
  openApiDocument: pathTo('/api/v1/openapi.json'),
  docs: pathTo('/api/docs'),
} as const;
