import type { OpenApiPaths } from '../../kernel/http/openapi.ts';
import { SCRUTINY_API_OPENAPI } from './api/api.openapi.ts';
import { SCRUTINY_RECORDS_OPENAPI } from './records/records.openapi.ts';

export const SCRUTINY_OPENAPI: OpenApiPaths = {
  ...SCRUTINY_API_OPENAPI,
  ...SCRUTINY_RECORDS_OPENAPI,
};
