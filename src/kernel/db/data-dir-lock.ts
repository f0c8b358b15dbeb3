import fs from 'node:fs';
import path from 'node:path';
import { DatabaseUnavailableError, DataDirInUseError } from './errors.ts';

const LOCK_FILE = 'peelian.lock';

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite takes no lock of its own, and two processes writing one data directory corrupt it.
 * We hold an exclusive lock file naming our process id; a lock left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  ensureWritableDir(dataDir);
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return { release: () => fs.rmSync(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (isRunning(holder) && holder !== process.pid) {
        throw new DataDirInUseError(dataDir, holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseUnavailableError(`Could not lock the data directory ${dataDir}; try again.`);
}

function ensureWritableDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new DatabaseUnavailableError(
      `The data directory ${dataDir} is not writable (${reason}). Set PEELIAN_DATA_DIR to a directory you can write to.`,
    );
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
