import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import { describe, expectTypeOf, it } from 'vitest';
import type { Narrowed, View } from './table-types.ts';

// Checked by `tsc` (CI's typecheck): vitest runs these as ordinary tests whose bodies are type assertions.
interface Generated_ {
  thing: { id: Generated<number>; status: Generated<string>; kind: string; note: string | null };
}

type Status = 'open' | 'closed';
type Things = Narrowed<Generated_, { thing: { status: Status; kind: 'a' | 'b'; note: 'x' | null } }>;

describe('Narrowed', () => {
  it('narrows a column and keeps its default optional on insert', () => {
    expectTypeOf<Selectable<Things['thing']>['status']>().toEqualTypeOf<Status>();
    type NewThing = Insertable<Things['thing']>;
    expectTypeOf<{ kind: 'a' }>().toExtend<NewThing>();
    expectTypeOf<{ kind: 'a'; status: 'closed' }>().toExtend<NewThing>();
    expectTypeOf<{ kind: 'a'; status: 'other' }>().not.toExtend<NewThing>();
    expectTypeOf<{ status: 'open' }>().not.toExtend<NewThing>();
  });

  it('takes a whole ColumnType as it is', () => {
    type Json = Narrowed<{ t: { doc: unknown } }, { t: { doc: ColumnType<string[], string, string> } }>;
    expectTypeOf<Selectable<Json['t']>['doc']>().toEqualTypeOf<string[]>();
    expectTypeOf<Insertable<Json['t']>['doc']>().toEqualTypeOf<string>();
  });

  it('refuses a narrowing wider than the generated column', () => {
    // @ts-expect-error a number is not a text column's value
    type Wrong = Narrowed<Generated_, { thing: { kind: number } }>;
    expectTypeOf<Wrong>().not.toBeNever();
  });
});

describe('View', () => {
  it('reads the columns its producer promises as present', () => {
    type Body = View<'accountsPublishedBody', 'forceAreaId'>;
    expectTypeOf<Body['slug']>().toEqualTypeOf<string>();
    expectTypeOf<Body['forceAreaId']>().toEqualTypeOf<number | null>();
  });
});
