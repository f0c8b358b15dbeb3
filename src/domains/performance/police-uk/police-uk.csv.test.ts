import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvSplitter, CsvSyntaxError } from './police-uk.csv.ts';

/** Splits `chunks` as a stream would deliver them. */
function split(chunks: readonly string[], maxRecordLength?: number): CsvRecord[] {
  const splitter = new CsvSplitter(maxRecordLength);
  const out: CsvRecord[] = [];
  for (const chunk of chunks) splitter.push(chunk, out);
  splitter.end(out);
  return out;
}

function simple(records: CsvRecord[]): [number, string[]][] {
  return records.map((record) => [record.line, record.fields]);
}

describe('CsvSplitter', () => {
  it('splits LF, CRLF and mixed line endings alike, with physical line numbers', () => {
    expect(simple(split(['a,b\nc,d\n']))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
    expect(simple(split(['a,b\r\nc,d\r\n']))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
    expect(simple(split(['a,b\r\nc,d\ne,f']))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
    ]);
  });

  it('keeps empty fields, skips blank lines but counts them', () => {
    expect(simple(split([',x,,\n\n\r\ny,\n']))).toEqual([
      [1, ['', 'x', '', '']],
      [4, ['y', '']],
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const records = split([
      'id,"Bournemouth, Christchurch and Poole 018C","say ""hi""","two\r\nlines"\r\nnext,row\r\n',
    ]);
    expect(simple(records)).toEqual([
      [1, ['id', 'Bournemouth, Christchurch and Poole 018C', 'say "hi"', 'two\r\nlines']],
      [3, ['next', 'row']],
    ]);
    expect(records.every((record) => record.problem === null)).toBe(true);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(simple(split(['O"Brien Road,x\n']))).toEqual([[1, ['O"Brien Road', 'x']]]);
  });

  it('flags text after a closing quote but still splits the row', () => {
    const [record, next] = split(['a,"On or near" Drift Road,c\nd\n']);
    expect(record?.fields).toEqual(['a', 'On or near Drift Road', 'c']);
    expect(record?.problem).toBe('field 2 has text after its closing quote');
    expect(next).toEqual({ fields: ['d'], line: 2, problem: null });
  });

  it('reads a last line without a line break, and a quoted last field at the end of input', () => {
    expect(simple(split(['a,b\nc,"d"']))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
    expect(simple(split(['a,"b"\r']))).toEqual([[1, ['a', 'b']]]);
  });

  it('refuses a quote that is never closed, naming the line it opened on', () => {
    expect(() => split(['a,b\nc,"d\ne,f\n'])).toThrow(
      new CsvSyntaxError(2, 'a quoted field opened on line 2 is never closed'),
    );
  });

  it('refuses to hold a record longer than the limit', () => {
    expect(() => split(['ok\n"', 'x'.repeat(50), 'y'.repeat(50)], 64)).toThrow(
      /line 2 runs past 64 characters/,
    );
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text =
      'Crime ID,Month,Location\r\n,2025-01,"On or near ""The"" Green, Slough"\r\n\r\nabc,2025-01,"two\nlines"\nx,y,z';
    const whole = split([text]);
    expect(whole.map((record) => record.line)).toEqual([1, 2, 4, 6]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const chunks = points.slice(1).map((end, index) => text.slice(points[index], end));
        expect(split(chunks)).toEqual(whole);
      }),
    );
  });
});
