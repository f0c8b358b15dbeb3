import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../db/migrator.ts';
import { openPostgres } from '../db/postgres.ts';

export interface PostgresTemplates {
  /** DATABASE_URL as given: the server where per-file databases are created. */
  adminUrl: string;
  empty: string;
  migrated: string;
}

/** Creates an empty and a migrated template database; each test file copies one (CREATE DATABASE … TEMPLATE). */
export async function createPostgresTemplates(adminUrl: string): Promise<PostgresTemplates> {
  const suffix = randomBytes(4).toString('hex');
  const templates = {
    adminUrl,
    empty: `peelian_tmpl_empty_${suffix}`,
    migrated: `peelian_tmpl_migrated_${suffix}`,
  };
  await withAdmin(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${templates.empty} TEMPLATE template0`);
    await client.query(`CREATE DATABASE ${templates.migrated} TEMPLATE template0`);
  });
  const database = await openPostgres(databaseUrl(adminUrl, templates.migrated), 1);
  try {
    await migrate(database.sql);
  } finally {
    await database.close();
  }
  return templates;
}

export async function dropPostgresTemplates(templates: PostgresTemplates): Promise<void> {
  await withAdmin(templates.adminUrl, async (client) => {
    for (const name of [templates.empty, templates.migrated]) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, databaseName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}
