import type { OpenApiPaths } from '../api/api.routes.ts';

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export const SCRUTINY_OPENAPI: OpenApiPaths = {
  '/api/v1/meetings': {
    get: {
      summary: 'List scrutiny panel meetings (OParl-style Meeting objects), newest first',
      responses: { '200': { description: 'Every meeting, with its public question deadline' } },
    },
  },
  '/api/v1/meetings/{id}': {
    get: {
      summary: 'A meeting with its agenda items and public question rules',
      description:
        'publicQuestions.deadline is the last second of the last London day on which a question is in time, ' +
        'as ISO 8601 with the Europe/London offset (e.g. 2016-12-13T23:59:59+00:00). Anything sent before ' +
        'the following midnight, London time, is in time. The deadline is counted in England and Wales ' +
        'working days by the panel’s own rule (publicQuestions.rule). Askers’ names and emails are never published.',
      parameters: [idParameter],
      responses: {
        '200': { description: 'The meeting' },
        '404': { description: 'No such meeting' },
      },
    },
  },
};
