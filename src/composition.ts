import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import {
  ACCOUNTS_POLICY,
  createApiTokensService,
  createAuditService,
  createSignInService,
  createUsersService,
  seedDemoAccounts,
} from './domains/accounts/index.ts';
import { createAreasService } from './domains/areas/index.ts';
import { createHealthService, readBuildInfo } from './domains/health/index.ts';
import {
  createJudgementsService,
  JUDGEMENTS_POLICY,
  seedDemoJudgements,
} from './domains/judgements/index.ts';
import {
  createPerformanceServices,
  describeDemoPoliceUk,
  loadDemoPoliceUkInBackground,
  PERFORMANCE_POLICY,
  seedDemoPoliceUk,
} from './domains/performance/index.ts';
import { createPlansService, PLANS_POLICY, seedDemoPlans } from './domains/plans/index.ts';
import { createScrutinyService, SCRUTINY_POLICY, seedDemoScrutiny } from './domains/scrutiny/index.ts';
import { type AssetManifest, PROJECT_ROOT, readAssetManifest } from './kernel/assets/build-assets.ts';
import { systemActor } from './kernel/auth/actor.ts';
import { createPolicy } from './kernel/auth/policy.ts';
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

/** Every domain's authorisation rules, merged: the one policy services consult. */
export const policy = createPolicy({
  ...ACCOUNTS_POLICY,
  ...PLANS_POLICY,
  ...PERFORMANCE_POLICY,
  ...SCRUTINY_POLICY,
  ...JUDGEMENTS_POLICY,
});

/** Builds every service from an open database: the one place the object graph is wired. */
export function buildServices(database: DatabaseHandle<Schema>, options: Pick<Config, 'baseUrl'>) {
  const accountsDeps = { db: database.db, policy, now: () => new Date(), baseUrl: options.baseUrl };
  const areas = createAreasService(database.db);
  const users = createUsersService(accountsDeps);
  const judgements = createJudgementsService({
    db: database.db,
    policy,
    now: () => new Date(),
    findForceArea: areas.findForceArea,
  });
  return {
    policy,
    areas,
    health: createHealthService(database),
    users,
    signIn: createSignInService(accountsDeps),
    apiTokens: createApiTokensService(accountsDeps),
    audit: createAuditService(accountsDeps),
    // A police.uk import rebuilds the indicators computed from the months it loaded.
    performance: createPerformanceServices({
      database,
      areas,
      policy,
      afterLoad: judgements.refreshAfterPoliceUkLoad,
      afterLookupLoad: judgements.refreshAfterLookupLoad,
    }),
    judgements,
    plans: createPlansService({
      db: database.db,
      policy,
      now: () => new Date(),
      findBody: users.findBody,
      findForceArea: areas.findForceArea,
    }),
    scrutiny: createScrutinyService({
      db: database.db,
      policy,
      now: () => new Date(),
      findBody: users.findBody,
      listBodies: users.listBodies,
      baseUrl: options.baseUrl,
    }),
  };
}

export type Services = ReturnType<typeof buildServices>;

/** Loads every domain's demonstration data; each seeder is safe to repeat and loads nothing twice. */
export async function seedDemoData(
  database: DatabaseHandle<Schema>,
  services: Services,
  /** Given, the police.uk months load after this returns (a server answers meanwhile), reporting here. */
  options: { policeUkInBackground?: (line: string) => void } = {},
) {
  const actor = systemActor('demo seed');
  const areas = await services.areas.seedDemoAreas(actor);
  const thamesValley = await services.areas.findForceArea('thames-valley');
  if (!thamesValley) throw new Error('The Thames Valley demo force area is missing');
  const accounts = await seedDemoAccounts(database.db, services.users, actor, thamesValley.id);
  const plans = await seedDemoPlans(services.plans, actor);
  const policeUk = options.policeUkInBackground
    ? loadDemoPoliceUkInBackground(services.performance, actor, options.policeUkInBackground)
    : await seedDemoPoliceUk(services.performance, actor);
  const scrutiny = await seedDemoScrutiny(services.scrutiny, actor);
  const judgements = await seedDemoJudgements(services.judgements, actor);
  return { ...areas, ...plans, ...scrutiny, ...judgements, people: accounts.people, policeUk };
}

export function describeSeed(result: Awaited<ReturnType<typeof seedDemoData>>): string[] {
  const lines = [
    `Demo data loaded: ${result.forceAreas} force area, ${result.localAuthorities} local authorities, ${result.plans} plans, ${result.coverageSources} coverage sources.`,
  ];
  if (result.people.length > 0) {
    lines.push(
      "Demo accounts created. Each link below sets that account's password; it works once, for 7 days, and is shown only now:",
    );
    for (const person of result.people)
      lines.push(`  ${person.role.padEnd(17)} ${person.email.padEnd(34)} ${person.setPasswordUrl}`);
    lines.push('The administrator must also set up an authenticator app at first sign-in.');
  }
  const policeUk = describeDemoPoliceUk(result.policeUk);
  if (policeUk) lines.push(policeUk);
  return lines;
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
