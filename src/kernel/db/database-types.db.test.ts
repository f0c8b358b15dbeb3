import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from '../testing/database-types.ts';
import { testEngines, useTestDatabase } from '../testing/test-database.ts';

describe.each(testEngines())('the generated table types on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('agree with the migrations (if not, run `npm run db:types` and review the diff)', async () => {
    const fromMigrations = await generateDatabaseTypes(database.current.db);
    expect(fromMigrations).toBe(fs.readFileSync(DATABASE_TYPES_FILE, 'utf8'));
  });
});
