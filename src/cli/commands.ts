import { DOMAINS } from '../domains/domains.ts';
import type { Command, DomainCommand } from '../kernel/cli/command.ts';
import { cliActor, withDatabase } from './with-database.ts';

/** A domain's command, run with the services built on the configured database. */
function fromDomain<Services>(command: DomainCommand<Services>): Command {
  return {
    ...command,
    run: (context) =>
      command.run({
        ...context,
        withServices: (work) => withDatabase(({ services }) => work(services as Services)),
        actor: cliActor(),
      }),
  };
}

/**
 * Every command's name, help and options: the installation's own (serve, database, demo, assets) and then
 * each domain's, in the order of the domain list.
 */
export const COMMANDS: Command[] = [
  {
    words: ['serve'],
    summary: 'Run the web server (migrates the database first)',
    usage: 'peelian serve [--seed-demo]',
    options: { 'seed-demo': { type: 'boolean' } },
    optionHelp: ['--seed-demo    load the Thames Valley demonstration data first (safe to repeat)'],
    run: async (context) => (await import('./run-serve.ts')).runServe(context),
  },
  {
    words: ['db', 'migrate'],
    summary: 'Apply pending database migrations',
    usage: 'peelian db migrate',
    options: {},
    optionHelp: [],
    run: async (context) => (await import('./run-database.ts')).runDbMigrate(context),
  },
  {
    words: ['db', 'status'],
    summary: 'List migrations and whether each is applied',
    usage: 'peelian db status [--json]',
    options: { json: { type: 'boolean' } },
    optionHelp: ['--json    print JSON instead of a table'],
    run: async (context) => (await import('./run-database.ts')).runDbStatus(context),
  },
  {
    words: ['db', 'copy'],
    summary: 'Copy this database into a new, empty PostgreSQL database, checking every table',
    usage: 'peelian db copy --to <postgres://user@host:5432/database>',
    options: { to: { type: 'string' } },
    optionHelp: ['--to <url>    the empty PostgreSQL database to copy into'],
    run: async (context) => (await import('./run-transfer.ts')).runDbCopy(context),
  },
  {
    words: ['db', 'backup'],
    summary: 'Write the whole database to a new backup file (either engine)',
    usage: 'peelian db backup <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: async (context) => (await import('./run-transfer.ts')).runDbBackup(context),
  },
  {
    words: ['db', 'restore'],
    summary: 'Load a backup file into an empty database (either engine), checking every table',
    usage: 'peelian db restore <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: async (context) => (await import('./run-transfer.ts')).runDbRestore(context),
  },
  {
    words: ['seed', 'demo'],
    summary: 'Load the Thames Valley demonstration data (safe to repeat)',
    usage: 'peelian seed demo',
    options: {},
    optionHelp: [],
    run: async (context) => (await import('./run-database.ts')).runSeedDemo(context),
  },
  ...DOMAINS.modules.flatMap((module) => (module.commands ?? []).map(fromDomain)),
  {
    words: ['assets', 'build'],
    summary: 'Build the stylesheets and scripts into public/',
    usage: 'peelian assets build',
    options: {},
    optionHelp: [],
    run: async (context) => (await import('./run-assets.ts')).runAssetsBuild(context),
  },
];
