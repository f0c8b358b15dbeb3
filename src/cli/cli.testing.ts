import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../kernel/assets/build-assets.ts';

export const BIN = path.join(PROJECT_ROOT, 'bin/peelian.js');
/** Tests that start several processes, each opening the embedded database afresh. */
export const SLOW = 120_000;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `peelian` as a user would, with only the variables given (plus PATH). */
export function peelian(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    const out = collect(child);
    child.on('close', (code) => resolve({ code, ...out() }));
  });
}

export function collect(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return () => ({ stdout, stderr });
}

export const freshDataDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-cli-')), 'data');

/** Polls until `probe` gives a value, failing if the process exits first. */
export async function waitFor<T>(probe: () => T | undefined, exited: Promise<unknown>): Promise<T> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = probe();
    if (value !== undefined) return value;
    if (done) throw new Error('the process exited before it was ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting for the process');
}
