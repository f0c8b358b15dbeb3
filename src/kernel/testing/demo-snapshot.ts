import fs from 'node:fs';
import { inject } from 'vitest';
import { buildServices, seedDemoData } from '../../composition.ts';
import type { Schema } from '../../schema.ts';
import { openPGlite } from '../db/pglite.ts';
import { isProcessRunning } from '../process-running.ts';
import { TEST_URLS } from './test-app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * A PGlite database of its own for one test file, migrated and with the demo data loaded, as the server's
 * `--seed-demo` loads it (at the test URLs). Loading the demo takes many seconds, so it is loaded once a run:
 * the first test file that asks loads it and leaves a snapshot (beside the migrated one, global-setup.ts);
 * the others wait for that snapshot (the hook's timeout bounds the wait) and copy it. The demo's own loading is tested where it is written.
 */
export async function createDemoTestDatabase(): Promise<TestDatabase> {
  const snapshot = await demoSnapshot(inject('pgliteSnapshots').demo);
  return openPGlite<Schema>({ snapshot: new Blob([fs.readFileSync(snapshot)]) });
}

async function demoSnapshot(file: string): Promise<string> {
  const failed = `${file}.failed`;
  const claim = `${file}.claimed-by`;
  for (;;) {
    if (fs.existsSync(file)) return file;
    if (fs.existsSync(failed)) {
      throw new Error(
        `Loading the demo data failed in another test file:\n${fs.readFileSync(failed, 'utf8')}`,
      );
    }
    if (claimFor(claim)) break;
    // A test process that ends (a timed-out hook, a crash) before writing the snapshot leaves it to the next.
    if (!isProcessRunning(Number(fs.readFileSync(claim, 'utf8')))) fs.rmSync(claim, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const snapshot = await loadDemoSnapshot();
    fs.writeFileSync(`${file}.partial`, snapshot);
    fs.renameSync(`${file}.partial`, file);
    return file;
  } catch (error) {
    fs.writeFileSync(failed, (error as Error).stack ?? String(error));
    throw error;
  }
}

async function loadDemoSnapshot(): Promise<Buffer> {
  const database = await createTestDatabase('pglite');
  try {
    await seedDemoData(database, buildServices(database, TEST_URLS));
    const blob = await database.dumpSnapshot?.();
    if (!blob) throw new Error('PGlite could not dump its data directory');
    return Buffer.from(await blob.arrayBuffer());
  } finally {
    await database.close();
  }
}

/** Writes this process's id to the claim file unless another process has: one caller only succeeds. */
function claimFor(claim: string): boolean {
  try {
    fs.writeFileSync(claim, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
