import { describe, expect, it } from 'vitest';
import { copyStatement, wholeLineBlocks } from './copy.ts';

async function blocks(chunks: (string | Uint8Array)[], minBytes: number, csv = false) {
  const out: string[] = [];
  for await (const parts of wholeLineBlocks(chunks, minBytes, csv ? { format: 'csv' } : {}))
    out.push(Buffer.concat(parts).toString('utf8'));
  return out;
}

describe('copyStatement', () => {
  it('names the table and columns, with the format settings', () => {
    expect(copyStatement({ table: 'crime', columns: ['id', 'crime_type'] }, 'STDIN')).toBe(
      'COPY crime (id, crime_type) FROM STDIN',
    );
    expect(
      copyStatement({ table: 'crime', columns: ['id'] }, "'/dev/blob'", { format: 'csv', header: true }),
    ).toBe("COPY crime (id) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)");
  });

  it('refuses a name that is not a plain identifier, a missing column list and a header in text format', () => {
    expect(() => copyStatement({ table: 'crime; DROP TABLE x', columns: ['id'] }, 'STDIN')).toThrow(
      /not a plain table or column name/,
    );
    expect(() => copyStatement({ table: 'crime', columns: ['"Id"'] }, 'STDIN')).toThrow(/plain/);
    expect(() => copyStatement({ table: 'crime', columns: [] }, 'STDIN')).toThrow(/column names/);
    expect(() => copyStatement({ table: 'crime', columns: ['id'] }, 'STDIN', { header: true })).toThrow(
      /only in CSV/,
    );
  });
});

describe('wholeLineBlocks', () => {
  it('cuts only after a line feed, once a block has reached its size', async () => {
    expect(await blocks(['a\tb\nc', '\td\ne\tf\n', 'g\th\n'], 6)).toEqual(['a\tb\nc\td\ne\tf\n', 'g\th\n']);
  });

  it('keeps a line that straddles chunks whole, and passes on a last line without a line feed', async () => {
    expect(await blocks(['abc', 'def', 'gh\nij', 'k'], 2)).toEqual(['abcdefgh\n', 'ijk']);
  });

  it('gives nothing for empty input and skips empty chunks', async () => {
    expect(await blocks([], 10)).toEqual([]);
    expect(await blocks(['', new Uint8Array(0)], 10)).toEqual([]);
  });

  it('keeps multi-byte characters intact across a cut', async () => {
    expect(await blocks(['£1\n€2\n', 'ü3\n'], 3)).toEqual(['£1\n€2\n', 'ü3\n']);
  });

  it('never cuts CSV, whose quoted values may hold line breaks', async () => {
    expect(await blocks(['a,"x\n', 'y"\n', 'b,c\n'], 1, true)).toEqual(['a,"x\ny"\nb,c\n']);
  });
});
