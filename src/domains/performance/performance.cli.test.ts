import { describe, expect, it } from 'vitest';
import {
  describeRejects,
  describeReport,
  failureHint,
  progressBar,
  progressPrinter,
} from './performance.cli.ts';
import type { ImportReport } from './police-uk-import.service.ts';

const report: ImportReport = {
  runId: 7,
  status: 'succeeded',
  dryRun: false,
  durationMs: 2345,
  files: [
    {
      file: 'data/2025-01/2025-01-thames-valley-street.csv',
      force: 'thames-valley',
      month: '2025-01',
      kind: 'street',
      sha256: 'abcdef0123456789'.repeat(4),
      bytes: 100,
      rows: 14877,
      rejectedRows: 0,
      antiSocialBehaviourRows: 1243,
      rowsWithoutLocation: 383,
      repeatedCrimeIds: 3,
      status: 'loaded',
      error: null,
    },
  ],
  skipped: [],
  ignored: [],
  rows: { street: 14877, outcomes: 0, 'stop-and-search': 0 },
  rejectedRows: 0,
  rejects: [],
  confirmations: [],
  error: null,
};

describe('the import command’s output', () => {
  it('summarises a run on one line, then one line per file', () => {
    expect(describeReport(report)).toEqual([
      'Import run 7: succeeded in 2.3 s. 1 file; 14,877 street, 0 outcomes and 0 stop-and-search rows loaded; 0 rejected.',
      '  loaded    2025-01  thames-valley        street             14,877 rows  sha256 abcdef012345  data/2025-01/2025-01-thames-valley-street.csv',
    ]);
    expect(describeReport({ ...report, runId: null, dryRun: true })[0]).toMatch(
      /^Dry run \(nothing written\): succeeded .* rows checked; 0 rejected\.$/,
    );
  });

  it('lists rejected rows with file, line, column, value and reason, and says how many more', () => {
    const rejects = Array.from({ length: 3 }, (_, index) => ({
      file: 'a.csv',
      line: index + 2,
      column: index === 0 ? null : 'Month',
      value: 'x',
      reason: 'is wrong',
    }));
    expect(describeRejects(rejects, 3, 2)).toEqual([
      'a.csv line 2: "x" is wrong',
      'a.csv line 3, Month: "x" is wrong',
      '… and 1 more problems (3 rejected rows in all).',
    ]);
  });

  it('draws a progress bar that fits the terminal', () => {
    const progress = {
      phase: 'checking' as const,
      filesDone: 3,
      filesTotal: 10,
      fraction: 0.5,
      rows: 1234,
      file: 'x.csv',
    };
    expect(progressBar(progress, 200)).toBe(
      'Checking  ████████████░░░░░░░░░░░░  50%  3/10 files  1,234 rows  x.csv',
    );
    expect(progressBar({ ...progress, file: 'a-very-long-file-name.csv' }, 60)).toHaveLength(59);
  });

  it('prints plain lines, one per phase and per file, when not on a terminal', () => {
    const lines: string[] = [];
    const printer = progressPrinter({ isTTY: false } as NodeJS.WriteStream, (line) => lines.push(line));
    const base = { fraction: 0, file: null };
    printer.update({ ...base, phase: 'checking', filesDone: 0, filesTotal: 2, rows: 0 });
    printer.update({ ...base, phase: 'checking', filesDone: 0, filesTotal: 2, rows: 10 });
    printer.update({ ...base, phase: 'checking', filesDone: 1, filesTotal: 2, rows: 20 });
    printer.update({ ...base, phase: 'loading', filesDone: 0, filesTotal: 2, rows: 0 });
    printer.update({ ...base, phase: 'loading', filesDone: 1, filesTotal: 2, rows: 20 });
    printer.done();
    expect(lines).toEqual([
      'Checking 2 files…',
      '  1/2 checked, 20 rows',
      'Loading 2 files…',
      '  1/2 loaded, 20 rows',
    ]);
  });

  it('says which flag imports a run held back for rejects, an empty month or an unusual month', () => {
    const failed: ImportReport = { ...report, status: 'failed', error: 'x' };
    expect(failureHint({ ...failed, rejectedRows: 3 }, 0)).toBe(
      ' To import the other rows, add --allow-rejects 3.',
    );
    expect(
      failureHint(
        {
          ...failed,
          confirmations: [
            { needs: 'allow-empty', file: 'a.csv', reason: 'empty' },
            { needs: 'confirm-unusual', file: 'b.csv', reason: 'small' },
          ],
        },
        0,
      ),
    ).toBe(' To import them anyway, add --allow-empty --confirm-unusual.');
    expect(failureHint(failed, 0)).toBe('');
  });
});
