import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import { createAreasService } from './domains/areas/index.ts';
import { createHealthService, readBuildInfo } from './domains/health/index.ts';
import { type AssetManifest, PROJECT_ROOT, readAssetManifest } from './kernel/assets/build-assets.ts';
import { type DatabaseHandle, openDatabase } from './kernel/db/database.ts';
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

/** Builds every service from an open database: the one place the object graph is wired. */
export function buildServices(database: DatabaseHandle<Schema>) {
  return {
    areas: createAreasService(database.db),
    health: createHealthService(database),
  };
}

export type Services = ReturnType<typeof buildServices>;

/** Loads every domain's demonstration data; each seeder is safe to repeat. */
export async function seedDemoData(services: Services) {
  return services.areas.seedDemoAreas();
}

export function describeSeed(counts: Awaited<ReturnType<typeof seedDemoData>>): string {
  return `Demo data loaded: ${counts.forceAreas} force area, ${counts.localAuthorities} local authorities.`;
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
    services: buildServices(db),
    buildInfo: readBuildInfo(PROJECT_ROOT, config.gitCommit),
  };
}
