import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Everything else receives a Config. */

/** A PostgreSQL connection URL (also what `peelian db copy --to` takes). */
export const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a URL of the form postgres://user@host:5432/database');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PEELIAN_DATA_DIR: z.string().min(1).default('./data/peelian'),
  PEELIAN_AREA_NAME: z.string().min(1).default('Thames Valley'),
  PEELIAN_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (try: openssl rand -base64 48)')
    .optional(),
  PEELIAN_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://peelian.example' })
    .optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be false, true (one proxy) or the number of proxies in front')
    .default('false'),
  PEELIAN_GIT_COMMIT: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/, 'must be a git commit hash')
    .optional(),
});

export type Config = {
  environment: 'production' | 'development' | 'test';
  host: string;
  port: number;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  database: DatabaseConfig;
  /** The name of the area this installation serves, shown beside "Peelian" in the header. */
  areaName: string;
  /** Signs cookies. Required in production; elsewhere a random one per process is used. */
  secret: string;
  /** The address people reach Peelian at, for links sent in messages. */
  baseUrl: string;
  /**
   * How many reverse proxies stand in front (false: none). Only the X-Forwarded-* entries those proxies added
   * are believed (client address, https); anything further left in the header came from the client.
   */
  trustProxy: false | number;
  gitCommit: string | undefined;
};

export type DatabaseConfig =
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'postgresql'; url: string; poolSize: number };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Environment variable ${name} ${issue?.message ?? 'is invalid'}.`);
  }
  const vars = parsed.data;
  if (vars.NODE_ENV === 'production' && !vars.PEELIAN_SECRET) {
    throw new ConfigError(
      'Environment variable PEELIAN_SECRET must be set in production (try: openssl rand -base64 48).',
    );
  }
  return {
    environment: vars.NODE_ENV,
    host: vars.HOST,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    database: vars.DATABASE_URL
      ? { engine: 'postgresql', url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE }
      : { engine: 'pglite', dataDir: path.resolve(vars.PEELIAN_DATA_DIR) },
    areaName: vars.PEELIAN_AREA_NAME,
    secret: vars.PEELIAN_SECRET ?? randomBytes(48).toString('base64'),
    baseUrl: (vars.PEELIAN_BASE_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    trustProxy: proxyHops(vars.TRUST_PROXY),
    gitCommit: vars.PEELIAN_GIT_COMMIT,
  };
}

/** `true` means the usual single proxy; trusting every hop would let a client choose its own address. */
function proxyHops(value: string): false | number {
  if (value === 'false' || value === '0') return false;
  return value === 'true' ? 1 : Number(value);
}

/** An exported-but-empty variable (`DATABASE_URL=`) means "not set", as shells and .env files intend. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** A connection string safe to print: the password is never shown. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
