import { describe, expectTypeOf, it } from 'vitest';
import type { Database } from './kernel/db/table-types.ts';
import type { Schema } from './schema.ts';

// Checked by `tsc` (CI's typecheck); vitest runs these as ordinary tests whose bodies are type assertions.
describe('the composed Schema', () => {
  it('types only relations the migrations make', () => {
    expectTypeOf<Exclude<keyof Schema, keyof Database>>().toBeNever();
  });

  it("gives every relation to a domain but the migrator's ledger and the raw police.uk records (written by COPY)", () => {
    expectTypeOf<Exclude<keyof Database, keyof Schema>>().toEqualTypeOf<
      'schemaMigration' | 'policeUkStreetRecord' | 'policeUkOutcomeRecord' | 'policeUkStopSearchRecord'
    >();
  });
});
