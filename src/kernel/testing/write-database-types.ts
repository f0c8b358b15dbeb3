import fs from 'node:fs';
import { migrate } from '../db/migrator.ts';
import { openPGlite } from '../db/pglite.ts';
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from './database-types.ts';

/** `npm run db:types`: migrate an empty in-memory database and write the types kysely-codegen reads from it. */
const database = await openPGlite<unknown>({ snapshot: undefined });
try {
  await migrate(database.sql);
  fs.writeFileSync(DATABASE_TYPES_FILE, await generateDatabaseTypes(database.db));
  console.log(`Wrote ${DATABASE_TYPES_FILE}`);
} finally {
  await database.close();
}
