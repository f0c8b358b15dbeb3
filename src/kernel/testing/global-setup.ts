import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAssets } from '../assets/build-assets.ts';
import { migrate } from '../db/migrator.ts';
import { openPGlite } from '../db/pglite.ts';
import {
  createPostgresTemplates,
  dropPostgresTemplates,
  type PostgresTemplates,
} from './postgres-templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `demo` is written by the first test file that needs it (demo-snapshot.ts). */
    pgliteSnapshots: { empty: string; migrated: string; demo: string };
    postgresTemplates: PostgresTemplates | null;
  }
}

/**
 * Runs once before all test files: builds the static assets if their sources changed, and prepares the databases each test file
 * copies — PGlite snapshots (a new PGlite data directory takes seconds; loading a snapshot far less) and,
 * when DATABASE_URL is set, PostgreSQL template databases.
 */
export default async function setup(project: TestProject) {
  await ensureAssets();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-test-'));
  const snapshots = {
    empty: path.join(dir, 'empty.tar'),
    migrated: path.join(dir, 'migrated.tar'),
    demo: path.join(dir, 'demo.tar'),
  };
  const database = await openPGlite({ snapshot: undefined });
  try {
    await writeSnapshot(database, snapshots.empty);
    await migrate(database.sql);
    await writeSnapshot(database, snapshots.migrated);
  } finally {
    await database.close();
  }
  project.provide('pgliteSnapshots', snapshots);

  const url = process.env.DATABASE_URL || undefined;
  const templates = url ? await createPostgresTemplates(url) : null;
  project.provide('postgresTemplates', templates);

  return async () => {
    if (templates) await dropPostgresTemplates(templates);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

async function writeSnapshot(database: Awaited<ReturnType<typeof openPGlite>>, file: string) {
  const blob = await database.dumpSnapshot?.();
  if (!blob) throw new Error('PGlite could not dump its data directory');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}
