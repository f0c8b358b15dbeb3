import { describeSeed, seedDemoData } from '../composition.ts';
import { auditGuardWarning } from '../kernel/audit/audit-guard.ts';
import { type CommandContext, printResult } from '../kernel/cli/command.ts';
import { migrate, migrationStatus } from '../kernel/db/migrator.ts';
import { plural } from '../kernel/formats/words.ts';
import { withDatabase } from './with-database.ts';

export async function runDbMigrate({ stdout, stderr }: CommandContext): Promise<void> {
  await withDatabase(
    async ({ database }) => {
      const applied = await migrate(database.sql);
      for (const name of applied) stdout(name);
      const warning = await auditGuardWarning(database.sql, database.engine);
      if (warning) stderr(warning);
      stderr(
        applied.length === 0
          ? `Database is up to date (${database.description}).`
          : `Applied ${plural(applied.length, 'migration')} to ${database.description}.`,
      );
    },
    { migrate: false },
  );
}

export async function runDbStatus({ options, stdout }: CommandContext): Promise<void> {
  await withDatabase(
    async ({ database }) => {
      const migrations = await migrationStatus(database.sql);
      printResult({ options, stdout }, { engine: database.engine, migrations }, (status) =>
        status.migrations.map(
          (row) =>
            `${row.state.padEnd(8)} ${row.name}${row.appliedAt ? `  ${row.appliedAt.toISOString()}` : ''}`,
        ),
      );
    },
    { migrate: false },
  );
}

export async function runSeedDemo({ stderr }: CommandContext): Promise<void> {
  await withDatabase(async ({ database, services }) => {
    for (const line of describeSeed(await seedDemoData(database, services))) stderr(line);
  });
}
