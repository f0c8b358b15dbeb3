import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/database.ts';

/**
 * The installation's Prometheus metrics: one registry per app (tests build many apps in one process, so
 * nothing is registered globally). Domains add their own gauges with `gauge`, read when scraped.
 */
export function createMetrics(database: Pick<DatabaseHandle<unknown>, 'engine' | 'poolStats'>) {
  const registry = new Registry();
  registry.setDefaultLabels({ engine: database.engine });
  const httpRequests = new Histogram({
    name: 'peelian_http_request_duration_seconds',
    help: 'Requests answered, by method, route pattern and status, with their durations',
    labelNames: ['method', 'route', 'status'] as const,
    // Pages are meant to answer within 50 ms at p95; imports and PDFs take seconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  /** A gauge whose values are read when Prometheus scrapes, each with its labels. */
  function gauge<Label extends string>(options: {
    name: string;
    help: string;
    labelNames?: readonly Label[];
    read: () => Promise<{ labels?: Partial<Record<Label, string>>; value: number }[]>;
  }) {
    new Gauge<Label>({
      name: options.name,
      help: options.help,
      labelNames: options.labelNames ?? [],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await options.read()) this.set(labels ?? {}, value);
      },
    });
  }

  gauge({
    name: 'peelian_process_resident_memory_bytes',
    help: 'Resident set size of the server process',
    read: async () => [{ value: process.memoryUsage.rss() }],
  });
  const { poolStats } = database;
  if (poolStats)
    gauge({
      name: 'peelian_database_pool_connections',
      help: 'Connections of the PostgreSQL pool: open, idle, and requests waiting for one',
      labelNames: ['state'],
      read: async () => {
        const stats = poolStats();
        return [
          { labels: { state: 'open' }, value: stats.total },
          { labels: { state: 'idle' }, value: stats.idle },
          { labels: { state: 'waiting' }, value: stats.waiting },
        ];
      },
    });

  return { registry, httpRequests, gauge };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Times every answered request under its route's pattern (never its raw URL: ids would explode the series). */
export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics) {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequests.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}
