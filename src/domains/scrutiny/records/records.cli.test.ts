import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDataDir, peelianInProcess, SLOW } from '../../../cli/cli.testing.ts';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';

const DEMO_RECORDS = path.join(PROJECT_ROOT, 'data/demo/scrutiny/records/thames-valley-panel.yaml');

/** A new work programme entry and a recommendation of the panel; `broken` adds one naming a minute that was never taken. */
function recordsFile(broken: boolean): string {
  return `format: peelian-scrutiny-records/1
body: thames-valley-panel
workProgramme:
  - programme: 2030/31
    date: 2030-06-14
    mainFocus: Road safety
    items:
      - { title: Public questions }
recommendations:
  - reference: PCP-74
    origin: panel
    meeting: 2016-10-21
    minute: 74
    decision: 2
    text: That members send the Scrutiny Officer subjects for 2017.
    addressee: Panel members
${
  broken
    ? `  - reference: PCP-99
    origin: panel
    meeting: 2016-10-21
    minute: 99
    text: A recommendation of a minute that does not exist.
    addressee: PCC
`
    : ''
}`;
}

describe('peelian import scrutiny-records', () => {
  it(
    'loads a records file all or nothing, names the file, line and field of a problem, and is safe to re-run',
    async () => {
      const env = { PEELIAN_DATA_DIR: freshDataDir() };
      expect((await peelianInProcess(['seed', 'demo'], env)).code).toBe(0);

      const demo = await peelianInProcess(['import', 'scrutiny-records', DEMO_RECORDS], env);
      expect(demo.code).toBe(0);
      expect(JSON.parse(demo.stdout)).toEqual({
        groups: 4,
        minuteItems: 9,
        recommendations: 20,
        workProgrammeEntries: 6,
        changes: 0,
      });
      expect(demo.stderr).toBe(
        `Loaded ${DEMO_RECORDS} for thames-valley-panel: 4 groups, 9 minute items, 20 recommendations, 6 work programme entries (0 changes).\n`,
      );

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-records-'));
      const broken = path.join(dir, 'broken.yaml');
      fs.writeFileSync(broken, recordsFile(true));
      const refused = await peelianInProcess(['import', 'scrutiny-records', broken], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `peelian import scrutiny-records: ${broken} line 20, recommendations.1.minute: the minutes of 2016-10-21 have no minute 99.\n`,
      );

      // Nothing of the refused file was kept: the good part alone now makes both of its changes.
      const good = path.join(dir, 'good.yaml');
      fs.writeFileSync(good, recordsFile(false));
      const loaded = await peelianInProcess(['import', 'scrutiny-records', good], env);
      expect(loaded.code).toBe(0);
      expect(JSON.parse(loaded.stdout)).toMatchObject({
        recommendations: 1,
        workProgrammeEntries: 1,
        changes: 2,
      });
      const again = await peelianInProcess(['import', 'scrutiny-records', good], env);
      expect(JSON.parse(again.stdout)).toMatchObject({ changes: 0 });

      const typo = path.join(dir, 'typo.yaml');
      fs.writeFileSync(typo, recordsFile(false).replace('origin: panel', 'origin: council'));
      const badField = await peelianInProcess(['import', 'scrutiny-records', typo], env);
      expect(badField.code).toBe(1);
      expect(badField.stderr).toMatch(
        new RegExp(`^peelian import scrutiny-records: ${typo} line 11, recommendations\\.0\\.origin: `),
      );
    },
    SLOW,
  );

  it('asks for the file, and says when it cannot be read', async () => {
    const env = { PEELIAN_DATA_DIR: freshDataDir() };
    const missing = await peelianInProcess(['import', 'scrutiny-records'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the scrutiny records file (YAML or JSON) to load.');
    const unreadable = await peelianInProcess(
      ['import', 'scrutiny-records', '/nonexistent/records.yaml'],
      env,
    );
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toBe(
      'peelian import scrutiny-records: Cannot read /nonexistent/records.yaml: ENOENT.\n',
    );
  });
});
