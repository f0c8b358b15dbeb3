import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { apiPaths } from './api.paths.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe.each(testEngines())('the OpenAPI document on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let document: { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

  beforeAll(async () => {
    app = await buildTestApp(database.current);
    document = (await app.inject({ method: 'GET', url: apiPaths.openApiDocument() })).json();
  });
  afterAll(() => app.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        path,
        operation: item[method] as Operation,
      })),
    );

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(operations().length).toBeGreaterThanOrEqual(20);
  });

  it('gives every operation its security and a schema for every response, errors included', () => {
    const schemes = Object.keys(document.components.securitySchemes as object);
    for (const { name, operation } of operations()) {
      expect(operation.security, `${name} has no security`).toBeInstanceOf(Array);
      for (const requirement of operation.security ?? [])
        for (const scheme of Object.keys(requirement as object)) expect(schemes, name).toContain(scheme);
      const statuses = Object.keys(operation.responses ?? {});
      expect(
        statuses.some((status) => status.startsWith('2')),
        `${name} has no success response`,
      ).toBe(true);
      expect(statuses, `${name} does not declare the 401 a bad token gets`).toContain('401');
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const media = Object.values(response.content ?? {});
        expect(media.length, `${name} ${status} has no content`).toBeGreaterThan(0);
        for (const { schema } of media) expect(schema, `${name} ${status} has no schema`).toBeDefined();
      }
    }
  });

  it('declares each path parameter, and the 400 of every operation that reads parameters or a body', () => {
    for (const { name, path, operation } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), name).toEqual(inPath.sort());
      const readsInput = (operation.parameters ?? []).length > 0 || 'requestBody' in operation;
      if (readsInput) expect(Object.keys(operation.responses ?? {}), name).toContain('400');
    }
  });

  it('asks for a token or session exactly where the route’s permission needs one', () => {
    for (const { name, path, operation } of operations()) {
      const [method] = name.split(' ');
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const route = app.declaredRoutes.find((r) => r.method === method && r.url === url);
      expect(route, `${name} is not a route of the app`).toBeDefined();
      const needsCaller = route?.permission !== 'public';
      expect((operation.security ?? []).length > 0, name).toBe(needsCaller);
    }
  });

  it('shows the descriptions’ code spans as code on the docs page, not as backticks', async () => {
    const page = (await app.inject({ method: 'GET', url: apiPaths.docs() })).body;
    expect(page).toContain('<code>Authorization: Bearer &lt;token&gt;</code>');
    expect(page).toContain('<code>state</code> is none, draft or approved');
    const text = page.replace(/<pre[\s\S]*?<\/pre>/g, '');
    expect(text).not.toContain('`');
  });
});
