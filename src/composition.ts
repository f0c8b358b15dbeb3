import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import { DOMAINS } from './domains/domains.ts';
import { readBuildInfo } from './domains/health/index.ts';
import type { SeedReport } from './domains/module.ts';
import { type AssetManifest, PROJECT_ROOT, readAssetManifest } from './kernel/assets/build-assets.ts';
import { systemActor } from './kernel/auth/actor.ts';
import { createPolicy, type PolicyRules } from './kernel/auth/policy.ts';
import { type DatabaseHandle, openDatabase } from './kernel/db/database.ts';
import { createMetrics } from './kernel/metrics/metrics.ts';
import type { Schema } from './schema.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): FastifyBaseLogger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}

/** Every domain's authorisation rules, merged: the one policy services consult. */
export const policy = createPolicy(
  Object.assign({}, ...DOMAINS.modules.map((module) => module.policy ?? {})) as PolicyRules<string>,
);

/** Builds every domain's services from an open database, in the order of the domain list. */
export function buildServices(database: DatabaseHandle<Schema>, options: Pick<Config, 'baseUrl'>) {
  const metrics = createMetrics(database);
  return {
    policy,
    metrics,
    ...DOMAINS.buildServices({
      database,
      db: database.db,
      policy,
      now: () => new Date(),
      baseUrl: options.baseUrl,
      metrics,
    }),
  };
}

export type Services = ReturnType<typeof buildServices>;

/** Loads every domain's demonstration data in list order; each seeder is safe to repeat and loads nothing twice. */
export async function seedDemoData(
  database: DatabaseHandle<Schema>,
  services: Services,
  /** Given, the police.uk months load after this returns (a server answers meanwhile), reporting here. */
  options: { policeUkInBackground?: (line: string) => void } = {},
): Promise<SeedReport[]> {
  const context = {
    actor: systemActor('demo seed'),
    db: database.db,
    ...(options.policeUkInBackground ? { background: options.policeUkInBackground } : {}),
    loading: [] as Promise<unknown>[],
  };
  const reports: SeedReport[] = [];
  for (const module of DOMAINS.modules) {
    if (!module.seedDemo) continue;
    const report = await module.seedDemo(services, context);
    if (report.loading) context.loading.push(report.loading);
    reports.push(report);
  }
  return reports;
}

/** What the demo seed says once: one line of what was loaded, then each domain's notes. */
export function describeSeed(reports: SeedReport[]): string[] {
  const loaded = reports.flatMap((report) => report.loaded ?? []);
  return [`Demo data loaded: ${loaded.join(', ')}.`, ...reports.flatMap((report) => report.notes ?? [])];
}

export interface Deps {
  config: Config;
  logger: FastifyBaseLogger;
  database: DatabaseHandle<Schema>;
  assets: AssetManifest;
  services: Services;
  buildInfo: ReturnType<typeof readBuildInfo>;
}

export async function buildDeps(config: Config, database?: DatabaseHandle<Schema>): Promise<Deps> {
  const assets = readAssetManifest();
  const db = database ?? (await openDatabase<Schema>(config.database));
  return {
    config,
    logger: createLogger(config),
    database: db,
    assets,
    services: buildServices(db, config),
    buildInfo: readBuildInfo(PROJECT_ROOT, config.gitCommit),
  };
}
