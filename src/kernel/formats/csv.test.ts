import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

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
