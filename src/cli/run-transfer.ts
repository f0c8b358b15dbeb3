import fs from 'node:fs';
import { postgresUrl, redactUrl } from '../config.ts';
import { auditGuardWarning } from '../kernel/audit/audit-guard.ts';
import { type CommandContext, UsageError } from '../kernel/cli/command.ts';
import { openPostgres } from '../kernel/db/postgres.ts';
import { openBackup, writeBackup } from '../kernel/db/transfer/backup-file.ts';
import {
  copyDatabase,
  type LoadReport,
  loadSnapshot,
  migrationsAtLevel,
  type Progress,
  readSnapshot,
  type TableEntry,
} from '../kernel/db/transfer/transfer.ts';
import { plural } from '../kernel/formats/words.ts';
import { withDatabase } from './with-database.ts';

/** One line per table with rows, as it starts: a long copy shows where it is. */
function progressOn(stderr: (line: string) => void): Progress {
  return ({ table, index, total }) =>
    stderr(`  ${table.table}: ${plural(table.rows, 'row')} (table ${index + 1} of ${total})`);
}

function sizeOf(report: { tables: number; rows: number; sequences: number }): string {
  return `${plural(report.tables, 'table')} (${plural(report.rows, 'row')}) and ${plural(report.sequences, 'sequence')}`;
}

function totals(tables: TableEntry[], sequences: number) {
  return { tables: tables.length, rows: tables.reduce((sum, table) => sum + table.rows, 0), sequences };
}

function newerMigrations(report: LoadReport): string {
  return report.migrated.length > 0
    ? ` Then applied ${plural(report.migrated.length, 'newer migration')}.`
    : '';
}

function positionalFile(positionals: string[], what: string): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`Give the ${what}.`);
  return file;
}

export async function runDbCopy({ options, stderr }: CommandContext): Promise<void> {
  const to = typeof options.to === 'string' ? options.to : '';
  if (!to)
    throw new UsageError('Give the PostgreSQL database to copy to: --to postgres://user@host:5432/database.');
  if (!postgresUrl.safeParse(to).success) {
    throw new UsageError('--to must be a URL of the form postgres://user@host:5432/database.');
  }
  await withDatabase(
    async ({ database }) => {
      const target = await openPostgres(to, 1);
      try {
        stderr(`Copying ${database.description} to PostgreSQL at ${redactUrl(to)}:`);
        const report = await copyDatabase(database, target.sql, progressOn(stderr));
        stderr(
          `Copied ${sizeOf(report)}; every table's rows and checksum match.${newerMigrations(report)} ` +
            'Set DATABASE_URL to that database to run Peelian on it.',
        );
        const warning = await auditGuardWarning(target.sql, 'postgresql');
        if (warning) stderr(warning);
      } finally {
        await target.close();
      }
    },
    { migrate: false },
  );
}

export async function runDbBackup({ positionals, stderr }: CommandContext): Promise<void> {
  const file = positionalFile(positionals, 'file to write the backup to');
  await withDatabase(
    async ({ database }) => {
      const size = await readSnapshot(database, async (snapshot) => {
        await writeBackup(file, snapshot, progressOn(stderr));
        return totals(snapshot.manifest.tables, snapshot.manifest.sequences.length);
      });
      const bytes = fs.statSync(file).size;
      stderr(
        `Backed up ${sizeOf(size)} from ${database.description} to ${file} (${plural(Math.ceil(bytes / 1024), 'KiB', 'KiB')}).`,
      );
    },
    { migrate: false },
  );
}

export async function runDbRestore({ positionals, stderr }: CommandContext): Promise<void> {
  const file = positionalFile(positionals, 'backup file to restore');
  // The file is read before the database opens, so a wrong file costs nothing.
  const reader = await openBackup(file);
  try {
    migrationsAtLevel(reader.manifest);
    await withDatabase(
      async ({ database }) => {
        const report = await loadSnapshot(database.sql, reader.manifest, reader, progressOn(stderr));
        stderr(
          `Restored ${sizeOf(report)} into ${database.description}; every table's rows and checksum match.${newerMigrations(report)}`,
        );
      },
      { migrate: false },
    );
  } finally {
    reader.close();
  }
}
