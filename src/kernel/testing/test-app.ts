import type { FastifyInstance } from 'fastify';
import { createApp } from '../../app.ts';
import { buildDeps } from '../../composition.ts';
import { loadConfig } from '../../config.ts';
import type { TestDatabase } from './test-database.ts';

/** The real app on a test database, quiet, in the given environment (production hides error detail). */
export async function buildTestApp(
  database: TestDatabase,
  environment: 'test' | 'production' | 'development' = 'test',
): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: environment, LOG_LEVEL: 'silent' });
  return createApp(await buildDeps(config, database));
}
