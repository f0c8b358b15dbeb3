import { PGlite, type Transaction } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { camelCasePlugins } from './camel-case.ts';
import {
  type CopyOptions,
  type CopySource,
  type CopyTarget,
  copyOutStatement,
  copyStatement,
  wholeLineBlocks,
} from './copy.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { DatabaseHandle } from './database.ts';
import { DatabaseUnavailableError } from './errors.ts';
import { type CommandSocket, openCommandSocket } from './pglite-command-socket.ts';
import { type SqlClient, typeParsers } from './sql-client.ts';

/** A data directory on disk, or memory — empty, or loaded from a snapshot (tests). */
type PGliteSource = { dataDir: string } | { snapshot: Blob | undefined };

/** Opens the embedded database; a data directory on disk is locked against other processes. */
export async function openPGlite<Schema>(source: PGliteSource): Promise<DatabaseHandle<Schema>> {
  const lock = 'dataDir' in source ? lockDataDir(source.dataDir) : undefined;
  let pglite: PGlite;
  try {
    pglite =
      'dataDir' in source
        ? await PGlite.create(source.dataDir, { parsers: typeParsers })
        : await PGlite.create({ loadDataDir: source.snapshot, parsers: typeParsers });
  } catch (error) {
    lock?.release();
    const where = 'dataDir' in source ? ` in ${source.dataDir}` : '';
    throw new DatabaseUnavailableError(
      `Could not open the embedded database${where}: ${(error as Error).message}. ` +
        'If the directory was written by another program or version, move it aside and start again.',
    );
  }
  const db = new Kysely<Schema>({ dialect: new PGliteDialect({ pglite }), plugins: camelCasePlugins });
  let commandSocket: CommandSocket | undefined;
  return {
    engine: 'pglite',
    db,
    sql: pgliteClient(pglite),
    description: 'dataDir' in source ? `PGlite at ${source.dataDir}` : 'PGlite in memory',
    async close() {
      try {
        await commandSocket?.stop();
        await db.destroy();
        // Kysely closes PGlite only if it ever ran a query itself.
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
    dumpSnapshot: () => pglite.dumpDataDir('none'),
    ...('dataDir' in source && {
      async acceptCommands() {
        commandSocket ??= await openCommandSocket(pglite, source.dataDir);
        return commandSocket.path;
      },
    }),
  };
}

function pgliteClient(target: PGlite | Transaction): SqlClient {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(text, [...params])).rows;
    },
    async exec(script) {
      await target.exec(script);
    },
    async transaction(work) {
      // PGlite has no nested transactions; inside one, the work simply joins it.
      if (!('transaction' in target)) return work(pgliteClient(target));
      return target.transaction((tx) => work(pgliteClient(tx)));
    },
    async copyFrom(copyTarget, source, options) {
      if (!('transaction' in target)) return copyBlocks(target, copyTarget, source, options);
      return target.transaction((tx) => copyBlocks(tx, copyTarget, source, options));
    },
    async *copyTo(copyTarget) {
      // PGlite hands COPY output over as one Blob: the whole table is in memory for a moment.
      // An empty table gives no Blob at all.
      const { blob } = await target.query(copyOutStatement(copyTarget, "'/dev/blob'"));
      if (blob) yield new Uint8Array(await blob.arrayBuffer());
    },
  };
}

/**
 * PGlite reads COPY input from a Blob mounted at /dev/blob, one statement per Blob. The input is sent in
 * blocks of whole lines of about this size: large enough that the statements cost little, small enough
 * that neither the Blob nor PGlite's copy of it weighs on memory.
 */
const PGLITE_COPY_BLOCK_BYTES = 8 * 1024 * 1024;

async function copyBlocks(
  tx: Transaction,
  target: CopyTarget,
  source: CopySource,
  options: CopyOptions = {},
): Promise<number> {
  let rows = 0;
  let first = true;
  for await (const parts of wholeLineBlocks(source, PGLITE_COPY_BLOCK_BYTES, options)) {
    // A CSV header is at the start of the first block only.
    const statement = copyStatement(target, "'/dev/blob'", { ...options, header: first && options.header });
    const result = await tx.query(statement, [], { blob: new Blob(parts as BlobPart[]) });
    rows += result.affectedRows ?? 0;
    first = false;
  }
  return rows;
}
