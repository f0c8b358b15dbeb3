import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { type CsvRecord, CsvSplitter, CsvSyntaxError } from './police-uk.csv.ts';
import { PoliceUkInputError, type PoliceUkReject } from './police-uk.errors.ts';
import { describeKind, detectPoliceUkKind, type PoliceUkKind } from './police-uk.layouts.ts';
import { type CoordinateBounds, type PoliceUkRowOf, RowChecker } from './police-uk.rows.ts';
import type { PoliceUkSource } from './police-uk.sources.ts';

/**
 * Reading one police.uk CSV file as a stream of checked rows.
 *
 * `openPoliceUkFile` checks the file's name (force, month, folder) and header row, and tells its kind
 * from the header. The rows then arrive in batches, one batch per chunk read (about a thousand rows),
 * so memory stays flat however large the file. Rejected rows are left out of the batches and reported
 * in the summary with file, line, column, value and reason. The SHA-256 of the file's bytes is taken
 * as they stream past; for a zip entry the bytes are also checked against the archive's CRC-32.
 */

export interface OpenPoliceUkFileOptions {
  /** The force slugs the caller knows, e.g. `thames-valley`; a file naming another force is refused. */
  forces: Iterable<string>;
  /** Where coordinates may lie; England and Wales unless given. */
  bounds?: CoordinateBounds;
  /** How many rejects the summary keeps (all are counted). Default 1,000. */
  maxRejectsKept?: number;
}

export interface PoliceUkFileSummary {
  file: string;
  kind: PoliceUkKind;
  force: string;
  /** `YYYY-MM-01`. */
  month: string;
  /** Hex SHA-256 of the file's bytes (the uncompressed bytes, for a zip entry). */
  sha256: string;
  bytes: number;
  /** Physical lines, header included. */
  lines: number;
  /** Rows that passed every check. */
  rows: number;
  rejectedRows: number;
  /** The first `maxRejectsKept` problems, in file order. */
  rejects: PoliceUkReject[];
  /** Problems found beyond those kept. */
  rejectsNotKept: number;
  /** Street rows with a blank Crime ID. */
  antiSocialBehaviourRows: number;
  rowsWithoutLocation: number;
  /** Rows repeating a Crime ID already seen in this file (tolerated: police.uk does repeat them). */
  repeatedCrimeIds: number;
  /** Whether the file began with a UTF-8 byte order mark. */
  byteOrderMark: boolean;
  /** The header row's line ending. */
  lineEnding: 'CRLF' | 'LF' | null;
}

export interface PoliceUkFileOf<K extends PoliceUkKind> {
  source: PoliceUkSource;
  kind: K;
  force: string;
  /** `YYYY-MM-01`. */
  month: string;
  /** The checked rows in file order, a batch at a time. Read once. */
  batches(): AsyncGenerator<PoliceUkRowOf<K>[], void, undefined>;
  /** The same rows one at a time. */
  rows(): AsyncGenerator<PoliceUkRowOf<K>, void, undefined>;
  /** The counts, checksum and rejects; throws until every row has been read. */
  summary(): PoliceUkFileSummary;
  /** Bytes read so far (uncompressed), to show progress against `source.size`. */
  bytesRead(): number;
  /** Stops reading and releases the file (needed only when the rows are not read to the end). */
  close(): void;
}

export type PoliceUkFile = { [K in PoliceUkKind]: PoliceUkFileOf<K> }[PoliceUkKind];

const DEFAULT_MAX_REJECTS_KEPT = 1000;

/**
 * Checks that the source's name gives a force and month, that the month agrees with its folder,
 * and that the force is known. Throws PoliceUkInputError otherwise.
 */
export function checkPoliceUkSourceName(
  source: PoliceUkSource,
  forces: Iterable<string>,
): { force: string; month: string } {
  const { displayName, force, month, folderMonth } = source;
  if (force === null || month === null) {
    throw new PoliceUkInputError(
      displayName,
      null,
      'the file name must have the form YYYY-MM-<force>-<kind>.csv, as in the police.uk archive, ' +
        'so that its force and month are known',
    );
  }
  if (folderMonth !== null && folderMonth !== month) {
    throw new PoliceUkInputError(
      displayName,
      null,
      `the file name gives the month ${month} but its folder is ${folderMonth}`,
    );
  }
  const known = [...forces];
  if (!known.includes(force)) {
    const examples = known.slice(0, 5).join(', ');
    const more = known.length > 5 ? ` and ${known.length - 5} more` : '';
    throw new PoliceUkInputError(
      displayName,
      null,
      known.length === 0
        ? `the force "${force}" is not known (no forces are set up)`
        : `the force "${force}" is not known (known forces: ${examples}${more})`,
    );
  }
  return { force, month };
}

/** Opens a source, checks its name and header, and returns a reader for its rows. */
export async function openPoliceUkFile(
  source: PoliceUkSource,
  options: OpenPoliceUkFileOptions,
): Promise<PoliceUkFile> {
  const { force, month } = checkPoliceUkSourceName(source, options.forces);
  const bytes = new ByteRecords(source, await source.open());
  try {
    let records: CsvRecord[] | null = [];
    while (records !== null && records.length === 0) records = await bytes.next();
    const header = records?.[0];
    if (header === undefined) {
      throw new PoliceUkInputError(
        source.displayName,
        bytes.bytes === 0 ? null : 1,
        bytes.bytes === 0 ? 'the file is empty' : 'the file has no header row, only blank lines',
      );
    }
    const detected = detectPoliceUkKind(header.fields);
    if (!detected.ok) throw new PoliceUkInputError(source.displayName, header.line, detected.reason);
    const kind = detected.kind;
    if (source.nameKind !== null && source.nameKind !== kind) {
      throw new PoliceUkInputError(
        source.displayName,
        header.line,
        `the header row is that of ${describeKind(kind)}, but the file name says ${source.nameKind}`,
      );
    }
    return new PoliceUkFileReader(
      source,
      kind,
      force,
      month,
      bytes,
      records?.slice(1) ?? [],
      options,
    ) as PoliceUkFile;
  } catch (error) {
    bytes.destroy();
    throw error;
  }
}

/** Bytes in, CSV records out, with the checksum, the CRC check and the decoding on the way. */
class ByteRecords {
  bytes = 0;
  byteOrderMark = false;
  lineEnding: 'CRLF' | 'LF' | null = null;
  /** Set (and left set) once decoded text holds U+FFFD, the mark of bytes that are not UTF-8. */
  sawReplacementCharacter = false;
  /** Set (and left set) once decoded text holds NUL, which no PostgreSQL text can. */
  sawNul = false;
  private readonly hash: Hash = createHash('sha256');
  private crc = 0;
  private readonly decoder = new StringDecoder('utf8');
  private readonly splitter = new CsvSplitter();
  private readonly chunks: AsyncIterator<Buffer>;
  private started = false;
  private ended = false;
  private digest: string | null = null;

  constructor(
    private readonly source: PoliceUkSource,
    private readonly stream: Readable,
  ) {
    this.chunks = stream[Symbol.asyncIterator]();
  }

  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  get lines(): number {
    return this.splitter.linesRead;
  }

  /** The records completed by the next chunk (possibly none), or null at the end of the file. */
  async next(): Promise<CsvRecord[] | null> {
    if (this.ended) return null;
    const out: CsvRecord[] = [];
    let result: IteratorResult<Buffer>;
    try {
      result = await this.chunks.next();
    } catch (error) {
      const lines = this.splitter.linesRead;
      throw this.wrap(error, lines > 0 ? `could not be read beyond line ${lines}` : 'could not be read');
    }
    try {
      if (result.done) {
        this.ended = true;
        const rest = this.decoder.end();
        if (rest.includes('\uFFFD')) this.sawReplacementCharacter = true;
        if (rest.includes('\u0000')) this.sawNul = true;
        this.splitter.push(rest, out);
        this.splitter.end(out);
        if (this.source.crc32 !== null && this.crc !== this.source.crc32) {
          throw new PoliceUkInputError(
            this.source.displayName,
            null,
            'the zip entry is damaged: its bytes do not match the CRC-32 the archive records',
          );
        }
        return out;
      }
      const chunk = result.value;
      this.bytes += chunk.length;
      this.hash.update(chunk);
      if (this.source.crc32 !== null) this.crc = crc32(chunk, this.crc);
      let text = this.decoder.write(chunk);
      if (!this.started && text.length > 0) {
        this.started = true;
        if (text.charCodeAt(0) === 0xfeff) {
          this.byteOrderMark = true;
          text = text.slice(1);
        }
        const newline = text.indexOf('\n');
        if (newline !== -1) this.lineEnding = text.charCodeAt(newline - 1) === 0x0d ? 'CRLF' : 'LF';
      }
      if (!this.sawReplacementCharacter && text.includes('\uFFFD')) this.sawReplacementCharacter = true;
      if (!this.sawNul && text.includes('\u0000')) this.sawNul = true;
      this.splitter.push(text, out);
      return out;
    } catch (error) {
      throw this.wrap(error, 'could not be read');
    }
  }

  destroy(): void {
    this.ended = true;
    this.stream.destroy();
  }

  private wrap(error: unknown, what: string): Error {
    if (error instanceof PoliceUkInputError) return error;
    if (error instanceof CsvSyntaxError) {
      return new PoliceUkInputError(this.source.displayName, error.line, error.message, { cause: error });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new PoliceUkInputError(this.source.displayName, null, `${what} (${detail})`, { cause: error });
  }
}

class PoliceUkFileReader {
  private readonly checker: RowChecker;
  private readonly rejects: PoliceUkReject[] = [];
  private readonly maxRejectsKept: number;
  private rejectsNotKept = 0;
  private rejectedRows = 0;
  private rowCount = 0;
  private state: 'ready' | 'reading' | 'done' | 'closed' = 'ready';
  readonly month: string;

  constructor(
    readonly source: PoliceUkSource,
    readonly kind: PoliceUkKind,
    readonly force: string,
    month: string,
    private readonly bytes: ByteRecords,
    private readonly firstRecords: CsvRecord[],
    options: OpenPoliceUkFileOptions,
  ) {
    this.month = `${month}-01`;
    this.maxRejectsKept = options.maxRejectsKept ?? DEFAULT_MAX_REJECTS_KEPT;
    this.checker = new RowChecker({
      file: source.displayName,
      kind,
      month,
      ...(options.bounds ? { bounds: options.bounds } : {}),
      reject: (reject) => {
        if (this.rejects.length < this.maxRejectsKept) this.rejects.push(reject);
        else this.rejectsNotKept += 1;
      },
    });
  }

  async *batches(): AsyncGenerator<PoliceUkRowOf<PoliceUkKind>[], void, undefined> {
    if (this.state !== 'ready') throw new Error(`${this.source.displayName}: the rows can be read only once`);
    this.state = 'reading';
    try {
      let records: CsvRecord[] | null = this.firstRecords;
      while (records !== null) {
        if (records.length > 0) {
          const rows = this.check(records);
          if (rows.length > 0) yield rows;
        }
        records = await this.bytes.next();
      }
      this.state = 'done';
    } finally {
      if (this.state !== 'done') this.close();
    }
  }

  async *rows(): AsyncGenerator<PoliceUkRowOf<PoliceUkKind>, void, undefined> {
    for await (const batch of this.batches()) yield* batch;
  }

  summary(): PoliceUkFileSummary {
    if (this.state !== 'done') {
      throw new Error(`${this.source.displayName}: the summary is ready only after every row has been read`);
    }
    const { counts } = this.checker;
    return {
      file: this.source.displayName,
      kind: this.kind,
      force: this.force,
      month: this.month,
      sha256: this.bytes.sha256,
      bytes: this.bytes.bytes,
      lines: this.bytes.lines,
      rows: this.rowCount,
      rejectedRows: this.rejectedRows,
      rejects: this.rejects,
      rejectsNotKept: this.rejectsNotKept,
      antiSocialBehaviourRows: counts.antiSocialBehaviour,
      rowsWithoutLocation: counts.withoutLocation,
      repeatedCrimeIds: counts.repeatedCrimeIds,
      byteOrderMark: this.bytes.byteOrderMark,
      lineEnding: this.bytes.lineEnding,
    };
  }

  bytesRead(): number {
    return this.bytes.bytes;
  }

  close(): void {
    if (this.state === 'done') return;
    this.state = 'closed';
    this.bytes.destroy();
  }

  private check(records: CsvRecord[]): PoliceUkRowOf<PoliceUkKind>[] {
    this.checker.checkEncoding = this.bytes.sawReplacementCharacter;
    this.checker.checkNul = this.bytes.sawNul;
    const rows: PoliceUkRowOf<PoliceUkKind>[] = [];
    for (const record of records) {
      const row = this.checker.check(record);
      if (row === null) this.rejectedRows += 1;
      else rows.push(row);
    }
    this.rowCount += rows.length;
    return rows;
  }
}
