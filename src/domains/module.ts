import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import type { Policy, PolicyRules } from '../kernel/auth/policy.ts';
import type { DeadlineSource } from '../kernel/calendar/deadlines.ts';
import type { DomainCommand } from '../kernel/cli/command.ts';
import type { DatabaseHandle } from '../kernel/db/database.ts';
import type { NavigationLink, Signpost } from '../kernel/http/navigation.ts';
import type { OpenApiPaths } from '../kernel/http/openapi.ts';
import type { Metrics } from '../kernel/metrics/metrics.ts';
import type { SearchSource } from '../kernel/search/search-source.ts';
import type { Db, Schema } from '../schema.ts';
import type { buildOpenApiDocument } from './api/api.routes.ts';
import type { BuildInfo } from './health/build-info.ts';

/** What the composition root hands every domain: the database, the merged policy and the clock. */
export interface Ports {
  database: DatabaseHandle<Schema>;
  db: Db;
  policy: Policy;
  now: () => Date;
  baseUrl: string;
  /** The app's Prometheus registry: a domain adds gauges read when scraped. */
  metrics: Metrics;
}

/** What routes may need beyond their own services: settings, and what the app assembles from every domain. */
export interface RouteContext {
  config: Config;
  buildInfo: BuildInfo;
  /** Every domain's statutory deadlines, for the calendar. */
  deadlineSources: readonly DeadlineSource[];
  /** Every domain's public records for the search. */
  searchSources: readonly SearchSource[];
  /** Every domain's way in from the home page, in the order of their positions. */
  signposts: readonly Signpost[];
  /** The API description assembled from every domain's operations. */
  openApiDocument: OpenApiDocument;
}

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

export interface SeedContext {
  actor: Actor;
  db: Db;
  /** Given, slow demo data loads after seeding returns (a server answers meanwhile), reporting here. */
  background?: (line: string) => void;
  /** What domains earlier in the list are still loading in the background, for a seeder that needs it done. */
  loading: Promise<unknown>[];
}

export interface SeedReport {
  /** Counted phrases for the one-line summary, e.g. "2 plans". */
  loaded?: string[];
  /** Further lines to print once, e.g. one-time password links. */
  notes?: string[];
  /** Demo data still loading in the background (settles, never rejects, once it is done). */
  loading?: Promise<unknown>;
}

/**
 * One domain, described in one value: its rules, how its services are built from the ports and from services
 * of domains earlier in the list (`Needs`), and everything it adds to the app, the API, the calendar, the CLI
 * and the demo. The app, the CLI and the calendar iterate the ordered list in `domains.ts`; nothing else
 * names a domain.
 */
export interface DomainModule<Needs, Built, CommandServices = Needs & Built> {
  name: string;
  policy?: PolicyRules<string>;
  /** Links in the service navigation, placed by `position` (lower first). */
  navigation?: readonly (NavigationLink & { position: number })[];
  /** Its public parts as the home page lists them. */
  signposts?: readonly Signpost[];
  build?: (ports: Ports, needs: Needs) => Built;
  routes?: (services: NoInfer<Needs & Built>, context: RouteContext) => FastifyPluginAsync[];
  openApi?: readonly OpenApiPaths[];
  deadlines?: (services: NoInfer<Needs & Built>) => DeadlineSource[];
  /** What of its records the public search finds, each from a public view of its own. */
  search?: readonly SearchSource[];
  /** Checked against the services of the whole list when the module is added to it. */
  commands?: readonly DomainCommand<CommandServices>[];
  seedDemo?: (services: NoInfer<Needs & Built>, context: SeedContext) => Promise<SeedReport>;
}

/** Infers a module's types from its definition; a domain's index.ts exports the result. */
export function defineDomain<Needs = unknown, Built = unknown, CommandServices = Needs & Built>(
  module: DomainModule<Needs, Built, CommandServices>,
): DomainModule<Needs, Built, CommandServices> {
  return module;
}

// biome-ignore lint/suspicious/noExplicitAny: the list holds modules of many shapes; `add` checks each one.
export type AnyDomainModule = DomainModule<any, any, any>;

/**
 * The ordered list of domains. `add` type-checks that every service a module needs was built by a module
 * before it, and the list's type is the union of all services — the `Services` every route and test sees.
 */
export class DomainList<Services> {
  private constructor(readonly modules: readonly AnyDomainModule[]) {}

  static start(): DomainList<unknown> {
    return new DomainList([]);
  }

  add<Built>(module: DomainModule<Services, Built, NoInfer<Services & Built>>): DomainList<Services & Built> {
    if (this.modules.some((existing) => existing.name === module.name))
      throw new Error(`The domain ${module.name} is listed twice`);
    return new DomainList<Services & Built>([...this.modules, module]);
  }

  /** Builds every domain's services in list order; two domains offering the same service name is a mistake. */
  buildServices(ports: Ports): Services {
    const services: Record<string, unknown> = {};
    for (const module of this.modules) {
      const built = module.build?.(ports, services) ?? {};
      for (const [name, service] of Object.entries(built)) {
        if (name in services) throw new Error(`Two domains offer a service named ${name}`);
        services[name] = service;
      }
    }
    return services as Services;
  }
}
