import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../../kernel/http/openapi.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import { MinutesJson } from '../scrutiny-records.schemas.ts';

const BAD_ID = 'The id is not a whole number';

/** Minutes, described for the OpenAPI document (the recommendations domain describes the ledger). */
export const SCRUTINY_RECORDS_OPENAPI: OpenApiPaths = {
  '/api/v1/meetings/{id}/minutes': {
    get: {
      summary: 'A meeting’s minutes once the panel has approved them',
      description:
        '`state` is none, draft or approved. Draft minutes come with no items unless the caller’s token holds a role on the panel. An exempt item keeps its number, title and exempt reason; its text, decisions and actions are left out.',
      security: SECURITY.public,
      requestParams: { path: MeetingIdParams },
      responses: withErrors(
        { '200': jsonResponse('The minutes', MinutesJson) },
        { '400': BAD_ID, '404': 'No such meeting' },
      ),
    },
  },
};
