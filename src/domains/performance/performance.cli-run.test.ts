import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { peelianInProcess } from '../../cli/cli.testing.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { migrate } from '../../kernel/db/migrator.ts';
import { openPGlite } from '../../kernel/db/pglite.ts';
import type { Schema } from '../../schema.ts';
import { createAreasService } from '../areas/index.ts';
import { POLICE_UK_FIXTURES, STREET_HEADER } from './performance.testing.ts';

/** Several commands, each opening the embedded database afresh. */
const SLOW = 180_000;

describe('peelian import police-uk and import lookup', () => {
  it('refuses a mistyped command with exit code 2', async () => {
    const env = { PEELIAN_DATA_DIR: '/nonexistent/never-opened' };
    const noPaths = await peelianInProcess(['import', 'police-uk'], env);
    expect(noPaths).toMatchObject({ code: 2, stdout: '' });
    expect(noPaths.stderr).toBe(
      "peelian import police-uk: Give at least one CSV file, folder or police.uk zip archive to import. Run 'peelian import police-uk --help'.\n",
    );
    const badNumber = await peelianInProcess(['import', 'police-uk', 'x', '--allow-rejects', 'some'], env);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--allow-rejects must be a whole number, not "some".');
    const help = await peelianInProcess(['--help'], env);
    expect(help.stdout).toContain('import police-uk');
    expect(help.stdout).toContain('import lookup');
  });

  it(
    'imports, reports as JSON on stdout with progress lines on stderr, fails on rejects unless allowed, and loads a lookup',
    async () => {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-cli-police-'));
      const env = { PEELIAN_DATA_DIR: path.join(scratch, 'data') };
      try {
        // The force areas only (the whole demo seed would load the demo's police.uk months too).
        const database = await openPGlite<Schema>({ dataDir: env.PEELIAN_DATA_DIR });
        try {
          await migrate(database.sql);
          await createAreasService(database.db).seedDemoAreas(systemActor('test'));
        } finally {
          await database.close();
        }
        const good = path.join(POLICE_UK_FIXTURES, 'good');
        const dry = await peelianInProcess(
          ['import', 'police-uk', good, '--force-area', 'thames-valley', '--dry-run', '--json'],
          env,
        );
        expect(dry.code).toBe(0);
        expect(JSON.parse(dry.stdout)).toMatchObject({ runId: null, dryRun: true, status: 'succeeded' });

        const run = await peelianInProcess(
          ['import', 'police-uk', good, '--force-area', 'thames-valley', '--json'],
          env,
        );
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout);
        expect(report).toMatchObject({
          status: 'succeeded',
          rows: { street: 20, outcomes: 7, 'stop-and-search': 3 },
        });
        expect(report.skipped).toHaveLength(2);
        expect(run.stderr).toContain('Checking 4 files…');
        expect(run.stderr).toContain('  4/4 loaded, 30 rows');

        // A header-only file over a loaded month is refused (exit 1, the reason and the flag) unless allowed.
        const headerOnly = path.join(scratch, '2025-01-thames-valley-street.csv');
        fs.writeFileSync(headerOnly, `${STREET_HEADER}\n`);
        const emptied = await peelianInProcess(['import', 'police-uk', headerOnly], env);
        expect(emptied.code).toBe(1);
        expect(emptied.stderr.trim().split('\n').at(-1)).toMatch(
          /^peelian import police-uk: .*2025-01-thames-valley-street\.csv has no data rows, but thames-valley 2025-01 street already holds 8 rows: importing it would empty that month\. Nothing was imported\. To import it anyway, add --allow-empty\.$/,
        );
        const allowedEmpty = await peelianInProcess(
          ['import', 'police-uk', headerOnly, '--allow-empty'],
          env,
        );
        expect(allowedEmpty.code).toBe(0);

        const bad = path.join(POLICE_UK_FIXTURES, 'bad/rows');
        const rejected = await peelianInProcess(['import', 'police-uk', bad], env);
        expect(rejected.code).toBe(1);
        expect(rejected.stdout).toMatch(/^Import run \d+: failed in /);
        expect(rejected.stderr).toMatch(
          /2025-01-thames-valley-street\.csv line 5, Month: "2025-02" does not match the month of the file, 2025-01\n/,
        );
        expect(rejected.stderr.trim().split('\n').at(-1)).toBe(
          'peelian import police-uk: 12 rows were rejected. Nothing was imported. To import the other rows, add --allow-rejects 12.',
        );
        const allowed = await peelianInProcess(['import', 'police-uk', bad, '--allow-rejects', '12'], env);
        expect(allowed.code).toBe(0);

        const unknown = await peelianInProcess(
          ['import', 'police-uk', path.join(POLICE_UK_FIXTURES, 'bad/unknown-force')],
          env,
        );
        expect(unknown.code).toBe(1);
        expect(unknown.stderr.trim().split('\n').at(-1)).toMatch(
          /^peelian import police-uk: .*2025-01-thames-vally-street\.csv: the force "thames-vally" is not known \(known forces: .*\)\. Nothing was imported\.$/,
        );

        const lookup = path.join(scratch, 'lookup.csv');
        fs.writeFileSync(
          lookup,
          'LSOA21CD,LSOA21NM,LAD22CD,LAD22NM\nE01016252,Bracknell Forest 001C,E06000036,Bracknell Forest\n',
        );
        const loaded = await peelianInProcess(['import', 'lookup', lookup], env);
        expect(loaded.code).toBe(0);
        expect(loaded.stdout).toMatch(
          /^Loaded 1 LSOAs in 1 local authorities from .*lookup\.csv in \d+\.\d s\.\n$/,
        );
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
