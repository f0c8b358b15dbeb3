import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type OpenPoliceUkFileOptions, openPoliceUkFile } from './police-uk.reader.ts';
import type { PoliceUkRow, StreetCrimeRow } from './police-uk.rows.ts';
import { listPoliceUkSources, type PoliceUkSource } from './police-uk.sources.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const FORCES = ['thames-valley', 'hampshire'];
const TVP = 'Thames Valley Police';

/** The one source at `relative` under the fixtures (for a zip, the entry whose name ends `entry`). */
async function fixture(relative: string, entry = ''): Promise<PoliceUkSource> {
  const { sources } = await listPoliceUkSources([path.join(FIXTURES, relative)]);
  const source = sources.find((candidate) => candidate.displayName.endsWith(entry));
  if (!source) throw new Error(`no fixture ${relative} ${entry}`);
  return source;
}

async function readAll(source: PoliceUkSource, options: Partial<OpenPoliceUkFileOptions> = {}) {
  const file = await openPoliceUkFile(source, { forces: FORCES, ...options });
  const rows: PoliceUkRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return { file, rows, summary: file.summary() };
}

/** The source, with each stream it opens kept so a test can see whether it was released. */
function watched(source: PoliceUkSource): { source: PoliceUkSource; streams: Readable[] } {
  const streams: Readable[] = [];
  const open = async () => {
    const stream = await source.open();
    streams.push(stream);
    return stream;
  };
  return { source: { ...source, open }, streams };
}

function street(line: number, values: Partial<StreetCrimeRow>): StreetCrimeRow {
  return {
    kind: 'street',
    line,
    crimeId: null,
    antiSocialBehaviour: false,
    month: '2025-01-01',
    reportedBy: TVP,
    fallsWithin: TVP,
    longitude: null,
    latitude: null,
    location: null,
    lsoaCode: null,
    lsoaName: null,
    crimeType: 'Anti-social behaviour',
    lastOutcomeCategory: null,
    context: null,
    ...values,
  };
}

describe('openPoliceUkFile: the quirks of real files', () => {
  it('reads a CRLF street file: anti-social behaviour, repeated Crime IDs, No Location, empty Context', async () => {
    const { file, rows, summary } = await readAll(await fixture('good/2021-11'));
    expect(file.kind).toBe('street');
    expect(summary).toMatchObject({
      kind: 'street',
      force: 'thames-valley',
      month: '2021-11-01',
      lines: 13,
      rows: 12,
      rejectedRows: 0,
      rejects: [],
      antiSocialBehaviourRows: 4,
      rowsWithoutLocation: 6,
      repeatedCrimeIds: 2,
      byteOrderMark: false,
      lineEnding: 'CRLF',
    });
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(rows[0]).toEqual(
      street(2, {
        antiSocialBehaviour: true,
        month: '2021-11-01',
        longitude: -0.980491,
        latitude: 51.999254,
        location: 'On or near Moorhen Way',
        lsoaCode: 'E01017648',
        lsoaName: 'Aylesbury Vale 001A',
      }),
    );
    // An anti-social behaviour incident with no location: everything optional is null.
    expect(rows[6]).toEqual(street(8, { antiSocialBehaviour: true, month: '2021-11-01' }));
    const streetRows = rows as StreetCrimeRow[];
    for (const row of streetRows) expect(row.antiSocialBehaviour).toBe(row.crimeId === null);
    expect(
      streetRows.filter(
        (row) => row.crimeId === '9de1258fb74148c7f7f375f822d0c7868d442d1cc962448199f5e3f45d8c23b0',
      ),
    ).toHaveLength(2);
  });

  it('reads an LF street file that starts with a byte order mark, with 2021 LSOA codes', async () => {
    const { rows, summary } = await readAll(await fixture('good/2025-01', 'thames-valley-street.csv'));
    expect(summary).toMatchObject({ rows: 8, rejectedRows: 0, byteOrderMark: true, lineEnding: 'LF' });
    expect(summary).toMatchObject({
      antiSocialBehaviourRows: 3,
      rowsWithoutLocation: 3,
      repeatedCrimeIds: 1,
    });
    // E01035234 exists only among the 2021 LSOAs (the 2011 codes stop at E01033768).
    expect(rows[2]).toMatchObject({ line: 4, lsoaCode: 'E01035234', location: "On or near Parker'S Lane" });
    expect(rows[0]).toMatchObject({
      line: 2,
      crimeId: '0f2b581555cf7a9701911c010f7e1f23fd18f5b7a845302931bb388698a33169',
    });
  });

  it('reads an outcomes file, whose crimes may belong to earlier months and recur', async () => {
    const outcomes = await readAll(await fixture('good/2021-12'));
    const crimes = await readAll(await fixture('good/2021-11'));
    expect(outcomes.file.kind).toBe('outcomes');
    expect(outcomes.summary).toMatchObject({
      rows: 7,
      rowsWithoutLocation: 5,
      repeatedCrimeIds: 1,
      lineEnding: 'CRLF',
    });
    const id = 'ace3c99bf8c5216e7996e3d0f524cc504d392bb6c184cdbd1811ce2e6a5402ea';
    const charged = outcomes.rows.filter((row) => row.kind === 'outcomes' && row.crimeId === id);
    expect(charged.map((row) => row.line)).toEqual([5, 6]);
    expect(charged[0]).toEqual({
      kind: 'outcomes',
      line: 5,
      crimeId: id,
      month: '2021-12-01',
      reportedBy: TVP,
      fallsWithin: TVP,
      longitude: null,
      latitude: null,
      location: null, // "No location", in lower case in outcomes files
      lsoaCode: null,
      lsoaName: null,
      outcomeType: 'Suspect charged',
    });
    const crime = crimes.rows.find((row) => row.kind === 'street' && row.crimeId === id);
    expect(crime).toMatchObject({
      month: '2021-11-01',
      crimeType: 'Drugs',
      lastOutcomeCategory: 'Awaiting court outcome',
    });
    expect(outcomes.rows[5]).toMatchObject({
      line: 7,
      longitude: -0.80281,
      latitude: 51.816021,
      lsoaCode: 'E01017634',
    });
  });

  it('reads a stop-and-search file: latitude before longitude, date-times, flags and blanks', async () => {
    const { file, rows, summary } = await readAll(await fixture('good/2024-03'));
    expect(file.kind).toBe('stop-and-search');
    expect(summary).toMatchObject({ rows: 3, rejectedRows: 0, rowsWithoutLocation: 1, month: '2024-03-01' });
    expect(rows[1]).toEqual({
      kind: 'stop-and-search',
      line: 3,
      month: '2024-03-01',
      type: 'Person and Vehicle search',
      date: '2024-03-15T22:10:00+00:00',
      partOfPolicingOperation: true,
      policingOperation: 'Operation Example, Reading',
      latitude: 51.454265,
      longitude: -0.978333,
      gender: 'Female',
      ageRange: 'over 34',
      selfDefinedEthnicity: null,
      officerDefinedEthnicity: null,
      legislation: 'Police and Criminal Evidence Act 1984 (section 1)',
      objectOfSearch: 'Stolen goods',
      outcome: 'Arrest',
      outcomeLinkedToObjectOfSearch: true,
      removalOfMoreThanJustOuterClothing: null,
    });
    expect(rows[2]).toMatchObject({
      date: '2024-03-31T23:30:00+01:00',
      partOfPolicingOperation: null,
      latitude: null,
      longitude: null,
      outcomeLinkedToObjectOfSearch: false,
    });
  });

  it('reads quoted names with commas, Welsh LSOAs, places outside the force, and no final line break', async () => {
    const quoted = await readAll(await fixture('good/2025-02'));
    expect(quoted.rows[1]).toMatchObject({ line: 3, lsoaName: 'Bournemouth, Christchurch and Poole 018C' });
    const elsewhere = await readAll(await fixture('good/2025-01', 'hampshire-street.csv'));
    expect(elsewhere.summary).toMatchObject({ lines: 5, rows: 4, rejectedRows: 0, lineEnding: 'LF' });
    expect(elsewhere.rows.map((row) => (row.kind === 'street' ? row.lsoaCode : null))).toEqual([
      'E01022553',
      'E01011471', // Leeds, reported by Hampshire
      'W01001683', // Newport
      'W01001683',
    ]);
  });

  it('takes the SHA-256 of the bytes as they stream, the same for a file and its copy in a zip', async () => {
    const plain = await readAll(await fixture('good/2025-01', 'thames-valley-street.csv'));
    const bytes = await fs.readFile(path.join(FIXTURES, 'good/2025-01/2025-01-thames-valley-street.csv'));
    expect(plain.summary.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(plain.summary.bytes).toBe(bytes.length);
    const zipped = await readAll(await fixture('zips/archive.zip', '2025-01-thames-valley-street.csv'));
    expect(zipped.summary.file).toBe(
      `${path.join(FIXTURES, 'zips/archive.zip')}!2025-01/2025-01-thames-valley-street.csv`,
    );
    expect(zipped.summary.sha256).toBe(plain.summary.sha256);
    expect(zipped.rows).toEqual(plain.rows);
  });
});

describe('openPoliceUkFile: rejected rows', () => {
  it('reports each bad field with file, line, column, value and reason, and keeps the good rows', async () => {
    const source = await fixture('bad/rows');
    const file = source.displayName;
    const { rows, summary } = await readAll(source);
    expect(rows.map((row) => row.line)).toEqual([2, 13, 15, 19]);
    expect(rows[1]).toMatchObject({ location: 'On or near\nLovel Road' });
    expect(rows[3]).toMatchObject({ antiSocialBehaviour: true, location: null }); // "No location"
    expect(summary).toMatchObject({ lines: 19, rows: 4, rejectedRows: 12, rejectsNotKept: 0 });
    const wholeRow = expect.stringMatching(/^0f2b581555cf7a97.*…$/);
    expect(summary.rejects).toEqual([
      { file, line: 3, column: null, value: wholeRow, reason: 'has 11 fields; a street file has 12' },
      { file, line: 4, column: null, value: wholeRow, reason: 'has 13 fields; a street file has 12' },
      {
        file,
        line: 5,
        column: 'Month',
        value: '2025-02',
        reason: 'does not match the month of the file, 2025-01',
      },
      { file, line: 6, column: 'Month', value: 'Jan 2025', reason: 'must be a month written YYYY-MM' },
      {
        file,
        line: 7,
        column: 'Longitude',
        value: 'abc',
        reason: 'must be a decimal number of degrees, such as -1.2345',
      },
      {
        file,
        line: 8,
        column: 'Latitude',
        value: '60.5',
        reason: 'is outside England and Wales (49.8 to 55.9)',
      },
      {
        file,
        line: 9,
        column: 'Longitude',
        value: '-0.666796',
        reason: 'is given without the other coordinate; give both or neither',
      },
      {
        file,
        line: 10,
        column: 'LSOA code',
        value: 'E0101625',
        reason: 'must be an LSOA code: E01 or W01 and six digits',
      },
      {
        file,
        line: 11,
        column: 'Crime ID',
        value: 'xyz',
        reason: 'must be 64 hexadecimal characters, or blank for anti-social behaviour',
      },
      { file, line: 12, column: 'Crime type', value: '', reason: 'is blank' },
      {
        file,
        line: 17,
        column: 'Location',
        value: 'On or near Drift R\uFFFDad',
        reason: 'is not valid UTF-8 text',
      },
      { file, line: 18, column: null, value: wholeRow, reason: 'field 7 has text after its closing quote' },
    ]);
  });

  it('rejects outcomes without a crime or an outcome type', async () => {
    const { summary } = await readAll(await fixture('bad/outcomes-rows'));
    expect(summary).toMatchObject({ rows: 1, rejectedRows: 2 });
    expect(summary.rejects.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 3, column: 'Crime ID', reason: 'is blank; every outcome belongs to a crime' },
      { line: 4, column: 'Outcome type', reason: 'is blank' },
    ]);
  });

  it('rejects stop-and-search dates, flags and coordinates that do not fit', async () => {
    const { summary } = await readAll(await fixture('bad/stop-and-search-rows'));
    expect(summary).toMatchObject({ rows: 1, rejectedRows: 5 });
    expect(summary.rejects.map(({ line, column, value, reason }) => [line, column, value, reason])).toEqual([
      [3, 'Date', '01/03/2024 09:58', 'must be an ISO 8601 date and time, such as 2024-03-01T09:58:14+00:00'],
      [4, 'Date', '2024-04-01T00:10:00+01:00', 'is not in the month of the file, 2024-03'],
      [5, 'Part of a policing operation', 'Yes', 'must be True, False or blank'],
      [6, 'Longitude', '51.752021', 'is outside England and Wales (-6.5 to 1.9)'],
      [6, 'Latitude', '-1.257726', 'is outside England and Wales (49.8 to 55.9)'],
      [7, 'Type', '', 'is blank'],
    ]);
  });

  it('keeps only as many rejects as asked, counting the rest', async () => {
    const { summary } = await readAll(await fixture('bad/rows'), { maxRejectsKept: 2 });
    expect(summary.rejects.map((reject) => reject.line)).toEqual([3, 4]);
    expect(summary).toMatchObject({ rejectedRows: 12, rejectsNotKept: 10 });
  });

  it('checks coordinates against the bounds it is given', async () => {
    const bounds = {
      area: 'the test box',
      minLongitude: -3.5,
      maxLongitude: 0,
      minLatitude: 50,
      maxLatitude: 53,
    };
    const { summary } = await readAll(await fixture('good/2025-01', 'hampshire-street.csv'), { bounds });
    expect(summary.rejects).toMatchObject([
      { line: 3, column: 'Latitude', value: '53.769221', reason: 'is outside the test box (50 to 53)' },
    ]);
  });
});

describe('openPoliceUkFile: files it refuses', () => {
  it.each([
    ['bad/empty', null, 'the file is empty'],
    ['bad/blank', 1, 'the file has no header row, only blank lines'],
    [
      'bad/header-missing-column',
      1,
      /^the header row does not match the street layout: missing "Context" \(/,
    ],
    [
      'bad/header-unexpected-column',
      1,
      /^the header row does not match the street layout: unexpected "Notes" \(/,
    ],
    ['bad/header-order', 1, /street layout: column 5 should be "Longitude" but is "Latitude"/],
    ['bad/header-absent', 1, /^the first line is not a police.uk header row/],
    [
      'bad/header-kind-mismatch',
      1,
      'the header row is that of an outcomes file, but the file name says street',
    ],
    ['bad/folder-month', null, 'the file name gives the month 2025-01 but its folder is 2025-02'],
    [
      'bad/unknown-force',
      null,
      'the force "thames-vally" is not known (known forces: thames-valley, hampshire)',
    ],
    ['bad/off-layout', null, /^the file name must have the form YYYY-MM-<force>-<kind>\.csv/],
    ['bad/unclosed-quote', 3, 'a quoted field opened on line 3 is never closed'],
  ])('refuses %s, naming the file and line', async (relative, line, reason) => {
    const source = await fixture(relative);
    await expect(readAll(source)).rejects.toMatchObject({
      name: 'PoliceUkInputError',
      file: source.displayName,
      line,
      reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
    });
  });

  it('refuses a zip entry whose bytes do not match its CRC-32', async () => {
    const source = await fixture('zips/bad-crc.zip');
    await expect(readAll(source)).rejects.toMatchObject({
      file: source.displayName,
      reason: 'the zip entry is damaged: its bytes do not match the CRC-32 the archive records',
    });
  });

  it('refuses a zip entry whose compressed data is damaged, and still reads the sound one', async () => {
    const damaged = await fixture('zips/bad-deflate.zip', 'street.csv');
    await expect(readAll(damaged)).rejects.toMatchObject({
      file: damaged.displayName,
      reason: expect.stringMatching(/^could not be read/),
    });
    const sound = await readAll(await fixture('zips/bad-deflate.zip', 'outcomes.csv'));
    expect(sound.summary.rows).toBe(7);
  });

  it('reads a gzipped file as the plain one (same rows, checksum of the CSV bytes), and refuses a damaged one', async () => {
    const plain = path.join(FIXTURES, 'good/2021-11/2021-11-thames-valley-street.csv');
    const bytes = await fs.readFile(plain);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peelian-gz-'));
    try {
      const gz = path.join(dir, '2021-11-thames-valley-street.csv.gz');
      await fs.writeFile(gz, gzipSync(bytes));
      const fromGzip = await readAll((await listPoliceUkSources([gz])).sources[0] as PoliceUkSource);
      const fromPlain = await readAll((await listPoliceUkSources([plain])).sources[0] as PoliceUkSource);
      expect(fromGzip.rows).toEqual(fromPlain.rows);
      expect(fromGzip.summary).toEqual({ ...fromPlain.summary, file: gz });
      expect(fromGzip.summary.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

      const damaged = path.join(dir, '2021-12-thames-valley-street.csv.gz');
      const whole = gzipSync(Buffer.concat([bytes, bytes.subarray(bytes.indexOf(10) + 1)]));
      await fs.writeFile(damaged, whole.subarray(0, whole.length - 200));
      const source = (await listPoliceUkSources([damaged])).sources[0] as PoliceUkSource;
      await expect(readAll({ ...source, folderMonth: null, month: '2021-11' })).rejects.toMatchObject({
        file: damaged,
        reason: expect.stringMatching(/^could not be read beyond line \d+ \(unexpected end of file\)$/),
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a force that is not in the list, however the list is given', async () => {
    const source = await fixture('good/2024-03');
    await expect(openPoliceUkFile(source, { forces: new Set(['hampshire']) })).rejects.toThrow(
      `${source.displayName}: the force "thames-valley" is not known (known forces: hampshire)`,
    );
    await expect(openPoliceUkFile(source, { forces: [] })).rejects.toThrow('no forces are set up');
  });
});

describe('openPoliceUkFile: the reader', () => {
  it('gives the summary only at the end, reads once, and releases the file when stopped early', async () => {
    const { source, streams } = watched(await fixture('good/2021-11'));
    const file = await openPoliceUkFile(source, { forces: FORCES });
    expect(() => file.summary()).toThrow('the summary is ready only after every row has been read');
    for await (const row of file.rows()) {
      expect(row.line).toBe(2);
      break;
    }
    expect(streams[0]?.destroyed).toBe(true);
    await expect(file.batches().next()).rejects.toThrow('the rows can be read only once');
  });

  it('releases the file when its header is refused', async () => {
    const { source, streams } = watched(await fixture('bad/header-order'));
    await expect(openPoliceUkFile(source, { forces: FORCES })).rejects.toThrow('column 5');
    expect(streams[0]?.destroyed).toBe(true);
  });

  it('releases the file on close() when its rows are never read', async () => {
    const { source, streams } = watched(await fixture('good/2024-03'));
    const file = await openPoliceUkFile(source, { forces: FORCES });
    file.close();
    expect(streams[0]?.destroyed).toBe(true);
  });
});
