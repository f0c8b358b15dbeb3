import type { FastifyInstance } from 'fastify';
import { createApp } from '../../app.ts';
import { buildDeps } from '../../composition.ts';
import { loadConfig } from '../../config.ts';
import type { TestDatabase } from './test-database.ts';

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
