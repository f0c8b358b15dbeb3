/**
 * The public scorecard at national scale. On PostgreSQL (`DATABASE_URL`, the server's admin URL), a database
 * `peelian_bench_scorecard` is given the demo (plans, indicators, scrutiny) and then at least 10,000,000
 * synthetic street rows for the 43 forces of England and Wales over 36 months, imported through
 * `peelian import police-uk`'s own service so that every roll-up and derived table is what a real import
 * leaves. The real server is then started against it and each page is put under load with autocannon on
 * loopback (10 connections, 20 s): p50, p95 and p99 latency and requests per second, with `/ping` measured the
 * same way in the same run as the reference.
 *
 * Synthetic rows: each force-month samples rows (a seeded pseudo-random choice, so runs repeat) from the real
 * Thames Valley street file of the same calendar month, so crime types, outcomes, locations and anti-social
 * behaviour keep their real mix; forces get rows in proportion to their approximate population.
 *
 * The prepared database is kept and reused by later runs; `BENCH_REBUILD=1` builds it again,
 * `BENCH_ROWS=n` sets the size (default 10,100,000), `BENCH_SECONDS=n` the time under load per page.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEMO = path.join(ROOT, 'data/demo/police-uk');
const DATABASE = 'peelian_bench_scorecard';
const MONTHS = 36;
const FIRST_MONTH = '2023-01';

/** police.uk slugs with approximate populations in millions (shape only: bigger forces get more rows). */
const FORCES: Record<string, number> = {
  'avon-and-somerset': 1.8,
  bedfordshire: 0.7,
  cambridgeshire: 0.9,
  cheshire: 1.1,
  'city-of-london': 0.05,
  cleveland: 0.57,
  cumbria: 0.5,
  derbyshire: 1.05,
  'devon-and-cornwall': 1.8,
  dorset: 0.78,
  durham: 0.64,
  'dyfed-powys': 0.52,
  essex: 1.85,
  gloucestershire: 0.65,
  'greater-manchester': 2.9,
  gwent: 0.6,
  hampshire: 2.0,
  hertfordshire: 1.2,
  humberside: 0.93,
  kent: 1.9,
  lancashire: 1.5,
  leicestershire: 1.1,
  lincolnshire: 0.77,
  merseyside: 1.43,
  metropolitan: 8.9,
  norfolk: 0.92,
  'north-wales': 0.7,
  'north-yorkshire': 0.83,
  northamptonshire: 0.79,
  northumbria: 1.46,
  nottinghamshire: 1.16,
  'south-wales': 1.33,
  'south-yorkshire': 1.41,
  staffordshire: 1.13,
  suffolk: 0.76,
  surrey: 1.2,
  sussex: 1.7,
  'thames-valley': 2.4,
  warwickshire: 0.6,
  'west-mercia': 1.3,
  'west-midlands': 2.9,
  'west-yorkshire': 2.35,
  wiltshire: 0.73,
};

/** What every browser sends: pages come back gzipped, as they would to a visitor. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** The pages under load; the first is the reference. */
const TARGETS = [
  { name: 'reference: GET /ping', path: '/ping' },
  { name: 'scorecard page', path: '/scorecard' },
  { name: 'a measure’s page (PC4.M1, anti-social behaviour)', path: '/scorecard/measures/PC4.M1' },
  { name: 'a measure’s API (PC4.M1)', path: '/api/v1/scorecard/measures/PC4.M1' },
  {
    name: 'police.uk counts API (a month by crime type)',
    path: '/api/v1/police-uk/counts?force=metropolitan&month=2025-06&by=crime-type',
  },
];

const totalRows = Number(process.env.BENCH_ROWS ?? 10_100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const { databaseUrl, withAdmin } = await import('../src/kernel/testing/postgres-templates.ts');
const adminUrl = process.env.DATABASE_URL ?? '';
const benchUrl = adminUrl && databaseUrl(adminUrl, DATABASE);

if (!adminUrl) {
  console.error(
    '\nScorecard benchmark skipped: it needs PostgreSQL; set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).',
  );
  process.exitCode = 2;
} else {
  console.log(
    `\nScorecard benchmark: PostgreSQL, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
  );
  const rows = await prepare();
  console.log(`  ${rows.toLocaleString('en-GB')} street rows loaded in ${DATABASE}.`);
  await measureUnderLoad();
}

/** Builds the database unless one of the asked-for size is already there; returns its street rows. */
async function prepare(): Promise<number> {
  const exists = await withAdmin(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    return found.rowCount === 1;
  });
  if (exists && process.env.BENCH_REBUILD !== '1') {
    const loaded = await countStreetRows();
    if (loaded >= totalRows) return loaded;
  }
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  });
  const started = performance.now();
  const { openPostgres } = await import('../src/kernel/db/postgres.ts');
  const { migrate } = await import('../src/kernel/db/migrator.ts');
  const { buildServices, seedDemoData } = await import('../src/composition.ts');
  const { systemActor } = await import('../src/kernel/auth/actor.ts');
  const database = await openPostgres<import('../src/schema.ts').Schema>(benchUrl, 4);
  try {
    await migrate(database.sql);
    const services = buildServices(database, { baseUrl: 'http://127.0.0.1' });
    await seedDemoData(database, services);
    const actor = systemActor('scorecard benchmark');
    const population = Object.values(FORCES).reduce((sum, value) => sum + value, 0);
    const samples = loadSampleMonths();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-bench-scorecard-'));
    try {
      let index = 0;
      for (const [slug, people] of Object.entries(FORCES)) {
        index += 1;
        if (!(await services.areas.findForceArea(slug))) {
          await services.areas.saveForceArea(actor, {
            slug,
            name: slug,
            gssCode: `E23${String(900_000 + index).padStart(6, '0')}`,
            localAuthorities: [],
          });
        }
        const perMonth = Math.round(((people / population) * totalRows) / MONTHS);
        const dir = path.join(scratch, slug);
        writeForceFiles(dir, slug, perMonth, samples);
        const report = await services.performance.imports.importPoliceUk(actor, [dir], {
          origin: 'command-line',
        });
        fs.rmSync(dir, { recursive: true, force: true });
        if (report.status !== 'succeeded') throw new Error(`importing ${slug} failed: ${report.error}`);
        console.log(
          `  ${String(index).padStart(2)}/43 ${slug}: ${report.rows.street.toLocaleString('en-GB')} rows ` +
            `in ${(report.durationMs / 1000).toFixed(1)} s`,
        );
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    console.log(`  Prepared in ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
  } finally {
    await database.close();
  }
  return countStreetRows();
}

async function countStreetRows(): Promise<number> {
  return withAdmin(benchUrl, async (client) => {
    const result = await client.query('SELECT count(*)::bigint AS n FROM police_uk_street_record');
    return Number(result.rows[0]?.n ?? 0);
  });
}

interface SampleMonth {
  header: string;
  /** `YYYY-MM` of the real file. */
  month: string;
  lines: string[];
}

/** The real street file for each calendar month (the latest year that has it; the nearest month if none). */
function loadSampleMonths(): Map<number, SampleMonth> {
  const byCalendarMonth = new Map<number, SampleMonth>();
  const folders = fs
    .readdirSync(DEMO)
    .filter((name) => /^\d{4}-\d{2}$/.test(name))
    .sort();
  for (const month of folders) {
    const file = path.join(DEMO, month, `${month}-thames-valley-street.csv.gz`);
    if (!fs.existsSync(file)) continue;
    const [header = '', ...lines] = gunzipSync(fs.readFileSync(file))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line !== '');
    byCalendarMonth.set(Number(month.slice(5)), { header, month, lines });
  }
  const samples = new Map<number, SampleMonth>();
  for (let calendarMonth = 1; calendarMonth <= 12; calendarMonth++) {
    const nearest = [...byCalendarMonth.keys()].sort(
      (a, b) => circularDistance(a, calendarMonth) - circularDistance(b, calendarMonth),
    )[0];
    const sample = nearest === undefined ? undefined : byCalendarMonth.get(nearest);
    if (!sample) throw new Error(`no demo street file to sample in ${DEMO}`);
    samples.set(calendarMonth, sample);
  }
  return samples;
}

function circularDistance(a: number, b: number): number {
  const distance = Math.abs(a - b);
  return Math.min(distance, 12 - distance);
}

/** Writes a force's 36 street files in the police.uk archive layout. */
function writeForceFiles(
  dir: string,
  slug: string,
  perMonth: number,
  samples: Map<number, SampleMonth>,
): void {
  const [firstYear, firstMonth] = FIRST_MONTH.split('-').map(Number) as [number, number];
  for (let offset = 0; offset < MONTHS; offset++) {
    const year = firstYear + Math.floor((firstMonth - 1 + offset) / 12);
    const calendarMonth = ((firstMonth - 1 + offset) % 12) + 1;
    const month = `${year}-${String(calendarMonth).padStart(2, '0')}`;
    const sample = samples.get(calendarMonth) as SampleMonth;
    const random = seededRandom(`${slug} ${month}`);
    const from = `,${sample.month},`;
    const to = `,${month},`;
    const out: string[] = [sample.header];
    for (let row = 0; row < perMonth; row++) {
      const line = sample.lines[Math.floor(random() * sample.lines.length)] as string;
      out.push(line.replace(from, to));
    }
    const target = path.join(dir, month, `${month}-${slug}-street.csv`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${out.join('\n')}\n`);
  }
}

/** mulberry32 seeded from a string: the same force and month always get the same rows. */
function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the real server on the prepared database and puts each page under load in turn. */
async function measureUnderLoad(): Promise<void> {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/peelian.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PEELIAN_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base);
    console.log(`\n${seconds} s a page, 10 connections, loopback; latency in ms\n`);
    console.log('| page | requests/s | p50 | p95 | p99 | p95 / reference p95 |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    let referenceP95 = 0;
    for (const target of TARGETS) {
      const result = await load(`${base}${target.path}`);
      if (referenceP95 === 0) referenceP95 = result.p95;
      const cells = [result.requestsPerSecond.toFixed(0), result.p50, result.p95, result.p99].map(String);
      const ratio = (result.p95 / referenceP95).toFixed(1);
      console.log(
        `| ${target.name} | ${cells.join(' | ')} | ×${ratio}${result.p95 > 50 ? ' (target 50 ms)' : ''} |`,
      );
    }
  } finally {
    server.kill('SIGTERM');
  }
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** A short warm-up, then the measured run; every response's time is kept so the percentiles are exact. */
async function load(url: string): Promise<LoadResult> {
  await runAutocannon(url, 2, () => {});
  const times: number[] = [];
  const result = await runAutocannon(url, seconds, (time) => times.push(time));
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => Math.round((times[Math.ceil(fraction * times.length) - 1] ?? 0) * 10) / 10;
  return { requestsPerSecond: result.requests.average, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function runAutocannon(
  url: string,
  duration: number,
  onResponseTime: (ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: 10, duration, headers: BROWSER_HEADERS },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => onResponseTime(responseTime));
  });
}

async function waitForHealth(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not answer /health within two minutes');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
