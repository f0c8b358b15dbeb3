import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SOCKET_FILE } from '../kernel/db/pglite-command-socket.ts';
import { BIN, collect, freshDataDir, peelian, peelianInProcess, SLOW, waitFor } from './cli.testing.ts';

/**
 * A real `peelian serve` on the embedded database, and commands run beside it: the parallel ones as a user
 * runs them, the others in this test process (cli.testing.ts), which reaches the server the same way.
 */
describe('peelian commands while the server runs on the embedded database', () => {
  const dataDir = freshDataDir();
  const env = { PEELIAN_DATA_DIR: dataDir };
  const socketPath = path.join(dataDir, COMMAND_SOCKET_FILE);
  let server: ChildProcess;
  let closed: Promise<number | null>;
  let url: string;

  beforeAll(async () => {
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
    });
    const output = collect(server);
    closed = new Promise((resolve) => server.on('close', resolve));
    url = await waitFor(() => /Peelian is running at (http:\/\/\S+)/.exec(output().stdout)?.[1], closed);
  }, SLOW);

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    await closed;
  });

  it(
    'creates a user and an API token through the running server, which sees them at once',
    async () => {
      const user = await peelianInProcess(
        ['users', 'create', '--email', 'beside.server@test.example', '--role', 'admin'],
        env,
      );
      expect(user.stderr).toContain('Created beside.server@test.example');
      expect(user.code).toBe(0);
      const setPasswordPath = new URL(user.stdout.trim()).pathname;
      expect((await fetch(`${url}${setPasswordPath}`)).status).toBe(200);

      const token = await peelianInProcess(
        ['tokens', 'create', '--name', 'beside the server', '--role', 'admin'],
        env,
      );
      expect(token.code).toBe(0);
      const me = await fetch(`${url}/api/v1/me`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ kind: 'token', name: 'beside the server' });

      const list = await peelianInProcess(['users', 'list'], env);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('beside.server@test.example');

      const migrate = await peelianInProcess(['db', 'migrate'], env);
      expect(migrate.stderr).toBe(
        `Database is up to date (PGlite at ${dataDir}, through the running server (pid ${server.pid})).\n`,
      );
    },
    SLOW,
  );

  it(
    'keeps answering web requests while commands run',
    async () => {
      const commands = Promise.all(
        [1, 2, 3].map((n) =>
          peelian(
            ['tokens', 'create', '--name', `parallel ${n}`, '--role', 'admin', '--expires', '30d'],
            env,
          ),
        ),
      );
      for (let request = 0; request < 5; request++) expect((await fetch(`${url}/health`)).status).toBe(200);
      const runs = await commands;
      expect(runs.map((run) => [run.code, run.stderr.includes('Created API token')])).toEqual([
        [0, true],
        [0, true],
        [0, true],
      ]);
    },
    SLOW,
  );

  it(
    'backs up through the running server, and the backup restores into a new directory but not over it',
    async () => {
      const backup = path.join(path.dirname(dataDir), 'beside-the-server.gz');
      const run = await peelianInProcess(['db', 'backup', backup], env);
      expect(run.stderr).toMatch(
        /^ {2}app_user: 1 row \(table \d+ of \d+\)$[\s\S]*^Backed up \d+ tables \([\d,]+ rows\) and \d+ sequences from PGlite at .*, through the running server .* to .*beside-the-server\.gz \([\d,]+ KiB\)\.$/m,
      );
      expect(run.code).toBe(0);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const restoredDir = freshDataDir();
      const restored = await peelianInProcess(['db', 'restore', backup], { PEELIAN_DATA_DIR: restoredDir });
      expect(restored.stderr).toContain(
        `into PGlite at ${restoredDir}; every table's rows and checksum match.`,
      );
      expect(restored.code).toBe(0);
      const overServer = await peelianInProcess(['db', 'restore', backup], env);
      expect(overServer.stderr).toMatch(/^peelian db restore: The target database is not empty/);
      expect(overServer.code).toBe(1);
    },
    SLOW,
  );

  it('offers the database on a socket that only its owner can open', () => {
    expect(fs.statSync(socketPath).isSocket()).toBe(true);
    expect(fs.statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it(
    'removes the socket when it stops, and commands then open the data directory themselves',
    async () => {
      server.kill('SIGTERM');
      expect(await closed).toBe(0);
      expect(fs.existsSync(socketPath)).toBe(false);
      const migrate = await peelianInProcess(['db', 'migrate'], env);
      expect(migrate.stderr).toBe(`Database is up to date (PGlite at ${dataDir}).\n`);
    },
    SLOW,
  );
});
