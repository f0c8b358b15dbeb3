import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDataDir, peelianInProcess } from '../../cli/cli.testing.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';

const DEMO = path.join(PROJECT_ROOT, 'data/demo/funding/thames-valley-pcc.yaml');

describe('peelian import funds', () => {
  it('checks the file before opening the database, naming the file, line and path of a problem', async () => {
    const env = { PEELIAN_DATA_DIR: freshDataDir() };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-funds-'));
    const typo = path.join(dir, 'typo.yaml');
    fs.writeFileSync(
      typo,
      fs.readFileSync(DEMO, 'utf8').replace('kind: crime-prevention', 'kind: prevention'),
    );
    const refused = await peelianInProcess(['import', 'funds', typo], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `peelian import funds: ${typo} line 126, funds.2.kind: must be one of: community-safety, crime-prevention, community-fund, victims-services.\n`,
    );
    expect(fs.existsSync(env.PEELIAN_DATA_DIR)).toBe(false);
    const missing = await peelianInProcess(['import', 'funds'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the funds file (YAML or JSON) to load.');
  });
});
