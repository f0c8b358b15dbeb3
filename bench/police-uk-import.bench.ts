/**
 * police.uk import at scale: at least 1,000,000 street rows built from the demo's real Thames Valley files
 * (each month repeated for further forces, a year later each time), imported with `peelian import police-uk`'s
 * service into PGlite and, when DATABASE_URL is set, PostgreSQL. The reference, in the same run and on the
 * same engine, is a bare `COPY … FROM … (FORMAT csv, HEADER)` of the same files into a plain table of text
 * columns: the fastest the engine takes these bytes, with no checking, typing, indexes or roll-ups.
 *
 * Each measurement runs in a process of its own, on a fresh database, so that its peak RSS is its own.
 * Run with `npm run bench:import`; `BENCH_COPIES=n` sets how many forces (default 4: 1.28 million rows).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs, { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEMO = path.join(ROOT, 'data/demo/police-uk');
const SELF = path.join(import.meta.dirname, 'police-uk-import.bench.ts');

interface Job {
  engine: 'pglite' | 'postgresql';
  method: 'prepare' | 'copy' | 'import';
  dataDir: string;
  forces: string[];
  /** Where the prepared database is: a PGlite data directory, or a PostgreSQL database name. */
  database: string;
}

interface Measurement {
  engine: string;
  method: string;
  rows: number;
  ms: number;
  peakRssMb: number;
  detail?: string;
}

const childArg = process.argv.indexOf('--child');
if (childArg !== -1) {
  const job = JSON.parse(process.argv[childArg + 1] ?? '{}') as Job;
  const result = await measureInChild(job);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await main();
}

async function main(): Promise<void> {
  const copies = Number(process.env.BENCH_COPIES ?? 4);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-bench-import-'));
  try {
    const { dataDir, rows, forces, files } = await buildData(scratch, copies);
    console.log(
      `\npolice.uk import benchmark: ${rows.toLocaleString('en-GB')} street rows in ${files} files (${forces.length} forces), ` +
        `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
    );
    const engines: Job['engine'][] = process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
    const results: Measurement[] = [];
    for (const engine of engines) {
      for (const method of ['copy', 'import'] as const) {
        // A migrated database made by another process, then opened afresh, as a server opens its own.
        const database =
          engine === 'pglite'
            ? path.join(scratch, `pglite-${method}`)
            : `peelian_bench_${randomBytes(4).toString('hex')}`;
        const job = { engine, method, dataDir, forces, database };
        await runChild({ ...job, method: 'prepare' });
        try {
          const result = await runChild(job);
          results.push(result);
          console.log(`  ${describe(result)}`);
        } finally {
          await dropDatabase(job);
        }
      }
    }
    console.log(
      '\n| engine | bare COPY rows/s | import rows/s | ratio import/COPY | peak RSS, COPY | peak RSS, import |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const engine of engines) {
      const copy = results.find((r) => r.engine === engine && r.method === 'copy');
      const imported = results.find((r) => r.engine === engine && r.method === 'import');
      if (!copy || !imported) continue;
      const ratio = rate(imported) / rate(copy);
      console.log(
        `| ${engine} | ${Math.round(rate(copy)).toLocaleString('en-GB')} | ${Math.round(rate(imported)).toLocaleString('en-GB')} | ${ratio.toFixed(2)}${ratio >= 0.5 ? '' : ' (target 0.5)'} | ${copy.peakRssMb} MB | ${imported.peakRssMb} MB${imported.peakRssMb <= 1024 ? '' : ' (target 1,024)'} |`,
      );
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function rate(result: Measurement): number {
  return (result.rows / result.ms) * 1000;
}

function describe(result: Measurement): string {
  return `${result.engine.padEnd(10)} ${result.method === 'copy' ? 'bare COPY ' : 'import    '} ${result.rows.toLocaleString('en-GB').padStart(10)} rows in ${(result.ms / 1000).toFixed(1).padStart(5)} s = ${Math.round(rate(result)).toLocaleString('en-GB').padStart(8)} rows/s, peak RSS ${result.peakRssMb} MB${result.detail ? `  (${result.detail})` : ''}`;
}

/** Writes `copies` forces' worth of the demo street months as plain CSV in the archive's layout. */
async function buildData(scratch: string, copies: number) {
  const dataDir = path.join(scratch, 'data');
  const months = fs
    .readdirSync(DEMO)
    .filter((name) => /^\d{4}-\d{2}$/.test(name))
    .sort();
  const forces = Array.from({ length: copies }, (_, index) =>
    index === 0 ? 'thames-valley' : `bench-force-${index}`,
  );
  let rows = 0;
  let files = 0;
  for (const [copy, force] of forces.entries()) {
    for (const month of months) {
      const source = path.join(DEMO, month, `${month}-thames-valley-street.csv.gz`);
      if (!fs.existsSync(source)) continue;
      const shifted = `${Number(month.slice(0, 4)) + copy * 5}-${month.slice(5)}`;
      const target = path.join(dataDir, shifted, `${shifted}-${force}-street.csv`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      rows += await rewriteMonth(source, target, month, shifted);
      files += 1;
    }
  }
  return { dataDir, rows, forces, files };
}

/** Copies a gzipped street file, giving every row the shifted month; returns its data rows. */
async function rewriteMonth(source: string, target: string, month: string, shifted: string): Promise<number> {
  let rows = -1;
  let rest = '';
  const from = `,${month},`;
  const to = `,${shifted},`;
  const rewrite = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const text = rest + chunk.toString('utf8');
      const cut = text.lastIndexOf('\n') + 1;
      rest = text.slice(cut);
      const lines = text.slice(0, cut);
      rows += (lines.match(/\n/g) ?? []).length;
      callback(null, lines.replaceAll(from, to));
    },
    flush(callback) {
      if (rest !== '') rows += 1;
      callback(null, rest.replaceAll(from, to));
    },
  });
  await pipeline(fs.createReadStream(source), createGunzip(), rewrite, createWriteStream(target));
  return rows;
}

function runChild(job: Job): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--child', JSON.stringify(job)], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`the ${job.engine} ${job.method} run failed (exit ${code})`));
      else resolve(JSON.parse(line) as Measurement);
    });
  });
}

/** Prepares a migrated database with the forces; or takes one measurement on it: the bare COPY or the import. */
async function measureInChild(job: Job): Promise<Measurement> {
  const { migrate } = await import('../src/kernel/db/migrator.ts');
  const { systemActor } = await import('../src/kernel/auth/actor.ts');
  const { policy } = await import('../src/composition.ts');
  const { createAreasService } = await import('../src/domains/areas/index.ts');
  const { createPerformanceServices, listPoliceUkSources } = await import(
    '../src/domains/performance/index.ts'
  );
  const database = await openDatabase(job);
  try {
    const areas = createAreasService(database.db);
    if (job.method === 'prepare') {
      await migrate(database.sql);
      for (const [index, slug] of job.forces.entries()) {
        await areas.saveForceArea(systemActor('bench'), {
          slug,
          name: slug,
          gssCode: `E23${String(900_000 + index).padStart(6, '0')}`,
          localAuthorities: [],
        });
      }
      return { engine: job.engine, method: job.method, rows: 0, ms: 0, peakRssMb: peakRssMb() };
    }
    if (job.method === 'copy') {
      await database.sql.exec(
        `CREATE TABLE bench_bare (${Array.from({ length: 12 }, (_, i) => `c${i} text`).join(', ')})`,
      );
      const { sources } = await listPoliceUkSources([job.dataDir]);
      const started = performance.now();
      let rows = 0;
      for (const source of sources) {
        rows += await database.sql.copyFrom(
          { table: 'bench_bare', columns: Array.from({ length: 12 }, (_, i) => `c${i}`) },
          await source.open(),
          { format: 'csv', header: true },
        );
      }
      const ms = performance.now() - started;
      return { engine: job.engine, method: job.method, rows, ms, peakRssMb: peakRssMb() };
    }
    const services = createPerformanceServices({ database, areas, policy });
    const phases: Record<string, number> = {};
    let phase = '';
    let phaseStarted = performance.now();
    const started = performance.now();
    const report = await services.imports.importPoliceUk(systemActor('bench'), [job.dataDir], {
      origin: 'command-line',
      onProgress: (progress) => {
        if (progress.phase === phase) return;
        if (phase) phases[phase] = performance.now() - phaseStarted;
        phase = progress.phase;
        phaseStarted = performance.now();
      },
    });
    const ms = performance.now() - started;
    phases[phase] = performance.now() - phaseStarted;
    if (report.status !== 'succeeded') throw new Error(`the import failed: ${report.error}`);
    return {
      engine: job.engine,
      method: job.method,
      rows: report.rows.street,
      ms,
      peakRssMb: peakRssMb(),
      detail: Object.entries(phases)
        .map(([name, value]) => `${name} ${(value / 1000).toFixed(1)} s`)
        .join(', '),
    };
  } finally {
    await database.close();
  }
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function openDatabase(job: Job) {
  if (job.engine === 'pglite') {
    const { openPGlite } = await import('../src/kernel/db/pglite.ts');
    return openPGlite<import('../src/schema.ts').Schema>({ dataDir: job.database });
  }
  const { openPostgres } = await import('../src/kernel/db/postgres.ts');
  const { databaseUrl, withAdmin } = await import('../src/kernel/testing/postgres-templates.ts');
  const adminUrl = process.env.DATABASE_URL as string;
  if (job.method === 'prepare')
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${job.database}`));
  return openPostgres<import('../src/schema.ts').Schema>(databaseUrl(adminUrl, job.database), 4);
}

async function dropDatabase(job: Job): Promise<void> {
  if (job.engine === 'pglite') {
    fs.rmSync(job.database, { recursive: true, force: true });
    return;
  }
  const { withAdmin } = await import('../src/kernel/testing/postgres-templates.ts');
  await withAdmin(process.env.DATABASE_URL as string, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${job.database} WITH (FORCE)`),
  );
}
