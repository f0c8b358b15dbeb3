import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../kernel/db/migrator.ts';
import { BIN, collect, freshDataDir, peelian, SLOW, waitFor } from './cli.testing.ts';

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
    'serves: prints its URL, answers /health, loads the demo, and stops cleanly on SIGTERM releasing the data directory',
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
        // The demo loads after the server answers; the home page shows the plan in force once loaded.
        await waitFor(() => (output().stdout.includes('Demo data loaded:') ? true : undefined), closed);
        const home = await (await fetch(`${url}/`)).text();
        expect(home).toContain('data-testid="priority-summary"');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await closed).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'peelian.lock'))).toBe(false);
    },
    SLOW,
  );
});
