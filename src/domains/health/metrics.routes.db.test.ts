import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';

describe.each(testEngines())('Prometheus metrics at /metrics, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let adminToken: string;

  beforeAll(async () => {
    app = await buildTestApp(database.current);
    const services = buildServices(database.current, TEST_URLS);
    const created = await services.apiTokens.createToken(systemActor('test'), {
      name: 'scraper',
      role: 'admin',
      expiresInDays: 30,
    });
    adminToken = created.token;
    await services.users.createUser(systemActor('test'), {
      email: `metrics-${Date.now()}@test.example`,
      displayName: 'Queued Person',
      role: 'admin',
    });
  });
  afterAll(() => app?.close());

  const scrape = (options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    app.inject({ method: 'GET', url: '/metrics', ...options });

  it('times requests by route pattern and status, and counts the outbox queue and import runs', async () => {
    expect((await app.inject({ method: 'GET', url: '/ping' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/no/such/page' })).statusCode).toBe(404);
    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
    const text = response.body;
    expect(text).toContain(
      `peelian_http_request_duration_seconds_count{engine="${engine}",method="GET",route="/ping",status="200"} 1\n`,
    );
    // An unknown address is counted under no route, so a crawler cannot make a new series per URL.
    expect(text).not.toContain('/no/such/page');
    expect(text).toMatch(/route="unmatched",status="404"/);
    // Creating an account queues its set-password message in the outbox.
    expect(text).toMatch(/peelian_outbox_unsent_messages\{given_up="false",engine="\w+"\} [1-9]\d*\n/);
    expect(text).toMatch(/peelian_outbox_unsent_messages\{given_up="true",engine="\w+"\} 0\n/);
    expect(text).toContain('# TYPE peelian_police_uk_import_runs gauge');
    expect(text).toMatch(/peelian_process_resident_memory_bytes\{engine="\w+"\} \d+/);
    if (engine === 'postgresql') expect(text).toMatch(/peelian_database_pool_connections\{state="open"/);
  });

  it('answers only a scraper on this machine or an administrator’s token, never the public through a proxy', async () => {
    expect((await scrape({ remoteAddress: '203.0.113.9' })).statusCode).toBe(403);
    expect((await scrape({ headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(403);
    const withToken = await scrape({
      remoteAddress: '203.0.113.9',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).toContain('peelian_http_request_duration_seconds');
  });
});
