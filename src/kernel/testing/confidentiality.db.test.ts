import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../composition.ts';
import { systemActor } from '../auth/actor.ts';
import { expectNeverPublic } from './confidentiality.ts';
import { buildTestApp, TEST_URLS } from './test-app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

describe('expectNeverPublic', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await buildServices(database, TEST_URLS).areas.seedDemoAreas(systemActor('test'));
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('passes when no public page shows the marker', async () => {
    await expectNeverPublic(app, 'a6f3c1e9-not-anywhere');
  });

  it('fails, naming the page, when a public page shows it', async () => {
    await expect(expectNeverPublic(app, 'E23000029')).rejects.toThrow(/\/ shows the non-public record/);
    await expect(expectNeverPublic(app, 'E07000180', ['/areas.csv'])).rejects.toThrow(
      /shows the non-public record/,
    );
  });
});
