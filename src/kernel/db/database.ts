import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../../config.ts';
import { DataDirInUseError } from './errors.ts';
import { openPGlite } from './pglite.ts';
import { COMMAND_SOCKET_FILE, COMMAND_SOCKET_PORT } from './pglite-command-socket.ts';
import { openPool, openPostgres } from './postgres.ts';
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
  /**
   * PGlite on disk only: offer this database to `peelian` commands on a socket in the data directory until
   * the handle closes. Gives the socket's path.
   */
  acceptCommands?: () => Promise<string>;
  /** PostgreSQL only: the pool's connections, for the metrics. */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

export interface OpenOptions {
  /**
   * A command, not the server: when the embedded database's data directory is held by the running server,
   * work through the server's command socket instead of refusing.
   */
  throughRunningServer?: boolean;
}

export function openDatabase<Schema>(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<DatabaseHandle<Schema>> {
  if (config.engine === 'postgresql') return openPostgres<Schema>(config.url, config.poolSize);
  return options.throughRunningServer
    ? openPGliteOrRunningServer<Schema>(config.dataDir)
    : openPGlite<Schema>({ dataDir: config.dataDir });
}

/**
 * How long a command keeps trying the running server's socket: the server opens it a few seconds after
 * taking the data directory, and takes one command at a time.
 */
const RUNNING_SERVER_WAIT_MS = 60_000;
const RETRY_EVERY_MS = 200;

/** Opens the data directory itself if it is free, or else goes through the server holding it. */
async function openPGliteOrRunningServer<Schema>(dataDir: string): Promise<DatabaseHandle<Schema>> {
  const deadline = Date.now() + RUNNING_SERVER_WAIT_MS;
  for (;;) {
    try {
      return await openPGlite<Schema>({ dataDir });
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      try {
        return await openThroughRunningServer<Schema>(error);
      } catch (socketError) {
        if (Date.now() >= deadline) throw socketError;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
  }
}

async function openThroughRunningServer<Schema>(inUse: DataDirInUseError): Promise<DatabaseHandle<Schema>> {
  const socketPath = path.join(inUse.dataDir, COMMAND_SOCKET_FILE);
  const handle = await openPool<Schema>({
    // One connection, kept for the whole command: the server takes one command at a time.
    pool: {
      host: inUse.dataDir,
      port: COMMAND_SOCKET_PORT,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      idleTimeoutMillis: 0,
    },
    description: `PGlite at ${inUse.dataDir}, through the running server (pid ${inUse.holderPid})`,
    unreachable: (reason) =>
      `The data directory ${inUse.dataDir} is in use by another Peelian process (pid ${inUse.holderPid}), ` +
      `which did not take this command on ${socketPath} (${reason}). If it is another command, let it finish ` +
      'and try again; if it is the server, check that it is running.',
  });
  // The data is PGlite's (PostgreSQL 18) even though we speak to it as to a PostgreSQL server.
  return { ...handle, engine: 'pglite' };
}
