import { buildServices, describeSeed, seedDemoData } from '../composition.ts';
import { loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../kernel/db/database.ts';
import { migrate, migrationStatus } from '../kernel/db/migrator.ts';
import type { Schema } from '../schema.ts';
import type { CommandContext } from './command.ts';

async function withDatabase<T>(work: (database: DatabaseHandle<Schema>) => Promise<T>): Promise<T> {
  const database = await openDatabase<Schema>(loadConfig().database);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function runDbMigrate({ stdout, stderr }: CommandContext): Promise<void> {
  await withDatabase(async (database) => {
    const applied = await migrate(database.sql);
    for (const name of applied) stdout(name);
    stderr(
      applied.length === 0
        ? `Database is up to date (${database.description}).`
        : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${database.description}.`,
    );
  });
}

export async function runDbStatus({ options, stdout }: CommandContext): Promise<void> {
  await withDatabase(async (database) => {
    const status = await migrationStatus(database.sql);
    if (options.json) {
      stdout(JSON.stringify({ engine: database.engine, migrations: status }, null, 2));
      return;
    }
    for (const row of status) {
      stdout(`${row.state.padEnd(8)} ${row.name}${row.appliedAt ? `  ${row.appliedAt.toISOString()}` : ''}`);
    }
  });
}

export async function runSeedDemo({ stderr }: CommandContext): Promise<void> {
  await withDatabase(async (database) => {
    await migrate(database.sql);
    stderr(describeSeed(await seedDemoData(buildServices(database))));
  });
}
