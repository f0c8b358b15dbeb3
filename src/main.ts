import { createApp } from './app.ts';
import { buildDeps, type Deps, describeSeed, seedDemoData } from './composition.ts';
import type { Config } from './config.ts';
import { deliverOutbox, logSender } from './domains/accounts/index.ts';
import { ensureAssets, PUBLIC_DIR } from './kernel/assets/build-assets.ts';
import { migrate } from './kernel/db/migrator.ts';

export interface ServeOptions {
  seedDemo: boolean;
  log: (line: string) => void;
}

/**
 * Starts Peelian: build the static assets if their sources changed, open the database, migrate, listen, then
 * optionally load the demo; stop cleanly on a signal.
 */
export async function serve(config: Config, options: ServeOptions): Promise<void> {
  if ((await ensureAssets()).built) options.log(`Built the stylesheets and scripts into ${PUBLIC_DIR}.`);
  const deps = await buildDeps(config);
  try {
    const applied = await migrate(deps.database.sql);
    if (applied.length > 0)
      options.log(`Applied ${applied.length} migration(s) to ${deps.database.description}.`);
    // Before the demo loads, so that commands need not wait for it.
    await offerDatabaseToCommands(deps.database, options.log);
  } catch (error) {
    await deps.database.close();
    throw error;
  }

  const app = await createApp(deps);
  // Messages (password links) go out every few seconds. The demo sender writes them to the log.
  const sender = logSender((entry, message) => deps.logger.info(entry, message));
  const outbox = setInterval(() => {
    deliverOutbox(deps.database.db, sender, () => new Date()).catch((error) =>
      deps.logger.error({ err: error }, 'outbox delivery failed'),
    );
  }, 5000);
  outbox.unref();
  const shutdown = async (signal: string) => {
    deps.logger.info({ signal }, 'shutting down');
    clearInterval(outbox);
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await deps.database.close();
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE')
      throw new Error(`Port ${config.port} is already in use. Set PORT to a free port.`);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  options.log(`Peelian is running at ${url} (${deps.database.description}). Press Ctrl+C to stop.`);
  if (options.seedDemo) await seedDemoAfterListening(deps, options.log);
}

/**
 * Loads the demo once the server answers. A loaded database needs nothing, yet checking every domain's demo
 * takes seconds that a start need not wait for; on a fresh database the pages fill in as each domain loads.
 * A failure is reported and the server keeps serving what the database holds.
 */
async function seedDemoAfterListening(deps: Deps, log: (line: string) => void): Promise<void> {
  try {
    const reports = await seedDemoData(deps.database, deps.services, { policeUkInBackground: log });
    for (const line of describeSeed(reports)) log(line);
  } catch (error) {
    log(`Loading the demo data stopped: ${(error as Error).message}`);
  }
}

/**
 * With the embedded database, `peelian` commands (users, tokens, imports…) cannot open the data directory
 * while the server holds it; the server lets them in through a private socket instead. If the socket
 * cannot be opened the server still runs, and says that commands must wait until it stops.
 */
async function offerDatabaseToCommands(
  database: Deps['database'],
  log: (line: string) => void,
): Promise<void> {
  if (!database.acceptCommands) return;
  try {
    await database.acceptCommands();
  } catch (error) {
    log(`Commands cannot reach the database while the server runs: ${(error as Error).message}.`);
  }
}
