import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams';
import { redactUrl } from '../../config.ts';
import { camelCasePlugins } from './camel-case.ts';
import {
  type CopyOptions,
  type CopySource,
  type CopyTarget,
  copyOutStatement,
  copyStatement,
} from './copy.ts';
import type { DatabaseHandle } from './database.ts';
import { DatabaseUnavailableError } from './errors.ts';
import { type SqlClient, typeParsers } from './sql-client.ts';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return typeParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

/** Opens a pool on a PostgreSQL server and proves it answers before anything else runs. */
export function openPostgres<Schema>(url: string, poolSize: number): Promise<DatabaseHandle<Schema>> {
  return openPool<Schema>({
    pool: { connectionString: url, max: poolSize },
    description: `PostgreSQL at ${redactUrl(url)}`,
    unreachable: (reason) =>
      `Cannot reach PostgreSQL at ${redactUrl(url)}: ${reason}. Check DATABASE_URL and that the server is running.`,
  });
}

export interface PoolTarget {
  pool: pg.PoolConfig;
  description: string;
  /** The message when the first query fails, given the reason in a few words. */
  unreachable: (reason: string) => string;
}

/** Opens a pool on any server speaking the PostgreSQL protocol (also the running server's PGlite socket). */
export async function openPool<Schema>(target: PoolTarget): Promise<DatabaseHandle<Schema>> {
  const pool = new pg.Pool({ connectionTimeoutMillis: 5000, ...target.pool, types });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(target.unreachable(describeConnectionError(error)));
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: camelCasePlugins });
  return {
    engine: 'postgresql',
    db,
    sql: poolClient(pool),
    description: target.description,
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

function poolClient(pool: pg.Pool): SqlClient {
  const self: SqlClient = {
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await pool.query(text, [...params])).rows as Row[],
    exec: async (script) => {
      await pool.query(script);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    copyFrom: (target, source, options) => self.transaction((tx) => tx.copyFrom(target, source, options)),
    async *copyTo(target) {
      const client = await pool.connect();
      try {
        yield* copyOut(client, target);
      } finally {
        client.release();
      }
    },
  };
  return self;
}

function clientOf(client: pg.PoolClient): SqlClient {
  const self: SqlClient = {
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, [...params])).rows as Row[],
    exec: async (script) => {
      await client.query(script);
    },
    transaction: (work) => work(self),
    copyFrom: (target, source, options) => copyThrough(client, target, source, options),
    copyTo: (target) => copyOut(client, target),
  };
  return self;
}

/** `COPY … TO STDOUT` on the client, chunk by chunk as the server sends them. */
async function* copyOut(client: pg.PoolClient, target: CopyTarget): AsyncGenerator<Uint8Array> {
  yield* client.query(copyToStdout(copyOutStatement(target, 'STDOUT')));
}

/**
 * Streams the input into `COPY … FROM STDIN` on the client, at the pace the server takes it. If the
 * input fails part way, the stream is destroyed, which aborts the COPY (and so the transaction).
 */
async function copyThrough(
  client: pg.PoolClient,
  target: CopyTarget,
  source: CopySource,
  options: CopyOptions = {},
): Promise<number> {
  const copy = client.query(copyFromStdin(copyStatement(target, 'STDIN', options)));
  await pipeline(Readable.from(source, { objectMode: false }), copy);
  return copy.rowCount;
}

function describeConnectionError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOENT') return 'no such socket';
  if (code === 'ENOTFOUND') return 'unknown host';
  if (code === '3D000') return 'the database does not exist';
  if (code === '28P01' || code === '28000') return 'authentication failed';
  return (message ?? String(error)).split('\n')[0] ?? 'unknown error';
}
