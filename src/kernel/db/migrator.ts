import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SqlClient } from './sql-client.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

const FILE_NAME = /^(\d{4})_[a-z0-9]+(?:_[a-z0-9]+)*\.sql$/;
/** Any fixed number: it names the advisory lock that lets only one process migrate at a time. */
const MIGRATION_LOCK_KEY = 7_335_201;

export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

export interface MigrationStatus {
  name: string;
  state: 'applied' | 'pending';
  appliedAt: Date | null;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  const names = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const seenNumbers = new Set<string>();
  return names.map((name) => {
    const match = FILE_NAME.exec(name);
    if (!match?.[1]) {
      throw new MigrationError(
        `Migration file ${name} must be named NNNN_<domain>_<what>.sql in lower case.`,
      );
    }
    if (seenNumbers.has(match[1]))
      throw new MigrationError(`Two migration files share the number ${match[1]}.`);
    seenNumbers.add(match[1]);
    const sql = fs.readFileSync(path.join(dir, name), 'utf8');
    return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/**
 * Applies pending migrations in order, each in its own transaction with its record, and refuses to go on
 * when an applied migration was edited or removed: migrations are forward only.
 */
export async function migrate(sql: SqlClient, files: MigrationFile[] = readMigrations()): Promise<string[]> {
  await ensureMigrationTable(sql);
  verifyApplied(await listApplied(sql), files);
  const applied: string[] = [];
  for (const file of files) {
    const ran = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      // Another process may have applied it while we waited for the lock.
      const done = await tx.query('SELECT 1 FROM schema_migration WHERE name = $1', [file.name]);
      if (done.length > 0) return false;
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migration (name, checksum) VALUES ($1, $2)', [
        file.name,
        file.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(file.name);
  }
  return applied;
}

export async function migrationStatus(
  sql: SqlClient,
  files: MigrationFile[] = readMigrations(),
): Promise<MigrationStatus[]> {
  await ensureMigrationTable(sql);
  const applied = await listApplied(sql);
  verifyApplied(applied, files);
  const appliedAt = new Map(applied.map((row) => [row.name, row.applied_at]));
  return files.map((file) => ({
    name: file.name,
    state: appliedAt.has(file.name) ? 'applied' : 'pending',
    appliedAt: appliedAt.get(file.name) ?? null,
  }));
}

export async function countAppliedMigrations(sql: SqlClient): Promise<number> {
  const rows = await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM schema_migration');
  return rows[0]?.count ?? 0;
}

interface AppliedRow {
  name: string;
  checksum: string;
  applied_at: Date;
}

async function ensureMigrationTable(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
}

function listApplied(sql: SqlClient): Promise<AppliedRow[]> {
  return sql.query<AppliedRow>('SELECT name, checksum, applied_at FROM schema_migration ORDER BY name');
}

function verifyApplied(applied: AppliedRow[], files: MigrationFile[]): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    const file = byName.get(row.name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.name} was applied to this database but its file is missing. ` +
          'Restore the file, or use the Peelian version that created this database.',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.name} was edited after it was applied (its checksum changed). ` +
          'Migrations are forward only: undo the edit and put the change in a new migration.',
      );
    }
  }
}
