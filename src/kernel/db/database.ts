import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../../config.ts';
import { openPGlite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { SqlClient } from './sql-client.ts';

export type Engine = 'pglite' | 'postgresql';

export interface DatabaseHandle<Schema> {
  engine: Engine;
  db: Kysely<Schema>;
  sql: SqlClient;
  /** Where the data lives, safe to print (no password). */
  description: string;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to clone fast in tests. */
  dumpSnapshot?: () => Promise<Blob>;
}

export function openDatabase<Schema>(config: DatabaseConfig): Promise<DatabaseHandle<Schema>> {
  return config.engine === 'postgresql'
    ? openPostgres<Schema>(config.url, config.poolSize)
    : openPGlite<Schema>({ dataDir: config.dataDir });
}
