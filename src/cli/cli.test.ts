import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../kernel/assets/build-assets.ts';
import { parsePlanFile } from '../domains/plans/index.ts';
import { readMigrations } from '../kernel/db/migrator.ts';

const BIN = path.join(PROJECT_ROOT, 'bin/peelian.js');
/** Tests that start several processes, each opening the embedded database afresh. */
const SLOW = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `peelian` as a user would, with only the variables given (plus PATH). */
function peelian(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    const out = collect(child);
    child.on('close', (code) => resolve({ code, ...out() }));
  });
}

function collect(child: ChildProcess) {
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

const freshDataDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-cli-')), 'data');

describe('peelian CLI', () => {
  it('lists every command with --help', async () => {
    const run = await peelian(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['serve', 'db migrate', 'db status', 'seed demo', 'assets build']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('gives each command its own --help', async () => {
    const run = await peelian(['db', 'status', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: peelian db status [--json]');
  });

  it('refuses an unknown command or flag with one line and exit code 2', async () => {
    const unknownCommand = await peelian(['frobnicate']);
    expect(unknownCommand).toEqual({
      code: 2,
      stdout: '',
      stderr: "peelian: unknown command 'frobnicate'. Run 'peelian --help' to list the commands.\n",
    });
    const unknownFlag = await peelian(['db', 'migrate', '--force']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toBe(
      "peelian db migrate: Unknown option '--force'. Run 'peelian db migrate --help'.\n",
    );
  });

  it('says in one line what is wrong with a malformed DATABASE_URL', async () => {
    const run = await peelian(['db', 'status'], { DATABASE_URL: 'mysql://root@localhost/peelian' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'peelian db status: Environment variable DATABASE_URL must be a URL of the form postgres://user@host:5432/database.\n',
    );
  });

  it('says in one line that PostgreSQL is unreachable, never showing the password', async () => {
    const run = await peelian(['db', 'migrate'], {
      DATABASE_URL: 'postgres://peelian:hunter2@127.0.0.1:1/peelian',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'peelian db migrate: Cannot reach PostgreSQL at postgres://peelian:***@127.0.0.1:1/peelian: connection refused. ' +
        'Check DATABASE_URL and that the server is running.\n',
    );
  });

  it('says in one line that the data directory is not writable, creating nothing', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-cli-'));
    fs.writeFileSync(path.join(parent, 'file'), '');
    const run = await peelian(['db', 'migrate'], { PEELIAN_DATA_DIR: path.join(parent, 'file', 'data') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^peelian db migrate: The data directory .* is not writable \(ENOTDIR\)\..*\n$/,
    );
    expect(fs.readdirSync(parent)).toEqual(['file']);
  });

  it(
    'migrates, reports status as JSON and seeds the demo repeatably',
    async () => {
      const dataDir = freshDataDir();
      const migrated = await peelian(['db', 'migrate'], { PEELIAN_DATA_DIR: dataDir });
      expect(migrated.code).toBe(0);
      expect(migrated.stdout.trim().split('\n')).toEqual(readMigrations().map((file) => file.name));

      const status = await peelian(['db', 'status', '--json'], { PEELIAN_DATA_DIR: dataDir });
      expect(status.code).toBe(0);
      const parsed = JSON.parse(status.stdout);
      expect(parsed.engine).toBe('pglite');
      expect(parsed.migrations.every((row: { state: string }) => row.state === 'applied')).toBe(true);

      const first = await peelian(['seed', 'demo'], { PEELIAN_DATA_DIR: dataDir });
      expect(first.code).toBe(0);
      const lines = first.stderr.trim().split('\n');
      expect(lines[0]).toBe('Demo data loaded: 1 force area, 14 local authorities.');
      expect(
        lines.filter((line) =>
          /^ {2}\S+ +\S+@peelian\.example +http:\/\/localhost:3000\/password\/set\//.test(line),
        ),
      ).toHaveLength(6);
      expect(first.stderr).not.toMatch(/password[:=]/i);

      const second = await peelian(['seed', 'demo'], { PEELIAN_DATA_DIR: dataDir });
      expect(second.code).toBe(0);
      expect(second.stderr).toBe('Demo data loaded: 1 force area, 14 local authorities.\n');
    },
    SLOW,
  );

  it(
    'manages people and API tokens, printing only what a script needs on stdout',
    async () => {
      const env = { PEELIAN_DATA_DIR: freshDataDir() };
      const badRole = await peelian(['users', 'create', '--email', 'a@test.example', '--role', 'chief'], env);
      expect(badRole.code).toBe(1);
      expect(badRole.stderr).toMatch(/^peelian users create: role: Select a role\.\n$/);

      const created = await peelian(
        ['users', 'create', '--email', 'Analyst@Test.example', '--role', 'admin'],
        env,
      );
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/^http:\/\/localhost:3000\/password\/set\/[A-Za-z0-9_-]{43}\n$/);
      const listed = JSON.parse((await peelian(['users', 'list', '--json'], env)).stdout);
      expect(listed).toMatchObject([
        { email: 'analyst@test.example', grants: [{ role: 'admin', bodyId: null }] },
      ]);

      const token = await peelian(
        ['tokens', 'create', '--name', 'nightly feed', '--role', 'admin', '--expires', '30d'],
        env,
      );
      expect(token.code).toBe(0);
      expect(token.stdout).toMatch(/^pln_[A-Za-z0-9_-]{43}\n$/);
      expect(token.stderr).toMatch(/Created API token 1 "nightly feed" \(admin\) until \d{4}-\d{2}-\d{2}\./);
      const tokens = await peelian(['tokens', 'list'], env);
      expect(tokens.stdout).toMatch(
        /^ {3}1 {2}nightly feed +admin@\* {2}active {2}expires \d{4}-\d{2}-\d{2}\n$/,
      );
      expect(tokens.stdout).not.toContain(token.stdout.trim());

      expect((await peelian(['tokens', 'revoke', '1'], env)).stderr).toBe('Revoked API token 1.\n');
      expect((await peelian(['tokens', 'list'], env)).stdout).toContain('revoked');
      const badId = await peelian(['tokens', 'revoke', 'first'], env);
      expect(badId.code).toBe(2);
      const badExpiry = await peelian(
        ['tokens', 'create', '--name', 'x', '--role', 'admin', '--expires', 'soon'],
        env,
      );
      expect(badExpiry.stderr).toMatch(/Expiry "soon" must look like 90d/);
    },
    SLOW,
  );

  it('exports a demo plan exactly as its file, and refuses a broken plan file naming the place', async () => {
    const env = { PEELIAN_DATA_DIR: freshDataDir() };
    expect((await peelian(['seed', 'demo'], env)).code).toBe(0);
    const exported = await peelian(['export', 'plan', 'thames-valley-2024-2029', '--format', 'json'], env);
    expect(exported.code).toBe(0);
    const original = parsePlanFile(fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/plans/thames-valley-2024-2029.yaml'), 'utf8'));
    expect(JSON.parse(exported.stdout)).toEqual(original);

    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-plan-')), 'broken.yaml');
    fs.writeFileSync(broken, 'format: peelian-plan/1\nplan: {}\npillars: []\n');
    const refused = await peelian(['import', 'plan', broken], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^peelian import plan: plan\.slug: .*; pillars: must have at least one pillar\.?\n$/);
  }, SLOW);

  it(
    'serves: prints its URL, answers /health, and stops cleanly on SIGTERM releasing the data directory',
    async () => {
      const dataDir = freshDataDir();
      const child = spawn(process.execPath, [BIN, 'serve', '--seed-demo'], {
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', PEELIAN_DATA_DIR: dataDir },
      });
      const output = collect(child);
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      try {
        const url = await waitFor(
          () => /Peelian is running at (http:\/\/\S+)/.exec(output().stdout)?.[1],
          closed,
        );
        const health = await fetch(`${url}/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({
          status: 'ok',
          database: { engine: 'pglite', migrations: readMigrations().length },
        });
        const home = await (await fetch(`${url}/`)).text();
        expect(home).toContain('Windsor and Maidenhead');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await closed).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'peelian.lock'))).toBe(false);
    },
    SLOW,
  );
});

async function waitFor<T>(probe: () => T | undefined, exited: Promise<unknown>): Promise<T> {
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
