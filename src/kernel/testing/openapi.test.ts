import { describe, expect, it } from 'vitest';
import { expectMatchesOpenApi } from './openapi.ts';

const document = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { description: 'No such thing' },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'seen'],
        properties: { id: { type: 'integer' }, seen: { type: 'string', format: 'date' } },
        additionalProperties: false,
      },
    },
  },
};

describe('expectMatchesOpenApi', () => {
  it('passes a body that matches the schema, following its $ref into the components', () => {
    expectMatchesOpenApi(document, 'GET', '/things/{id}', 200, { id: 1, seen: '2025-01-31' });
  });

  it('names each place a body breaks the schema, formats included', () => {
    expect(() =>
      expectMatchesOpenApi(document, 'get', '/things/{id}', 200, { id: 'one', seen: '31/01/2025', extra: 1 }),
    ).toThrow(
      /must NOT have additional properties; data\/id must be integer; data\/seen must match format "date"/,
    );
  });

  it('fails for an operation, status or JSON schema the document does not declare', () => {
    expect(() => expectMatchesOpenApi(document, 'post', '/things/{id}', 200, {})).toThrow(
      /not in the document/,
    );
    expect(() => expectMatchesOpenApi(document, 'get', '/things/{id}', 400, {})).toThrow(
      /no JSON schema for 400/,
    );
    expect(() => expectMatchesOpenApi(document, 'get', '/things/{id}', 404, {})).toThrow(
      /no JSON schema for 404/,
    );
  });
});
