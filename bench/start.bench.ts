/**
 * How long a start takes on a data directory that already holds the demo: `npm start` (and the server it runs,
 * without npm) from spawn to the first `/health` 200, with the CPU the server used by then and its resident
 * memory once idle. References: node itself, and loading the server's modules through tsx without starting.
 *
 *   npm run bench:start [-- --runs 5] [-- --data-dir DIR]   (DIR is made and loaded with the demo if missing)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureAssets, PROJECT_ROOT } from '../src/kernel/assets/build-assets.ts';

const { values } = parseArgs({ options: { runs: { type: 'string' }, 'data-dir': { type: 'string' } } });
const RUNS = Number(values.runs ?? 5);
const BIN = path.join(PROJECT_ROOT, 'bin/peelian.js');
const PORT = 3990;
const dataDir = values['data-dir'] ?? path.join(os.tmpdir(), 'peelian-bench-start', 'data');
const env = { ...process.env, PEELIAN_DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' };
// With the demo loaded, the last thing a start says: the background police.uk check found nothing to load.
const IDLE_LINE = 'The police.uk demo data was already loaded.';

interface Start {
  healthMs: number;
  serverCpuMs: number;
  idleRssMb: number;
}

console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
if ((await ensureAssets()).built)
  console.log('Built the assets first (so that the starts measured skip it).');
if (!fs.existsSync(dataDir)) {
  console.log(`Loading the demo into ${dataDir} once (a minute or two)…`);
  execFileSync(process.execPath, [BIN, 'seed', 'demo'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

const reference = {
  node: await timeExit(process.execPath, ['-e', '0']),
  modules: await timeExit(process.execPath, ['--import', 'tsx', '-e', "await import('./src/app.ts')"]),
};
const viaNpm: Start[] = [];
const direct: Start[] = [];
const withoutDemo: Start[] = [];
for (let run = 0; run < RUNS; run++) {
  viaNpm.push(await timeStart('npm', ['start']));
  direct.push(await timeStart(process.execPath, [BIN, 'serve', '--seed-demo']));
  withoutDemo.push(await timeStart(process.execPath, [BIN, 'serve']));
}

console.log(`\nStarts on a data directory holding the demo (${dataDir}), median of ${RUNS}:`);
for (const [name, starts] of [
  ['npm start', viaNpm],
  ['node bin/peelian.js serve --seed-demo', direct],
  // Without the demo's checks, which run after the server listens but hold the embedded database meanwhile.
  ['node bin/peelian.js serve', withoutDemo],
] as const) {
  console.log(
    `  ${name.padEnd(40)} to /health 200 ${seconds(median(starts.map((s) => s.healthMs)))}` +
      ` (runs: ${starts.map((s) => seconds(s.healthMs)).join(', ')});` +
      ` server CPU by then ${seconds(median(starts.map((s) => s.serverCpuMs)))};` +
      ` idle RSS ${median(starts.map((s) => s.idleRssMb)).toFixed(0)} MB`,
  );
}
console.log('References, median of 3 (spawn to exit):');
console.log(`  node -e 0                                ${seconds(reference.node)}`);
console.log(`  import src/app.ts through tsx            ${seconds(reference.modules)}`);
console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);

async function timeExit(command: string, args: string[]): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: 'ignore' });
    const code = await new Promise((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** One start: the command runs in a process group of its own, so that npm and the server it runs stop together. */
async function timeStart(command: string, args: string[]): Promise<Start> {
  if (await answers()) throw new Error(`Something already answers on port ${PORT}`);
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const closed = new Promise((resolve) => child.on('close', resolve));
  try {
    while (!(await answers())) {
      if (child.exitCode !== null) throw new Error(`The server stopped before answering:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const healthMs = performance.now() - started;
    const server = serverProcess(child);
    const serverCpuMs = cpuMs(server);
    const idle = args.includes('--seed-demo') || command === 'npm';
    for (let waited = 0; idle && !output.includes(IDLE_LINE) && waited < 120_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // A moment for the last checks' garbage to go, as a server left alone would.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return { healthMs, serverCpuMs, idleRssMb: rssMb(server) };
  } finally {
    if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGTERM');
    await closed;
    while (await answers()) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answers(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/health`)).status === 200;
  } catch {
    return false;
  }
}

/** The node process serving: the one spawned, or the one npm started under it. */
function serverProcess(child: ChildProcess): number {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(child.pid)], { encoding: 'utf8' });
  const server = lines
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((words) => words[1] === 'node' || words[1] === process.execPath)
    ?.at(0);
  if (!server) throw new Error(`No node process under ${child.pid}:\n${lines}`);
  return Number(server);
}

function cpuMs(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 are user and system time in clock ticks (100 a second on Linux).
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
