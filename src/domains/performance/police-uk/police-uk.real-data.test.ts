import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPoliceUkFile } from './police-uk.reader.ts';
import { listPoliceUkSources } from './police-uk.sources.ts';

/**
 * Reads real police.uk months when a copy of the archive is at hand: POLICE_UK_DATA, or the shared
 * data folder of the development machines. The repository does not ship those files, so without
 * them this test is skipped (its name says so).
 */
const DATA = process.env.POLICE_UK_DATA ?? '/work/shared/data/policeuk';
const available = existsSync(path.join(DATA, '2021-11'));
const title = available
  ? `reads real police.uk months from ${DATA}`
  : `reads real police.uk months (skipped: no archive at ${DATA}; set POLICE_UK_DATA to run it)`;

if (!available)
  console.info(`police.uk real-data test skipped: no archive at ${DATA}; set POLICE_UK_DATA to run it.`);

describe('police.uk archive files', () => {
  it.skipIf(!available)(title, async () => {
    const { sources } = await listPoliceUkSources([path.join(DATA, '2021-11'), path.join(DATA, '2025-01')]);
    const wanted = sources.filter((source) => source.force === 'thames-valley');
    expect(wanted.map((source) => `${source.month} ${source.nameKind}`)).toEqual([
      '2021-11 street',
      '2021-11 outcomes',
      '2025-01 street',
    ]);
    const summaries = [];
    for (const source of wanted) {
      const file = await openPoliceUkFile(source, { forces: ['thames-valley', 'hampshire'] });
      let rows = 0;
      for await (const batch of file.batches()) rows += batch.length;
      const summary = file.summary();
      expect(summary.rows).toBe(rows);
      summaries.push(summary);
    }
    // The counts published with the files (SOURCE.md), with nothing rejected.
    expect(
      summaries.map((s) => [s.rows, s.rejectedRows, s.antiSocialBehaviourRows, s.rowsWithoutLocation]),
    ).toEqual([
      [17_458, 0, 1_451, 860],
      [15_561, 0, 0, 724],
      [14_877, 0, 1_243, 383],
    ]);
    expect(summaries.map((s) => [s.lineEnding, s.byteOrderMark, s.bytes])).toEqual([
      ['CRLF', false, 4_074_211],
      ['CRLF', false, 3_424_849],
      ['LF', false, 3_486_756],
    ]);
  });
});
