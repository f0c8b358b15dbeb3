import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../app.ts';
import { buildDeps, buildServices, type Services } from '../../composition.ts';
import { loadConfig } from '../../config.ts';
import type { Engine } from '../db/database.ts';
import { type TestDatabase, useTestDatabase } from './test-database.ts';

/** Where links in messages point during tests. */
export const TEST_URLS = { baseUrl: 'http://localhost:3000' } as const;

/**
 * The real app on a test database, quiet, in the given environment (production hides error detail),
 * with any further environment variables a test needs.
 */
export async function buildTestApp(
  database: TestDatabase,
  environment: 'test' | 'production' | 'development' = 'test',
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: environment,
    LOG_LEVEL: 'silent',
    PEELIAN_SECRET: 'test-secret-'.repeat(4),
    PEELIAN_BASE_URL: TEST_URLS.baseUrl,
    ...env,
  });
  return createApp(await buildDeps(config, database));
}

/** What a test file works with; read the fields inside hooks and tests, once the fixture's hook has run. */
export interface TestServicesFixture {
  database: { current: TestDatabase };
  services: Services;
}

/** A database of the file's own and the services on it, made before the file's own `beforeAll`. */
export function useTestServices(engine: Engine): TestServicesFixture {
  const database = useTestDatabase(engine);
  const fixture: TestServicesFixture = { database, services: undefined as unknown as Services };
  beforeAll(() => {
    fixture.services = buildServices(database.current, TEST_URLS);
  });
  return fixture;
}

/** What a route test file works with: the services' fixture, and the app. */
export interface TestAppFixture extends TestServicesFixture {
  app: FastifyInstance;
}

/**
 * A database of the file's own, the services on it and the app, made before the file's own `beforeAll` (which
 * seeds through `services`) and closed after its tests.
 */
export function useTestApp(engine: Engine): TestAppFixture {
  const fixture = useTestServices(engine) as TestAppFixture;
  beforeAll(async () => {
    fixture.app = await buildTestApp(fixture.database.current);
  });
  afterAll(() => fixture.app?.close());
  return fixture;
}
