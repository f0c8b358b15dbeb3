import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from './composition.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from './domains/accounts/accounts.testing.ts';
import { buildTestApp, TEST_URLS } from './kernel/testing/test-app.ts';
import { TestClient } from './kernel/testing/test-client.ts';
import { createTestDatabase, type TestDatabase } from './kernel/testing/test-database.ts';

/**
 * Routes that change something yet must be open to anyone, each with its reason. A new public route that
 * changes anything fails this test until it is added here, on purpose.
 */
const PUBLIC_CHANGES: Record<string, string> = {
  'POST /sign-in': 'signing in is how one stops being anonymous',
  'POST /sign-in/two-factor': 'the second step of signing in',
  'POST /account/two-factor': 'an administrator completing sign-in sets up their authenticator here',
  'POST /sign-out': 'ends only the caller’s own session',
  'POST /password/forgot': 'a forgotten password cannot require signing in',
  'POST /password/set/:token': 'the one-time link is the credential',
  'POST /password/reset/:token': 'the one-time link is the credential',
  'POST /api/v1/spc': 'a calculation on the caller’s own numbers; it stores nothing',
  'POST /meetings/:id/questions':
    'the public ask questions of the panel without an account; CSRF, a rate limit and a honeypot guard it',
  'POST /api/v1/meetings/:id/questions':
    'the public question form as JSON for other tools: the same deadline, length and per-person rules, a rate limit and a honeypot; JSON needs a CORS preflight Peelian never grants',
  'POST /surveys/:survey':
    'the public answer surveys without an account; CSRF, a rate limit, a honeypot and a duplicate check guard it',
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function concrete(url: string): string {
  return url.replace(/:token/g, 'x'.repeat(43)).replace(/:[a-zA-Z]+/g, '1');
}

describe('every route that changes anything is guarded', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let panelMember: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    await createTestBody(database.db, 'guard-panel', 'scrutiny-panel');
    const { email } = await createTestUser(services, { role: 'panel-member', body: 'guard-panel' });
    app = await buildTestApp(database);
    panelMember = new TestClient(app);
    const signedIn = await panelMember.post('/sign-in', { email, password: TEST_PASSWORD });
    expect(signedIn.statusCode).toBe(303);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('declares a permission on every route (the app refuses to start otherwise)', () => {
    expect(app.declaredRoutes.length).toBeGreaterThan(10);
    for (const route of app.declaredRoutes)
      expect(route.permission, `${route.method} ${route.url}`).toBeTruthy();
  });

  it('lists every public route that changes something, with its reason', () => {
    const publicChanges = app.declaredRoutes
      .filter((route) => !READS.has(route.method) && route.permission === 'public')
      .map((route) => `${route.method} ${route.url}`);
    expect(publicChanges.sort()).toEqual(Object.keys(PUBLIC_CHANGES).sort());
  });

  it('refuses an anonymous caller on every guarded route that changes something, even with a valid CSRF token', async () => {
    const guarded = app.declaredRoutes.filter(
      (route) => !READS.has(route.method) && route.permission !== 'public',
    );
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const anonymous = new TestClient(app);
      const response = await anonymous.post(concrete(route.url), {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('refuses a signed-in caller without the permission, on every route that needs one', async () => {
    const needingPermission = app.declaredRoutes.filter(
      (route) => route.permission !== 'public' && route.permission !== 'signed-in',
    );
    expect(needingPermission.length).toBeGreaterThan(0);
    for (const route of needingPermission) {
      const url = concrete(route.url);
      const response = READS.has(route.method) ? await panelMember.get(url) : await panelMember.post(url, {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('sends an anonymous reader of a guarded page to sign in, and an API caller a 401', async () => {
    const guardedReads = app.declaredRoutes.filter(
      (route) => route.method === 'GET' && route.permission !== 'public',
    );
    for (const route of guardedReads) {
      const response = await app.inject({ method: 'GET', url: concrete(route.url) });
      if (route.url.startsWith('/api/')) expect(response.statusCode, route.url).toBe(401);
      else expect(response.headers.location, route.url).toMatch(/^\/sign-in\?next=/);
    }
  });
});
