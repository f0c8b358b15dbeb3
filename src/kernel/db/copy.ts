/**
 * Bulk loading with PostgreSQL's COPY, the same way on both engines. The caller gives the rows already
 * in COPY form (text format by default: tab-separated, `\N` for null, backslash escapes; or CSV) as a
 * stream of chunks, and each engine adapter feeds them to its own COPY: a `pg-copy-streams` stream on
 * PostgreSQL, `COPY … FROM '/dev/blob'` on PGlite.
 */

export interface CopyTarget {
  table: string;
  columns: readonly string[];
}

export interface CopyOptions {
  /** `text` (PostgreSQL's default COPY format) unless given. */
  format?: 'text' | 'csv';
  /** CSV only: the first line is a header to skip. */
  header?: boolean;
}

/** A piece of COPY input. Chunks need not end on a line break; their concatenation is the input. */
export type CopyChunk = string | Uint8Array;

export type CopySource = AsyncIterable<CopyChunk> | Iterable<CopyChunk>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The name, refused unless it is a plain lower-case identifier that SQL text can hold as it is. */
export function plainName(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain table or column name`);
  return name;
}

/** `table (column, …)` for a COPY. */
function tableAndColumns(target: CopyTarget): string {
  for (const name of [target.table, ...target.columns]) plainName(name);
  if (target.columns.length === 0) throw new Error(`COPY of ${target.table} needs its column names`);
  return `${target.table} (${target.columns.join(', ')})`;
}

/** The COPY statement loading the target. */
export function copyStatement(target: CopyTarget, from: string, options: CopyOptions = {}): string {
  const into = tableAndColumns(target);
  const settings: string[] = [];
  if (options.format === 'csv') settings.push('FORMAT csv');
  if (options.header) {
    if (options.format !== 'csv') throw new Error('A header line can be skipped only in CSV format');
    settings.push('HEADER true');
  }
  const withClause = settings.length > 0 ? ` WITH (${settings.join(', ')})` : '';
  return `COPY ${into} FROM ${from}${withClause}`;
}

/** The COPY statement writing the target's rows out in text format (tab-separated, `\N` for null). */
export function copyOutStatement(target: CopyTarget, to: string): string {
  return `COPY ${tableAndColumns(target)} TO ${to}`;
}

const LINE_FEED = 0x0a;

/**
 * Regroups a stream of chunks into blocks of whole lines of at least `minBytes` (the last block may be
 * smaller), so each block can be sent as a COPY of its own. Only for text format: in CSV a quoted value
 * may hold a line break, so there is no safe place to cut, and CSV input comes out as one block.
 */
export async function* wholeLineBlocks(
  source: CopySource,
  minBytes: number,
  options: CopyOptions = {},
): AsyncGenerator<Uint8Array[], void, undefined> {
  const splittable = options.format !== 'csv';
  let parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) continue;
    parts.push(bytes);
    size += bytes.length;
    if (!splittable || size < minBytes) continue;
    const cut = bytes.lastIndexOf(LINE_FEED);
    if (cut === -1) continue;
    const head = bytes.subarray(0, cut + 1);
    const rest = bytes.subarray(cut + 1);
    parts[parts.length - 1] = head;
    yield parts;
    parts = rest.length > 0 ? [rest] : [];
    size = rest.length;
  }
  if (size > 0) yield parts;
}
