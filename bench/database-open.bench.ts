/**
 * Why tests copy a snapshot instead of creating a database: times to get a migrated PGlite database
 * three ways, against creating one from scratch (the reference).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../src/kernel/db/migrator.ts';
import { openPGlite } from '../src/kernel/db/pglite.ts';
import { measure, report } from './measure.ts';

const RUNS = 5;

const fresh = await measure('create in memory + migrate (reference)', RUNS, async () => {
  const database = await openPGlite({ snapshot: undefined });
  await migrate(database.sql);
  await database.close();
});

const seed = await openPGlite({ snapshot: undefined });
await migrate(seed.sql);
const snapshotBlob = await seed.dumpSnapshot?.();
await seed.close();
if (!snapshotBlob) throw new Error('PGlite gave no snapshot');
const snapshot = new Blob([await snapshotBlob.arrayBuffer()]);

const fromSnapshot = await measure('load a migrated snapshot in memory', RUNS, async () => {
  const database = await openPGlite({ snapshot });
  await database.sql.query('SELECT 1');
  await database.close();
});

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-bench-')), 'data');
const onDisk = await openPGlite({ dataDir });
await migrate(onDisk.sql);
await onDisk.close();
const reopen = await measure('reopen a migrated data directory on disk', RUNS, async () => {
  const database = await openPGlite({ dataDir });
  await database.sql.query('SELECT 1');
  await database.close();
});
const copy = await measure('copy a migrated data directory, then open it', RUNS, async () => {
  const copyDir = `${dataDir}-copy`;
  fs.cpSync(dataDir, copyDir, { recursive: true });
  const database = await openPGlite({ dataDir: copyDir });
  await database.sql.query('SELECT 1');
  await database.close();
  fs.rmSync(copyDir, { recursive: true, force: true });
});
fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });

report('Opening a migrated PGlite database', [fresh, fromSnapshot, reopen, copy]);
