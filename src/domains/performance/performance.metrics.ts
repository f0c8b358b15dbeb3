import type { Metrics } from '../../kernel/metrics/metrics.ts';
import type { PerformanceDb } from './performance.tables.ts';
import { countImportRunsByStatus } from './police-uk-import.queries.ts';

/** police.uk import runs by status: a run left `running` long after a restart, or a rise in failures, shows. */
export function registerImportMetrics(metrics: Metrics, db: PerformanceDb) {
  metrics.gauge({
    name: 'peelian_police_uk_import_runs',
    help: 'police.uk import runs recorded, by status',
    labelNames: ['status'],
    read: async () =>
      (await countImportRunsByStatus(db)).map((row) => ({
        labels: { status: row.status },
        value: Number(row.runs),
      })),
  });
}
