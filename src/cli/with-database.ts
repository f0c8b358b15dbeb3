import os from 'node:os';
import { buildServices, type Services } from '../composition.ts';
import { type Config, loadConfig } from '../config.ts';
import { systemActor } from '../kernel/auth/actor.ts';
import { type DatabaseHandle, openDatabase } from '../kernel/db/database.ts';
import { migrate } from '../kernel/db/migrator.ts';
import type { Schema } from '../schema.ts';

export interface CliSession {
  config: Config;
  database: DatabaseHandle<Schema>;
  services: Services;
}

/**
 * Opens the configured database for one command and always closes it (releasing the data directory).
 * While the server runs on the embedded database, the command works through the server's socket.
 */
export async function withDatabase<T>(
  work: (session: CliSession) => Promise<T>,
  options = { migrate: true },
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase<Schema>(config.database, { throughRunningServer: true });
  try {
    if (options.migrate) await migrate(database.sql);
    return await work({ config, database, services: buildServices(database, config) });
  } finally {
    await database.close();
  }
}

/** The person at the terminal, as the audit trail names them. */
export function cliActor() {
  return systemActor(`cli:${os.userInfo().username}`);
}
