import type { DatabaseHandle } from '../../kernel/db/database.ts';
import { countAppliedMigrations } from '../../kernel/db/migrator.ts';

export type HealthReport =
  | { status: 'ok'; database: { engine: DatabaseHandle<unknown>['engine']; migrations: number } }
  | { status: 'unavailable'; database: { engine: DatabaseHandle<unknown>['engine']; error: string } };

export function createHealthService(database: Pick<DatabaseHandle<unknown>, 'engine' | 'sql'>) {
  async function checkHealth(): Promise<HealthReport> {
    try {
      const migrations = await countAppliedMigrations(database.sql);
      return { status: 'ok', database: { engine: database.engine, migrations } };
    } catch {
      // The reason goes to the log by the caller; the public answer names no host or credential.
      return { status: 'unavailable', database: { engine: database.engine, error: 'database unreachable' } };
    }
  }
  return { checkHealth };
}

export type HealthService = ReturnType<typeof createHealthService>;
