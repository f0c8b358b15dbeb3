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

/** The environment `peelian` is given in tests: only the variables given, plus PATH. */
const commandEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  LOG_LEVEL: 'silent',
  ...env,
});

/** Runs `peelian` as a user would, with only the variables given (plus PATH). */
export function peelian(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: commandEnv(env) });
    const out = collect(child);
    child.on('close', (code) => resolve({ code, ...out() }));
  });
}

/** The in-process commands of this test file, one after another (see below). */
let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a `peelian` command inside the test process, through the runner the binary calls, with the same
 * environment, output and exit code as `peelian` above but without starting node and loading every source
 * file again (about four seconds a command). The environment is the whole process's while the command runs,
 * so such commands wait for one another; `peelian` itself is still proven by the tests that spawn it.
 */
export function peelianInProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = inProcessQueue.then(() => runInProcess(args, env));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

async function runInProcess(args: string[], env: Record<string, string>): Promise<Run> {
  const { runCli } = await import('./main.ts');
  const { COMMANDS } = await import('./commands.ts');
  let stdout = '';
  let stderr = '';
  const testEnv = process.env;
  process.env = commandEnv(env);
  try {
    const code = await runCli(args, COMMANDS, {
      stdout: (line) => {
        stdout += `${line}\n`;
      },
      stderr: (line) => {
        stderr += `${line}\n`;
      },
    });
    return { code, stdout, stderr };
  } finally {
    process.env = testEnv;
  }
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
