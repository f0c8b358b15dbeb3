import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { ForceAreasJson } from '../areas/areas.schemas.ts';
import { portalPaths } from './portal.paths.ts';

export const PORTAL_OPENAPI: OpenApiPaths = {
  [portalPaths.apiAreas.openApi]: {
    get: {
      summary: 'Force areas and their local authorities, with ONS codes',
      security: SECURITY.public,
      responses: withErrors({ '200': jsonResponse('The areas this installation covers', ForceAreasJson) }),
    },
  },
};
