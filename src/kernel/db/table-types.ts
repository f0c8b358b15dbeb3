import type { ColumnType } from 'kysely';
import type { DB } from './database.generated.ts';

/** Every table and view the migrations make, as `npm run db:types` generates them. */
export type Database = DB;
export type { Json } from './database.generated.ts';

type Selected<Column> = Column extends ColumnType<infer Select, unknown, unknown> ? Select : Column;

/** For each column a domain narrows, a type no wider than the generated one (so drift is a compile error). */
type Narrowing<Relations> = {
  [R in keyof Relations]?: {
    [C in keyof Relations[R]]?:
      | Selected<Relations[R][C]>
      | ColumnType<Selected<Relations[R][C]>, unknown, unknown>;
  };
};

type Replace<Column, Narrow> = [Narrow] extends [ColumnType<unknown, unknown, unknown>]
  ? Narrow
  : [Column] extends [ColumnType<unknown, infer Insert, unknown>]
    ? undefined extends Insert
      ? ColumnType<Narrow, Narrow | undefined, Narrow>
      : ColumnType<Narrow, Narrow, Narrow>
    : Narrow;

/**
 * Generated relations with the columns PostgreSQL's catalogue cannot describe narrowed: a text column's CHECK
 * list (a status, a kind), a JSON document's shape. A column with a default stays optional on insert; a
 * narrowing given as a whole `ColumnType` (e.g. JSON read as objects, written as text) is taken as it is.
 */
export type Narrowed<Relations, Narrow extends Narrowing<Relations>> = {
  [R in keyof Relations]: R extends keyof Narrow
    ? {
        [C in keyof Relations[R]]: C extends keyof Narrow[R]
          ? Replace<Relations[R][C], Exclude<Narrow[R][C], undefined>>
          : Relations[R][C];
      }
    : Relations[R];
};

/**
 * A published view's columns as its producer promises them. PostgreSQL reports every column of a view as
 * nullable; the producer names the ones that truly may be null, and the rest are read as present.
 */
export type View<Name extends keyof DB, Nullable extends keyof DB[Name] = never> = {
  [C in keyof DB[Name]]: C extends Nullable ? DB[Name][C] : NonNullable<DB[Name][C]>;
};
