/**
 * A source that cannot be read at all: a missing or corrupt file or archive, a bad name, header or
 * layout. The message names the file (and the line, when there is one) so a person can find it.
 */
export class PoliceUkInputError extends Error {
  override name = 'PoliceUkInputError';

  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line === null ? '' : ` line ${line}`}: ${reason}`, options);
  }
}

/** One problem with one field of one row. A row with several problems gives several rejects. */
export interface PoliceUkReject {
  file: string;
  /** The physical line in the file where the row starts; the header is line 1. */
  line: number;
  /** The column's header name, or null when the problem is the row as a whole (e.g. its column count). */
  column: string | null;
  value: string;
  reason: string;
}
