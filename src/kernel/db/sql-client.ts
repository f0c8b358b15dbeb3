import type { CopyOptions, CopySource, CopyTarget } from './copy.ts';

/**
 * The few raw operations Kysely cannot do on both engines: running a multi-statement SQL script
 * (migrations), a transaction around it, and bulk loading and reading with COPY. Each engine adapter implements it
 * over its own driver.
 */
export interface SqlClient {
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Loads rows given in COPY form into a table and returns how many were loaded. Inside a transaction it
   * joins it (so a later failure undoes the load); outside one, it is all-or-nothing on its own.
   */
  copyFrom(target: CopyTarget, source: CopySource, options?: CopyOptions): Promise<number>;
  /**
   * A table's rows in COPY text format, as a stream of chunks. Inside a transaction it reads that
   * transaction's snapshot. Read it to the end before the next statement.
   */
  copyTo(target: CopyTarget): AsyncIterable<Uint8Array>;
}

/** PostgreSQL type OIDs whose default parsing differs between `pg` and PGlite. */
export const TYPE_OID = { int8: 20, date: 1082 } as const;

/**
 * One parsing of values for both engines: bigint counts as JavaScript numbers (police counts stay far
 * below 2^53), and `date` as its ISO text, so a calendar date never shifts with the process time zone.
 */
export const typeParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OID.int8]: (value) => Number(value),
  [TYPE_OID.date]: (value) => value,
};
