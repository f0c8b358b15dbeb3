import { buildServices } from '../composition.ts';
import { loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../kernel/db/database.ts';
import { migrate, migrationStatus } from '../kernel/db/migrator.ts';
import type { Schema } from '../schema.ts';
import type { Command } from './command.ts';

async function withDatabase<T>(work: (database: DatabaseHandle<Schema>) => Promise<T>): Promise<T> {
  const database = await openDatabase<Schema>(loadConfig().database);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export const dbMigrate: Command = {
  words: ['db', 'migrate'],
  summary: 'Apply pending database migrations',
  usage: 'peelian db migrate',
  options: {},
  optionHelp: [],
  async run({ stdout, stderr }) {
    await withDatabase(async (database) => {
      const applied = await migrate(database.sql);
      for (const name of applied) stdout(name);
      stderr(
        applied.length === 0
          ? `Database is up to date (${database.description}).`
          : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${database.description}.`,
      );
    });
  },
};

export const dbStatus: Command = {
  words: ['db', 'status'],
  summary: 'List migrations and whether each is applied',
  usage: 'peelian db status [--json]',
  options: { json: { type: 'boolean' } },
  optionHelp: ['--json    print JSON instead of a table'],
  async run({ options, stdout }) {
    await withDatabase(async (database) => {
      const status = await migrationStatus(database.sql);
      if (options.json) {
        stdout(JSON.stringify({ engine: database.engine, migrations: status }, null, 2));
        return;
      }
      for (const row of status) {
        stdout(
          `${row.state.padEnd(8)} ${row.name}${row.appliedAt ? `  ${row.appliedAt.toISOString()}` : ''}`,
        );
      }
    });
  },
};

export const seedDemo: Command = {
  words: ['seed', 'demo'],
  summary: 'Load the Thames Valley demonstration data (safe to repeat)',
  usage: 'peelian seed demo',
  options: {},
  optionHelp: [],
  async run({ stderr }) {
    await withDatabase(async (database) => {
      await migrate(database.sql);
      stderr(describeSeed(await seedDemoData(database)));
    });
  },
};

export async function seedDemoData(database: DatabaseHandle<Schema>) {
  return buildServices(database).areas.seedDemoAreas();
}

export function describeSeed(counts: { forceAreas: number; localAuthorities: number }): string {
  return `Demo data loaded: ${counts.forceAreas} force area, ${counts.localAuthorities} local authorities.`;
}
