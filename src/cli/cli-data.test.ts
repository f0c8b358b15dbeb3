import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../domains/plans/index.ts';
import { PROJECT_ROOT } from '../kernel/assets/build-assets.ts';
import { readMigrations } from '../kernel/db/migrator.ts';
import { freshDataDir, peelian, peelianInProcess, SLOW } from './cli.testing.ts';

/**
 * A data directory migrated by the real binary (which makes the directory), then seeded with the demo twice by
 * commands in this process (cli.testing.ts). Loading the demo is by far the slowest step here, so the tests of
 * seeding and of exporting a demo plan share one directory: made once, by whichever test asks first.
 */
let demoDataDir: ReturnType<typeof seedDemoDataDir> | undefined;
const sharedDemoDataDir = () => {
  demoDataDir ??= seedDemoDataDir();
  return demoDataDir;
};
async function seedDemoDataDir() {
  const dataDir = freshDataDir();
  const migrated = await peelian(['db', 'migrate'], { PEELIAN_DATA_DIR: dataDir });
  const status = await peelianInProcess(['db', 'status', '--json'], { PEELIAN_DATA_DIR: dataDir });
  const first = await peelianInProcess(['seed', 'demo'], { PEELIAN_DATA_DIR: dataDir });
  const second = await peelianInProcess(['seed', 'demo'], { PEELIAN_DATA_DIR: dataDir });
  return { dataDir, migrated, status, first, second };
}

describe('peelian CLI with data', () => {
  it(
    'migrates, reports status as JSON and seeds the demo repeatably',
    async () => {
      const { dataDir, migrated, status, first, second } = await sharedDemoDataDir();
      expect(migrated.code).toBe(0);
      expect(migrated.stdout.trim().split('\n')).toEqual(readMigrations().map((file) => file.name));

      expect(status.code).toBe(0);
      const parsed = JSON.parse(status.stdout);
      expect(parsed.engine).toBe('pglite');
      expect(parsed.migrations.every((row: { state: string }) => row.state === 'applied')).toBe(true);

      expect(first.code).toBe(0);
      const lines = first.stderr.trim().split('\n');
      expect(lines[0]).toBe(
        'Demo data loaded: 1 force area, 14 local authorities, 2 plans, 2 coverage sources, 3 funds, 6 decisions, 24 delivery actions, 7 inspection reports, 1 performance pack, 1 illustrative precept year, 1 illustrative budget year, 1 illustrative confirmation hearing, 3 months of spending, 6 contracts, 10 duty records, 2 surveys, 240 survey responses.',
      );
      expect(
        lines.filter((line) =>
          /^ {2}\S+ +\S+@peelian\.example +http:\/\/localhost:3000\/password\/set\//.test(line),
        ),
      ).toHaveLength(6);
      expect(first.stderr).not.toMatch(/password[:=]/i);

      expect(second.code).toBe(0);
      expect(second.stderr).toBe(
        'Demo data loaded: 1 force area, 14 local authorities, 2 plans, 2 coverage sources.\n',
      );

      // A delivery plan file loads again unchanged; a faulty one is refused by line and path, saving nothing.
      const demoFile = path.join(PROJECT_ROOT, 'data/demo/delivery/thames-valley-2024-2029-force.yaml');
      const again = await peelianInProcess(['import', 'delivery', demoFile], { PEELIAN_DATA_DIR: dataDir });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ owner: 'force', actions: 4, changes: 0 });
      const faulty = path.join(os.tmpdir(), `delivery-${process.pid}.yaml`);
      fs.writeFileSync(
        faulty,
        fs.readFileSync(demoFile, 'utf8').replace('dueOn: 2025-10-31', 'dueOn: 2025-04-30'),
      );
      const refused = await peelianInProcess(['import', 'delivery', faulty], { PEELIAN_DATA_DIR: dataDir });
      fs.rmSync(faulty);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'line 15, actions.0.dueOn: The due date must be on or after the start date',
      );
    },
    SLOW,
  );

  it(
    'manages people and API tokens, printing only what a script needs on stdout',
    async () => {
      const env = { PEELIAN_DATA_DIR: freshDataDir() };
      const badRole = await peelianInProcess(
        ['users', 'create', '--email', 'a@test.example', '--role', 'chief'],
        env,
      );
      expect(badRole.code).toBe(1);
      expect(badRole.stderr).toMatch(/^peelian users create: role: Select a role\.\n$/);

      const created = await peelianInProcess(
        ['users', 'create', '--email', 'Analyst@Test.example', '--role', 'admin'],
        env,
      );
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/^http:\/\/localhost:3000\/password\/set\/[A-Za-z0-9_-]{43}\n$/);
      const listed = JSON.parse((await peelianInProcess(['users', 'list', '--json'], env)).stdout);
      expect(listed).toMatchObject([
        { email: 'analyst@test.example', grants: [{ role: 'admin', bodyId: null }] },
      ]);

      const token = await peelianInProcess(
        ['tokens', 'create', '--name', 'nightly feed', '--role', 'admin', '--expires', '30d'],
        env,
      );
      expect(token.code).toBe(0);
      expect(token.stdout).toMatch(/^pln_[A-Za-z0-9_-]{43}\n$/);
      expect(token.stderr).toMatch(/Created API token 1 "nightly feed" \(admin\) until \d{4}-\d{2}-\d{2}\./);
      const tokens = await peelianInProcess(['tokens', 'list'], env);
      expect(tokens.stdout).toMatch(
        /^ {3}1 {2}nightly feed +admin@\* {2}active {2}expires \d{4}-\d{2}-\d{2}\n$/,
      );
      expect(tokens.stdout).not.toContain(token.stdout.trim());

      expect((await peelianInProcess(['tokens', 'revoke', '1'], env)).stderr).toBe('Revoked API token 1.\n');
      expect((await peelianInProcess(['tokens', 'list'], env)).stdout).toContain('revoked');
      const badId = await peelianInProcess(['tokens', 'revoke', 'first'], env);
      expect(badId.code).toBe(2);
      const badExpiry = await peelianInProcess(
        ['tokens', 'create', '--name', 'x', '--role', 'admin', '--expires', 'soon'],
        env,
      );
      expect(badExpiry.stderr).toMatch(/Expiry "soon" must look like 90d/);
    },
    SLOW,
  );

  it(
    'exports a demo plan exactly as its file, and refuses a broken plan file naming the place',
    async () => {
      const { dataDir, first } = await sharedDemoDataDir();
      const env = { PEELIAN_DATA_DIR: dataDir };
      expect(first.code).toBe(0);
      const exported = await peelianInProcess(
        ['export', 'plan', 'thames-valley-2024-2029', '--format', 'json'],
        env,
      );
      expect(exported.code).toBe(0);
      const original = parsePlanFile(
        fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/plans/thames-valley-2024-2029.yaml'), 'utf8'),
      );
      expect(JSON.parse(exported.stdout)).toEqual(original);

      const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-plan-')), 'broken.yaml');
      fs.writeFileSync(broken, 'format: peelian-plan/1\nplan: {}\npillars: []\n');
      const refused = await peelianInProcess(['import', 'plan', broken], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^peelian import plan: plan\.slug: .*; pillars: must have at least one pillar\.?\n$/,
      );
    },
    SLOW,
  );
});
