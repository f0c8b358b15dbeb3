import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import type { DatabaseHandle } from '../../kernel/db/database.ts';
import { countAppliedMigrations } from '../../kernel/db/migrator.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import type { Metrics } from '../../kernel/metrics/metrics.ts';

export type HealthReport =
  | { status: 'ok'; database: { engine: DatabaseHandle<unknown>['engine']; migrations: number } }
  | { status: 'unavailable'; database: { engine: DatabaseHandle<unknown>['engine']; error: string } };

export function createHealthService({
  database,
  policy,
  metrics,
}: {
  database: Pick<DatabaseHandle<unknown>, 'engine' | 'sql'>;
  policy: Policy;
  metrics: Metrics;
}) {
  async function checkHealth(): Promise<HealthReport> {
    try {
      const migrations = await countAppliedMigrations(database.sql);
      return { status: 'ok', database: { engine: database.engine, migrations } };
    } catch {
      // The reason goes to the log by the caller; the public answer names no host or credential.
      return { status: 'unavailable', database: { engine: database.engine, error: 'database unreachable' } };
    }
  }
  /** The metrics in Prometheus's text format; a scraper on this machine needs no token, others an administrator's. */
  async function readMetrics(actor: Actor, from: { local: boolean }) {
    if (!from.local && !policy.can(actor, 'metrics:read')) throw new ForbiddenError();
    return { contentType: metrics.registry.contentType, text: await metrics.registry.metrics() };
  }
  return { checkHealth, readMetrics };
}

export type HealthService = ReturnType<typeof createHealthService>;
