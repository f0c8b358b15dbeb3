import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  BACKUP_FORMAT,
  type Manifest,
  ManifestSchema,
  type Progress,
  type Snapshot,
  type TableEntry,
  type TableFeed,
} from './transfer.ts';

/**
 * Peelian's backup file, the same from either engine: gzip of one JSON line (the manifest: format, migration
 * level, each table's columns, rows and checksum, each sequence), then each table's rows in COPY text form,
 * in the manifest's order, each ended by a line `\.` — which COPY text never holds as data, since it
 * writes a backslash as `\\`.
 */

const END_OF_TABLE = Buffer.from('\\.\n');
/** The end of a table that has rows: the last row's line break, then the end line. */
const END_AFTER_ROWS = Buffer.from('\n\\.\n');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** Far more than any manifest needs; a file without a line break this early is not a backup. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Writes the snapshot to a new file (never over an existing one), readable by its owner only. */
export async function writeBackup(file: string, snapshot: Snapshot, progress: Progress): Promise<void> {
  if (fs.existsSync(file)) throw new Error(`${file} already exists: name a new file for the backup.`);
  // Written aside and linked into place when complete, so a failed backup leaves no file that looks whole.
  const partial = `${file}.partial-${process.pid}`;
  try {
    await pipeline(
      Readable.from(backupBytes(snapshot, progress)),
      createGzip(),
      fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    fs.linkSync(partial, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${file} already exists: name a new file for the backup.`);
    if (code) throw new Error(`Cannot write ${file}: ${code}.`);
    throw error;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

async function* backupBytes(snapshot: Snapshot, progress: Progress): AsyncGenerator<Uint8Array> {
  const { manifest } = snapshot;
  yield Buffer.from(`${JSON.stringify(manifest)}\n`);
  for (const [index, table] of manifest.tables.entries()) {
    if (table.rows > 0) progress({ table, index, total: manifest.tables.length });
    yield* snapshot.read(table);
    yield END_OF_TABLE;
  }
}

/** A backup file open for reading: its manifest, then each table's rows in turn. */
export interface BackupReader extends TableFeed {
  manifest: Manifest;
  read(table: TableEntry): AsyncIterable<Uint8Array>;
  finish(): Promise<void>;
  close(): void;
}

/**
 * Opens a backup file and reads its manifest, refusing a file that is not a Peelian backup. The whole file
 * is read through once first, checking gzip's CRC and each table's count of lines, so a damaged or cut
 * file is refused as such before any database work (rather than as whatever COPY makes of its bytes).
 */
export async function openBackup(file: string): Promise<BackupReader> {
  checkGzip(file);
  const check = await readBackup(file);
  try {
    for (const table of check.manifest.tables) {
      let lines = 0;
      for await (const chunk of check.read(table)) {
        for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
      }
      if (lines !== table.rows) {
        throw new Error(
          `${file} is damaged or incomplete: it holds ${lines} rows of ${table.table} where it should hold ${table.rows}.`,
        );
      }
    }
    await check.finish();
  } finally {
    check.close();
  }
  return readBackup(file);
}

async function readBackup(file: string): Promise<BackupReader> {
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  const chunks = new BackupChunks(file, input.pipe(gunzip));
  try {
    const manifest = parseManifest(file, await chunks.manifestLine());
    return {
      manifest,
      read: (table) => chunks.section(table),
      finish: () => chunks.end(),
      close: () => {
        input.destroy();
        gunzip.destroy();
      },
    };
  } catch (error) {
    input.destroy();
    gunzip.destroy();
    throw error;
  }
}

function checkGzip(file: string): void {
  const start = Buffer.alloc(2);
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code}.`);
  }
  try {
    fs.readSync(descriptor, start, 0, 2, 0);
  } finally {
    fs.closeSync(descriptor);
  }
  if (!start.equals(GZIP_MAGIC))
    throw new Error(`${file} is not a Peelian backup (it is not gzip-compressed).`);
}

function parseManifest(file: string, line: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(line.toString('utf8'));
  } catch {
    throw new Error(`${file} is not a Peelian backup (it does not start with a backup's description).`);
  }
  const format = (json as { format?: unknown })?.format;
  if (typeof format === 'string' && format.startsWith('peelian-backup/') && format !== BACKUP_FORMAT) {
    throw new Error(
      `${file} was written by a newer Peelian (format ${format}): upgrade Peelian to restore it.`,
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file} is not a Peelian backup (its description is wrong at ${issue?.path.join('.') || 'the top'}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}

/** The decompressed file as a sequence of pieces: the manifest's line, then one section per table. */
class BackupChunks {
  readonly #file: string;
  readonly #chunks: AsyncIterator<Buffer>;
  #pending: Buffer = Buffer.alloc(0);

  constructor(file: string, stream: NodeJS.ReadableStream) {
    this.#file = file;
    this.#chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  async manifestLine(): Promise<Buffer> {
    for (;;) {
      const end = this.#pending.indexOf(0x0a);
      if (end !== -1) {
        const line = this.#pending.subarray(0, end);
        this.#pending = this.#pending.subarray(end + 1);
        return line;
      }
      if (this.#pending.length > MAX_MANIFEST_BYTES || !(await this.#more())) {
        throw new Error(
          `${this.#file} is not a Peelian backup (it does not start with a backup's description).`,
        );
      }
    }
  }

  /**
   * One table's rows, up to its end line. Held back each time: the last bytes, which could be the start
   * of the end line whose rest is in the next chunk.
   */
  async *section(table: TableEntry): AsyncGenerator<Uint8Array> {
    let atStart = true;
    for (;;) {
      if (atStart && this.#pending.subarray(0, END_OF_TABLE.length).equals(END_OF_TABLE)) {
        this.#pending = this.#pending.subarray(END_OF_TABLE.length);
        return;
      }
      const end = this.#pending.indexOf(END_AFTER_ROWS);
      if (end !== -1) {
        yield this.#pending.subarray(0, end + 1);
        this.#pending = this.#pending.subarray(end + END_AFTER_ROWS.length);
        return;
      }
      const safe = this.#pending.length - (END_AFTER_ROWS.length - 1);
      if (safe > 0) {
        yield this.#pending.subarray(0, safe);
        this.#pending = this.#pending.subarray(safe);
        atStart = false;
      }
      if (!(await this.#more())) {
        throw new Error(`${this.#file} ends in the middle of table ${table.table}: the file is incomplete.`);
      }
    }
  }

  /** Reads to the end of the file, which also makes gzip check the whole file's CRC. */
  async end(): Promise<void> {
    let more = true;
    while (this.#pending.length === 0 && more) more = await this.#more();
    if (this.#pending.length > 0)
      throw new Error(`${this.#file} has data after its last table: it is damaged.`);
  }

  async #more(): Promise<boolean> {
    let next: IteratorResult<Buffer>;
    try {
      next = await this.#chunks.next();
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const reason = code === 'Z_BUF_ERROR' ? 'it ends too soon' : message;
      throw new Error(`${this.#file} is damaged or incomplete (${reason}): restore from another copy.`);
    }
    if (next.done) return false;
    this.#pending = this.#pending.length === 0 ? next.value : Buffer.concat([this.#pending, next.value]);
    return true;
  }
}
