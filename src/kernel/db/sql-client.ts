/**
 * The few raw operations Kysely cannot do on both engines: running a multi-statement SQL script
 * (migrations) and a transaction around it. Each engine adapter implements it over its own driver.
 */
export interface SqlClient {
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
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
