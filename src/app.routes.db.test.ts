import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from './composition.ts';
import { systemActor } from './kernel/auth/actor.ts';
import { readMigrations } from './kernel/db/migrator.ts';
import { buildTestApp, TEST_URLS } from './kernel/testing/test-app.ts';
import { createTestDatabase, testEngines, useTestDatabase } from './kernel/testing/test-database.ts';

describe.each(testEngines())('the web app on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;

  beforeAll(async () => {
    await buildServices(database.current, TEST_URLS).areas.seedDemoAreas(systemActor('test'));
    app = await buildTestApp(database.current);
    app.get('/test-failure', { config: { permission: 'public' } }, async () => {
      throw new Error('secret internal detail');
    });
  });
  afterAll(() => app.close());

  it('shows the home page with its empty states, the force area and the way into every part', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Thames Valley police force area (E23000029): 14 local authorities');
    expect(response.body).toContain('data-testid="no-plan"');
    expect(response.body).toContain('data-testid="nothing-recent"');
    expect(response.body).toContain('No meetings are scheduled yet.');
    expect(response.body).toContain('href="/surveys"');
    expect(response.body).toContain('Open Government Licence v3.0');
    expect(response.body).toContain('href="/accessibility"');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sends security headers, with a policy that allows no inline script, on every response', async () => {
    for (const url of ['/', '/health', '/no-such-page']) {
      const response = await app.inject({ method: 'GET', url });
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-request-id']).toBeTruthy();
    }
  });

  it('gzips pages for clients that accept it, with the CSRF token salted afresh in each', async () => {
    const plain = await app.inject({ method: 'GET', url: '/' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The same visitor twice (the CSRF secret's cookie sent back): the token must still differ.
    const first = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    const cookie = first.cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
    expect(cookie).not.toBe('');
    const second = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'gzip', cookie },
    });
    const pages = [first, second];
    const tokens = pages.map((page) => {
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(page.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      const html = gunzipSync(page.rawPayload).toString('utf8');
      expect(html).toContain('<main');
      return /name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
    });
    expect(tokens[0]).toBeTruthy();
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('keeps a plain caller request id and replaces anything else', async () => {
    const kept = await app.inject({ method: 'GET', url: '/ping', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({
      method: 'GET',
      url: '/ping',
      headers: { 'x-request-id': 'bad id\u0000' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports health with the engine and the number of migrations applied', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: { engine, migrations: readMigrations().length },
    });
  });

  it('answers /ping and /info', async () => {
    expect((await app.inject({ method: 'GET', url: '/ping' })).json()).toEqual({ status: 'ok' });
    const info = (await app.inject({ method: 'GET', url: '/info' })).json();
    expect(info).toMatchObject({ name: 'peelian', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(info).toHaveProperty('commit');
  });

  it('shows a 404 page in the layout, and JSON to an API caller', async () => {
    const page = await app.inject({ method: 'GET', url: '/no-such-page' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    const api = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'Not found' });
  });

  it('serves the areas as JSON and as CSV', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/v1/areas' });
    expect(json.json().forceAreas).toContainEqual(
      expect.objectContaining({ slug: 'thames-valley', gssCode: 'E23000029' }),
    );
    const csv = await app.inject({ method: 'GET', url: '/areas.csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('force_area,force_area_code,local_authority,local_authority_code,tier,county');
    expect(lines).toContain('Thames Valley,E23000029,Cherwell,E07000177,District council,Oxfordshire');
    // Every district of England and Wales (migration 0032) and the demo's Oxfordshire county council.
    expect(lines).toHaveLength(320);
  });

  it('serves fingerprinted assets cached for a year, and hides the manifest', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const cssPath = /href="(\/assets\/application-[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
    expect(cssPath).toBeDefined();
    const css = await app.inject({ method: 'GET', url: cssPath ?? '' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.govuk-template');
    const scriptPath = /src="(\/assets\/application-[0-9a-f]{12}\.js)"/.exec(page.body)?.[1];
    const script = await app.inject({ method: 'GET', url: scriptPath ?? '' });
    expect(script.body).toMatch(/import \{ initAll \} from '\.\/govuk-frontend-[0-9a-f]{12}\.js'/);
    expect((await app.inject({ method: 'GET', url: '/assets/manifest.json' })).statusCode).toBe(404);
  });

  it('shows error detail outside production', async () => {
    const response = await app.inject({ method: 'GET', url: '/test-failure' });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    expect(response.body).toContain('secret internal detail');
  });
});

describe.each(testEngines())('in production on %s', (engine) => {
  it('shows a 500 page with a reference and no stack trace', async () => {
    const database = await createTestDatabase(engine);
    const app = await buildTestApp(database, 'production');
    app.get('/test-failure', { config: { permission: 'public' } }, async () => {
      throw new Error('secret internal detail');
    });
    try {
      const page = await app.inject({ method: 'GET', url: '/test-failure' });
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain(`quote this reference: ${page.headers['x-request-id']}`);
      expect(page.body).not.toContain('secret internal detail');
      expect(page.body).not.toContain('.ts:');
      const api = await app.inject({
        method: 'GET',
        url: '/test-failure',
        headers: { accept: 'application/json' },
      });
      expect(api.json()).toEqual({ error: 'Internal server error', requestId: api.headers['x-request-id'] });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers 503 from /health when the database cannot be reached', async () => {
    const database = await createTestDatabase(engine);
    const app = await buildTestApp(database, 'production');
    try {
      await database.close();
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'unavailable',
        database: { engine, error: 'database unreachable' },
      });
    } finally {
      await app.close();
    }
  });
});
