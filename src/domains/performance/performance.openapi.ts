import { z } from 'zod';
import {
  jsonResponse,
  type OpenApiPaths,
  ProblemSchema,
  SECURITY,
  withErrors,
} from '../../kernel/http/openapi.ts';
import { performancePaths } from './performance.paths.ts';
import {
  CountsQuerySchema,
  ForceParamsSchema,
  ForceSeriesJson,
  ImportRunJson,
  MonthNotLoadedJson,
  RunParamsSchema,
  StreetCountsJson,
} from './performance.schemas.ts';

export const POLICE_UK_OPENAPI: OpenApiPaths = {
  [performancePaths.apiCounts.openApi]: {
    get: {
      summary: 'Street-level records of one force and month, counted by crime type, outcome or LSOA',
      description:
        'Counts the police.uk street file’s records. Anti-social behaviour is not a crime: its row has ' +
        '`notACrime: true`, and every row splits its `count` into `crimes` and `antiSocialBehaviour`, so a client ' +
        'adding up crime adds `crimes` (or leaves out rows with `notACrime`); `totals` gives the month’s sums. ' +
        'By `outcome`, the key is the Last outcome category and "" means a crime with no outcome recorded; ' +
        'anti-social behaviour has no outcomes at all, so its incidents count under their own key ' +
        '"Anti-social behaviour", never under "". By `lsoa`, "" is a record without a location. `label` gives ' +
        'each key in words. Counts are ordered largest first, then by key.',
      security: SECURITY.public,
      requestParams: { query: CountsQuerySchema },
      responses: withErrors(
        {
          '200': jsonResponse('The counts', StreetCountsJson),
          '404': {
            description: 'The force is not known, or has no street data for the month',
            content: {
              'application/json': {
                schema: z.union([MonthNotLoadedJson, ProblemSchema]),
              },
            },
          },
        },
        { '400': 'A parameter is missing or malformed' },
      ),
    },
  },
  [performancePaths.apiForce.openApi]: {
    get: {
      summary:
        'A force’s loaded police.uk months, crimes by type per month, and anti-social behaviour per month',
      security: SECURITY.public,
      requestParams: { path: ForceParamsSchema },
      responses: withErrors(
        {
          '200': jsonResponse(
            'Each loaded file with its checksum and import run, and the monthly series',
            ForceSeriesJson,
          ),
        },
        { '400': 'The force is not a police.uk identifier', '404': 'No such force area' },
      ),
    },
  },
  [performancePaths.apiImportRun.openApi]: {
    get: {
      summary: 'An import run: its progress, files, checksums, row counts and status (needs imports:read)',
      security: SECURITY.signedIn,
      requestParams: { path: RunParamsSchema },
      responses: withErrors(
        { '200': jsonResponse('The run', ImportRunJson) },
        {
          '400': 'The id is not a whole number',
          '403': 'The caller may not read import runs',
          '404': 'No such run',
        },
      ),
    },
  },
};
