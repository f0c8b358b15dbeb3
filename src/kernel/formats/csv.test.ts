import { describe, expect, it } from 'vitest';
import { csvColumns, toCsv } from './csv.ts';

describe('toCsv', () => {
  const columns = [
    { header: 'name', value: (row: { name: string; count: number | null }) => row.name },
    { header: 'count', value: (row: { name: string; count: number | null }) => row.count },
  ];

  it('writes a header and CRLF-terminated rows', () => {
    expect(toCsv([{ name: 'Reading', count: 3 }], columns)).toBe('name,count\r\nReading,3\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves nulls empty', () => {
    expect(toCsv([{ name: 'Windsor, "Royal"\nBorough', count: null }], columns)).toBe(
      'name,count\r\n"Windsor, ""Royal""\nBorough",\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', count: -1 }], columns)).toBe(
      'name,count\r\n"\'=HYPERLINK(""x"")",-1\r\n',
    );
    expect(toCsv([{ name: '@SUM(A1)', count: 0 }], columns)).toBe("name,count\r\n'@SUM(A1),0\r\n");
  });
});

describe('csvColumns', () => {
  it('gives each header its field, or what a function makes of the row, in order', () => {
    const rows = [{ code: 'A1', count: 3, judged: true }];
    const columns = csvColumns<(typeof rows)[number]>({
      area_code: 'code',
      count: 'count',
      judged: (row) => (row.judged ? 'yes' : 'no'),
    });
    expect(toCsv(rows, columns)).toBe('area_code,count,judged\r\nA1,3,yes\r\n');
  });
});
