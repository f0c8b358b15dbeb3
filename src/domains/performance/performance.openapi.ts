import type { OpenApiPaths } from '../api/api.routes.ts';

const slugParameter = (where: 'query' | 'path') => ({
  name: 'force',
  in: where,
  required: true,
  description:
    'The force’s police.uk identifier, as in the archive’s file names: thames-valley, hampshire, …',
  schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
});

const keyCount = {
  type: 'object',
  required: ['key', 'count'],
  properties: { key: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
};

export const POLICE_UK_OPENAPI: OpenApiPaths = {
  '/api/v1/police-uk/counts': {
    get: {
      summary: 'Street-level records of one force and month, counted by crime type, outcome or LSOA',
      description:
        'Mirrors the police.uk street file: anti-social behaviour appears as its own crime type, exactly as in ' +
        'the file; `outcome` is the Last outcome category, and an empty category (or, for `lsoa`, a record ' +
        'without a location) counts under the key "". Counts are ordered largest first, then by key.',
      parameters: [
        slugParameter('query'),
        {
          name: 'month',
          in: 'query',
          required: true,
          description: 'The month, YYYY-MM',
          schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
        },
        {
          name: 'by',
          in: 'query',
          required: true,
          schema: { type: 'string', enum: ['crime-type', 'outcome', 'lsoa'] },
        },
      ],
      responses: {
        '200': {
          description: 'The counts',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['force', 'month', 'by', 'counts'],
                properties: {
                  force: { type: 'string' },
                  month: { type: 'string' },
                  by: { type: 'string', enum: ['crime-type', 'outcome', 'lsoa'] },
                  counts: { type: 'array', items: keyCount },
                },
              },
              example: {
                force: 'thames-valley',
                month: '2025-01',
                by: 'crime-type',
                counts: [{ key: 'Violence and sexual offences', count: 4470 }],
              },
            },
          },
        },
        '400': { description: 'A parameter is missing or malformed: `{"error": …}`' },
        '404': {
          description:
            'The force is not known, or has no street data for the month: `{"error": …, "loadedMonths": ["YYYY-MM", …]}`',
        },
      },
    },
  },
  '/api/v1/police-uk/forces/{force}': {
    get: {
      summary:
        'A force’s loaded police.uk months, crimes by type per month, and anti-social behaviour per month',
      parameters: [slugParameter('path')],
      responses: {
        '200': { description: 'Each loaded file with its checksum and import run, and the monthly series' },
        '404': { description: 'No such force area' },
      },
    },
  },
  '/api/v1/police-uk/imports/{id}': {
    get: {
      summary: 'An import run: its progress, files, checksums, row counts and status (needs imports:read)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: {
        '200': { description: 'The run' },
        '401': { description: 'No valid sign-in or token' },
        '403': { description: 'The caller may not read import runs' },
        '404': { description: 'No such run' },
      },
    },
  },
};
