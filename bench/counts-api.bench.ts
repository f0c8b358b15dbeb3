/**
 * The counts API on the embedded database under 50 connections. A PGlite data folder is given the demo
 * (`peelian seed demo`, police.uk months included) once and kept (`BENCH_REBUILD=1` builds it again); the real
 * server is started on it and autocannon puts `/ping` (the reference) and then the counts API under load on
 * loopback, cycling through every `by` and three months. Prints requests per second, p50/p97.5/p99 latency,
 * errors and timeouts, and each figure's ratio to `/ping`'s. `BENCH_SECONDS=n` sets the time per target.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/peelian.js');
const DATA_DIR = path.join(os.tmpdir(), 'peelian-bench-counts-api');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 50;
const PORT = 3000 + (process.pid % 1000) + 1000;
const env = { ...process.env, PEELIAN_DATA_DIR: DATA_DIR, LOG_LEVEL: 'warn', PORT: String(PORT) };

if (process.env.BENCH_REBUILD === '1') fs.rmSync(DATA_DIR, { recursive: true, force: true });
if (!fs.existsSync(DATA_DIR)) {
  console.log(`Seeding the demo into ${DATA_DIR}…`);
  const seeded = spawnSync(process.execPath, [BIN, 'seed', 'demo'], { env, stdio: 'ignore' });
  if (seeded.status !== 0) throw new Error('peelian seed demo failed');
}

const server = spawn(process.execPath, [BIN, 'serve'], { env, stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}`;
try {
  await waitForServer(base);
  const ping = await load('/ping', [`${base}/ping`]);
  const counts = await load(
    'counts API (3 months × 3 ways)',
    ['2024-01', '2024-02', '2025-01'].flatMap((month) =>
      ['crime-type', 'outcome', 'lsoa'].map(
        (by) => `${base}/api/v1/police-uk/counts?force=thames-valley&month=${month}&by=${by}`,
      ),
    ),
  );
  console.log(`\nPGlite server, ${CONNECTIONS} connections, ${SECONDS} s per target (ratio to /ping)`);
  for (const row of [ping, counts]) {
    console.log(
      `  ${row.name.padEnd(32)} ${row.rps.toFixed(0).padStart(6)} req/s (×${(row.rps / ping.rps).toFixed(3)})` +
        `  p50 ${row.p50} ms  p97.5 ${row.p975} ms  p99 ${row.p99} ms (×${(row.p99 / Math.max(1, ping.p99)).toFixed(1)})` +
        `  non-2xx ${row.non2xx}  errors ${row.errors}  timeouts ${row.timeouts}`,
    );
  }
} finally {
  server.kill();
}

async function load(name: string, urls: string[]) {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        timeout: 10,
        requests: urls.map((url) => ({ method: 'GET', path: url.slice(base.length) })),
      },
      (error, answer) => (error ? reject(error) : resolve(answer)),
    );
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`${url}/ping`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not start');
}
