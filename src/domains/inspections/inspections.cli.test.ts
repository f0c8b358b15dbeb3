import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDataDir, peelianInProcess } from '../../cli/cli.testing.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';

const DEMO = path.join(PROJECT_ROOT, 'data/demo/inspections/thames-valley-2016-hmic-tracker.yaml');

describe('peelian import inspections', () => {
  it('checks the file before opening the database, naming the file, line and path of a problem', async () => {
    const env = { PEELIAN_DATA_DIR: freshDataDir() };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-inspections-'));
    const typo = path.join(dir, 'typo.yaml');
    fs.writeFileSync(typo, fs.readFileSync(DEMO, 'utf8').replace('grade: good', 'grade: very good'));
    const refused = await peelianInProcess(['import', 'inspections', typo], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `peelian import inspections: ${typo} line 19, inspections.0.grades.0.grade: The grade must be one of: outstanding, good, adequate, requires improvement, inadequate.\n`,
    );
    expect(fs.existsSync(env.PEELIAN_DATA_DIR)).toBe(false);
    const missing = await peelianInProcess(['import', 'inspections'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the inspections file (YAML or JSON) to load.');
  });
});
