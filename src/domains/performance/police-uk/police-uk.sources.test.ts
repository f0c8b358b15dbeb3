import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliceUkInputError } from './police-uk.errors.ts';
import { listPoliceUkSources, parsePoliceUkFileName } from './police-uk.sources.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const GOOD = path.join(FIXTURES, 'good');
const ZIPS = path.join(FIXTURES, 'zips');

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('parsePoliceUkFileName', () => {
  it('reads month, force and kind from archive names, force slugs with hyphens included', () => {
    expect(parsePoliceUkFileName('2025-01/2025-01-thames-valley-street.csv')).toEqual({
      fileName: '2025-01-thames-valley-street.csv',
      month: '2025-01',
      force: 'thames-valley',
      nameKind: 'street',
      folderMonth: '2025-01',
    });
    expect(parsePoliceUkFileName('x/2024-03-avon-and-somerset-stop-and-search.csv')).toMatchObject({
      month: '2024-03',
      force: 'avon-and-somerset',
      nameKind: 'stop-and-search',
      folderMonth: null,
    });
    expect(parsePoliceUkFileName('C:\\data\\2021-12\\2021-12-city-of-london-outcomes.CSV')).toMatchObject({
      force: 'city-of-london',
      nameKind: 'outcomes',
      folderMonth: '2021-12',
    });
  });

  it('gives nulls for a name of another form', () => {
    for (const name of [
      'street.csv',
      '2025-13-thames-valley-street.csv',
      '2025-01-thames-valley-crimes.csv',
    ]) {
      expect(parsePoliceUkFileName(name)).toMatchObject({ force: null, month: null, nameKind: null });
    }
  });
});

describe('listPoliceUkSources', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'peelian-police-uk-'));
  });

  afterAll(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('walks a folder and lists its CSV files by month, force and kind, ignoring other files', async () => {
    const { sources, ignored } = await listPoliceUkSources([GOOD]);
    expect(sources.map((source) => path.relative(GOOD, source.displayName))).toEqual([
      '2021-11/2021-11-thames-valley-street.csv',
      '2021-12/2021-12-thames-valley-outcomes.csv',
      '2024-03/2024-03-thames-valley-stop-and-search.csv',
      '2025-01/2025-01-hampshire-street.csv',
      '2025-01/2025-01-thames-valley-street.csv',
      '2025-02/2025-02-hampshire-street.csv',
    ]);
    expect(ignored).toEqual([path.join(GOOD, 'notes.txt')]);
    const first = sources[0];
    expect(first).toMatchObject({
      force: 'thames-valley',
      month: '2021-11',
      nameKind: 'street',
      crc32: null,
    });
    const onDisk = await fs.readFile(path.join(GOOD, '2021-11/2021-11-thames-valley-street.csv'));
    expect(first?.size).toBe(onDisk.length);
    expect(await bytesOf(await (first?.open() ?? Promise.reject(new Error('no source'))))).toEqual(onDisk);
  });

  it('lists a file reached twice only once', async () => {
    const file = path.join(GOOD, '2025-01/2025-01-thames-valley-street.csv');
    const { sources } = await listPoliceUkSources([file, GOOD, file]);
    expect(sources).toHaveLength(6);
    expect(sources.filter((source) => source.fileName === '2025-01-thames-valley-street.csv')).toHaveLength(
      1,
    );
  });

  it('shows a file by the path it was given, and still sees its month folder when the path is relative', async () => {
    const relative = path.relative(process.cwd(), path.join(GOOD, '2025-02/2025-02-hampshire-street.csv'));
    const { sources } = await listPoliceUkSources([relative]);
    expect(sources).toMatchObject([{ displayName: relative, folderMonth: '2025-02', force: 'hampshire' }]);
  });

  it('lists the CSV entries of a zip without unpacking it, and streams each entry', async () => {
    const zip = path.join(ZIPS, 'archive.zip');
    const { sources, ignored } = await listPoliceUkSources([zip]);
    expect(sources.map((source) => source.displayName)).toEqual([
      `${zip}!2021-12/2021-12-thames-valley-outcomes.csv`,
      `${zip}!2025-01/2025-01-thames-valley-street.csv`,
    ]);
    expect(ignored).toEqual([`${zip}!notes.txt`]);
    const entry = sources[1];
    expect(entry).toMatchObject({ force: 'thames-valley', month: '2025-01', folderMonth: '2025-01' });
    expect(entry?.crc32).toEqual(expect.any(Number));
    const onDisk = await fs.readFile(path.join(GOOD, '2025-01/2025-01-thames-valley-street.csv'));
    expect(entry?.size).toBe(onDisk.length);
    // Each open gives a fresh stream of the same bytes.
    for (let round = 0; round < 2; round += 1) {
      expect(await bytesOf(await (entry?.open() ?? Promise.reject(new Error('no entry'))))).toEqual(onDisk);
    }
  });

  it('reads gzipped CSV files (.csv.gz) given or met in a folder, unpacking them as they stream', async () => {
    const original = await fs.readFile(path.join(GOOD, '2025-01/2025-01-thames-valley-street.csv'));
    const folder = path.join(scratch, 'gzipped', '2025-01');
    await fs.mkdir(folder, { recursive: true });
    const gz = path.join(folder, '2025-01-thames-valley-street.csv.gz');
    await fs.writeFile(gz, gzipSync(original));
    for (const given of [gz, path.dirname(folder)]) {
      const { sources } = await listPoliceUkSources([given]);
      expect(sources).toMatchObject([
        {
          displayName: gz,
          fileName: '2025-01-thames-valley-street.csv.gz',
          force: 'thames-valley',
          month: '2025-01',
          nameKind: 'street',
          folderMonth: '2025-01',
          size: original.length,
        },
      ]);
      expect(await bytesOf(await (sources[0]?.open() ?? Promise.reject(new Error('no source'))))).toEqual(
        original,
      );
    }
    expect(parsePoliceUkFileName('2025-01-thames-valley-street.csv.gz')).toMatchObject({
      force: 'thames-valley',
      nameKind: 'street',
    });
  });

  it('refuses a path that does not exist, or is neither CSV, zip nor folder', async () => {
    const missing = path.join(scratch, 'nowhere.csv');
    await expect(listPoliceUkSources([missing])).rejects.toThrow(
      new PoliceUkInputError(missing, null, 'no such file or folder'),
    );
    const notes = path.join(GOOD, 'notes.txt');
    await expect(listPoliceUkSources([notes])).rejects.toThrow(
      `${notes}: is not a .csv file, a .csv.gz file, a .zip archive or a folder`,
    );
  });

  it('refuses a folder with no CSV files', async () => {
    const empty = path.join(scratch, 'empty');
    await fs.mkdir(path.join(empty, '2025-01'), { recursive: true });
    await fs.writeFile(path.join(empty, '2025-01', 'readme.txt'), 'nothing here');
    await expect(listPoliceUkSources([empty])).rejects.toThrow(`${empty}: the folder holds no .csv files`);
  });

  it('refuses a zip with no CSV files, and a corrupt zip', async () => {
    const noCsv = path.join(ZIPS, 'no-csv.zip');
    await expect(listPoliceUkSources([noCsv])).rejects.toThrow(
      `${noCsv}: the zip archive holds no .csv files`,
    );
    const truncated = path.join(ZIPS, 'truncated.zip');
    await expect(listPoliceUkSources([truncated])).rejects.toThrow(
      new RegExp(`^${truncated.replaceAll('.', '\\.')}: is not a readable zip archive \\(.+\\)$`),
    );
  });
});
