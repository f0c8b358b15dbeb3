import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import type { DatabaseHandle } from '../../kernel/db/database.ts';
import type { SqlClient } from '../../kernel/db/sql-client.ts';
import type { Schema } from '../../schema.ts';
import { createAreasService } from '../areas/index.ts';
import { createPerformanceServices } from './performance.services.ts';

export const POLICE_UK_FIXTURES = path.join(import.meta.dirname, 'police-uk', 'fixtures');

/** Thames Valley (the demo area, with its local authorities) and Hampshire (no authorities), once per database. */
export async function seedTestForceAreas(database: DatabaseHandle<Schema>) {
  const areas = createAreasService(database.db);
  const actor = systemActor('test');
  await areas.seedDemoAreas(actor);
  await areas.saveForceArea(actor, {
    slug: 'hampshire',
    name: 'Hampshire',
    gssCode: 'E23000030',
    localAuthorities: [],
  });
  return areas;
}

/** The performance services on a database, with a policy that trusts the system actor. */
export async function buildPerformanceForTest(database: DatabaseHandle<Schema>, policy: Policy) {
  const areas = await seedTestForceAreas(database);
  return createPerformanceServices({ database, areas, policy });
}

/** A scratch folder holding the given files (path → text); removed by the returned function. */
export async function writeTestFiles(files: Record<string, string | Buffer>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peelian-police-uk-test-'));
  for (const [relative, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await fs.writeFile(path.join(dir, relative), content);
  }
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

export const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** A street row for tests: a Crime ID from a number (or blank for anti-social behaviour). */
export function streetLine(options: {
  id: number | null;
  month: string;
  type: string;
  outcome?: string;
  lsoa?: [string, string];
  force?: string;
}): string {
  const crimeId = options.id === null ? '' : options.id.toString(16).padStart(64, '0');
  const force = options.force ?? 'Thames Valley Police';
  const [code, name] = options.lsoa ?? ['', ''];
  const place = code ? '-0.97,51.45,On or near Test Street' : ',,No Location';
  return `${crimeId},${options.month},${force},${force},${place},${code},${name},${options.type},${options.outcome ?? ''},`;
}

/**
 * Wraps a real database client so that the nth COPY into `table` (inside transactions too) fails, as a load
 * that breaks part way would: everything else reaches the database as usual.
 */
export function failCopyInto(client: SqlClient, table: string, nth: number): SqlClient {
  let seen = 0;
  const wrap = (inner: SqlClient): SqlClient => ({
    query: (text, params) => inner.query(text, params),
    exec: (script) => inner.exec(script),
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
    async copyFrom(target, source, options) {
      if (target.table === table) {
        seen += 1;
        if (seen === nth) throw new Error('injected failure');
      }
      return inner.copyFrom(target, source, options);
    },
    copyTo: (target) => inner.copyTo(target),
  });
  return wrap(client);
}
