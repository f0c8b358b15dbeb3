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

/** Any fixed number: it names the advisory lock that serialises copies of a template across test workers. */
const TEMPLATE_COPY_LOCK = 7_335_202;

/** SQLSTATE object_in_use: "source database … is being accessed by other users". */
const OBJECT_IN_USE = '55006';
const COPY_ATTEMPTS = 5;

/**
 * Copies a template database. PostgreSQL refuses two copies of one template at once ("being accessed by
 * other users"), so parallel test files take turns through an advisory lock. It also refuses while the
 * backend of a connection that has just closed is still exiting, which on a loaded machine can outlast the
 * server's own five-second wait: then the copy is tried again.
 */
export async function copyTemplate(adminUrl: string, template: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_COPY_LOCK]);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === COPY_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_COPY_LOCK]);
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
