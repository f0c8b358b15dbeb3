import { describe, expect, it } from 'vitest';
import { monthLong, monthShort, runProgress, toForcePageView } from './performance.view-models.ts';
import { chooseYear, describeMonths, type ForceData } from './police-uk-data.service.ts';
import type { ImportRunRow } from './police-uk-import.queries.ts';

describe('formatting months', () => {
  it('names months in full and short', () => {
    expect(monthLong('2025-01-01')).toBe('January 2025');
    expect(monthLong('2024-12')).toBe('December 2024');
    expect(monthShort('2025-09-01')).toBe('Sep 2025');
  });

  it('describes loaded months as runs', () => {
    expect(describeMonths(['2022-01', '2021-11', '2021-12', '2024-03', '2025-01', '2025-02'])).toBe(
      '2021-11 to 2022-01, 2024-03, 2025-01 to 2025-02',
    );
    expect(describeMonths([])).toBe('');
  });
});

describe('runProgress', () => {
  const run = (values: Partial<ImportRunRow>): ImportRunRow => ({
    id: 1,
    actorLabel: 'a@b',
    origin: 'upload',
    allowedRejects: 0,
    status: 'running',
    phase: 'checking',
    filesTotal: 4,
    filesDone: 2,
    streetRows: 0,
    outcomeRows: 0,
    stopAndSearchRows: 0,
    rejectedRows: 0,
    error: null,
    startedAt: new Date(),
    updatedAt: new Date(),
    finishedAt: null,
    durationMs: null,
    ...values,
  });

  it('gives checking the first half of the bar and loading the second', () => {
    expect(runProgress(run({}))).toMatchObject({
      percent: 25,
      text: 'Checking every file: 2 of 4 files done.',
      done: false,
    });
    expect(runProgress(run({ phase: 'loading', filesDone: 4 }))).toMatchObject({ percent: 99 });
    expect(runProgress(run({ phase: 'loading', filesDone: 0 }))).toMatchObject({ percent: 50 });
    expect(runProgress(run({ phase: 'waiting' }))).toMatchObject({
      percent: 0,
      text: 'Waiting for another import to finish.',
    });
  });

  it('says how a finished run ended', () => {
    expect(runProgress(run({ status: 'succeeded', phase: 'done' }))).toMatchObject({
      percent: 100,
      done: true,
    });
    expect(
      runProgress(run({ status: 'failed', phase: 'done', error: '3 rows were rejected.' })),
    ).toMatchObject({
      text: 'Failed: 3 rows were rejected.',
      done: true,
    });
  });
});

describe('toForcePageView', () => {
  const data: ForceData = {
    force: {
      id: 1,
      slug: 'thames-valley',
      name: 'Thames Valley',
      gssCode: 'E23000029',
      inPccModel: true,
      policingBodyKind: 'pcc',
      policingBodyName: 'Thames Valley Police and Crime Commissioner',
      policingBodySince: null,
      scrutinyBodyKind: 'police-and-crime-panel',
      scrutinyBodyName: 'Thames Valley Police and Crime Panel',
      governanceNote: null,
    },
    year: 2025,
    units: ['2024-12-01', '2025-01-01', '2025-02-01'].map((month, index) => ({
      kind: 'street' as const,
      month,
      rows: 10,
      sha256: 'f'.repeat(64),
      loadedAt: new Date(Date.UTC(2026, 0, 1 + index)),
      importFileId: index + 1,
      runId: 1,
      fileName: `${month}.csv`,
    })),
    crimesByType: [
      { month: '2025-01-01', key: 'Burglary', count: 3 },
      { month: '2025-02-01', key: 'Burglary', count: 1 },
      { month: '2025-02-01', key: 'Drugs', count: 5 },
      { month: '2024-12-01', key: 'Arson', count: 9 },
    ],
    antiSocialBehaviour: [{ month: '2025-02-01', count: 4 }],
    crimesByAuthority: [
      {
        month: '2025-02-01',
        localAuthorityCode: 'E06000038',
        localAuthorityName: 'Reading',
        lsoaMissing: false,
        count: 4,
      },
      {
        month: '2025-02-01',
        localAuthorityCode: null,
        localAuthorityName: null,
        lsoaMissing: false,
        count: 1,
      },
      {
        month: '2025-02-01',
        localAuthorityCode: null,
        localAuthorityName: null,
        lsoaMissing: true,
        count: 1,
      },
    ],
    latestOutcomes: null,
  };

  it('shows the latest year by default, crime types largest first, the total, and anti-social behaviour apart', () => {
    const view = toForcePageView(data);
    expect(view.year).toBe(2025);
    expect(view.years).toEqual([
      { year: 2024, current: false },
      { year: 2025, current: true },
    ]);
    // Every month of the year has a column, so the table always reads January to December; months not loaded
    // say so rather than showing a count of zero.
    expect(view.monthHeads.map((head) => head.text)).toEqual(
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map(
        (m) => `${m} 2025`,
      ),
    );
    const notLoaded = Array(10).fill('not loaded');
    const cellWords = (cell: { text?: string; html?: string }) =>
      cell.text ??
      cell.html
        ?.replace(/<[^>]+>/g, '')
        .replace('–', '')
        .trim();
    expect(view.crimeTypeRows.map((row) => row.map(cellWords))).toEqual([
      ['Drugs', '0', '5', ...notLoaded],
      ['Burglary', '3', '1', ...notLoaded],
      ['All crimes', '3', '6', ...notLoaded],
      ['Anti-social behaviour (not a crime: not in the total)', '0', '4', ...notLoaded],
    ]);
    expect(view.chart).toMatch(/^<svg[^>]*role="img"/);
    expect(view.chart).toContain(
      'aria-label="Line chart of all crimes recorded in Thames Valley each month of 2025',
    );
    expect(view.headline).toBe(
      'In February 2025, police.uk recorded 6 crimes in Thames Valley, and, separately, 4 incidents of anti-social behaviour.',
    );
    expect(view.authorityRows.map((row) => row.map(cellWords))).toEqual([
      ['Reading', '0', '4', ...notLoaded],
      ['Not matched to a local authority', '0', '1', ...notLoaded],
      ['No location given', '0', '1', ...notLoaded],
    ]);
  });

  it('shows another year’s columns when that year is chosen', () => {
    const arson = toForcePageView({ ...data, year: 2024 }).crimeTypeRows[0];
    expect(arson?.[0]?.text).toBe('Arson');
    expect(arson?.[12]?.text).toBe('9');
  });

  it('chooses the year asked for when it has data, else the latest', () => {
    const months = data.units.map((unit) => unit.month);
    expect(chooseYear(months, 2024)).toBe(2024);
    expect(chooseYear(months, 1999)).toBe(2025);
    expect(chooseYear(months)).toBe(2025);
    expect(chooseYear([], 2025)).toBeNull();
  });
});
