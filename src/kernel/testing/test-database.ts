import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Schema } from '../../schema.ts';
import type { DatabaseHandle, Engine } from '../db/database.ts';
import { openPGlite } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import { copyTemplate, databaseUrl, withAdmin } from './postgres-templates.ts';

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as in CI). */
export function testEngines(): Engine[] {
  return inject('postgresTemplates') ? ['pglite', 'postgresql'] : ['pglite'];
}

export type TestDatabase = DatabaseHandle<Schema>;

/** A database of its own for one test file: migrated by default, or empty for migrator tests. */
export async function createTestDatabase(
  engine: Engine,
  state: 'migrated' | 'empty' = 'migrated',
): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshots')[state])]);
    return openPGlite<Schema>({ snapshot });
  }
  const templates = inject('postgresTemplates');
  if (!templates) throw new Error('PostgreSQL tests need DATABASE_URL');
  const name = `peelian_test_${randomBytes(6).toString('hex')}`;
  await copyTemplate(templates.adminUrl, templates[state], name);
  const database = await openPostgres<Schema>(databaseUrl(templates.adminUrl, name), 4);
  return {
    ...database,
    async close() {
      await database.close();
      await withAdmin(templates.adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/** Opens a database before the file's tests and drops it after; read `.current` inside tests. */
export function useTestDatabase(engine: Engine, state: 'migrated' | 'empty' = 'migrated') {
  const holder: { current: TestDatabase } = { current: undefined as unknown as TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(engine, state);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
