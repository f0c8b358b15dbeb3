import { parse } from 'csv-parse/sync';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { nextMonth } from './judgements.months.ts';

/**
 * The two small CSV files the judgements read: populations (for rates) and series for what police.uk does not
 * publish. Each is checked whole before anything is saved, and every problem names the file, the line and the
 * column, so a person can fix the file in one pass. Lines starting with `#` are comments (a file can say where
 * its figures come from).
 */

export interface PopulationRow {
  line: number;
  areaCode: string;
  areaName: string | null;
  year: number;
  population: number;
  source: string | null;
}

export interface SeriesRow {
  line: number;
  /** `YYYY-MM-01`. */
  month: string;
  value: number;
}

const GSS_CODE = /^[EW]\d{8}$/;
const WHOLE_NUMBER = /^\d+$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

interface Records {
  header: string[];
  rows: { fields: string[]; line: number }[];
}

function readRecords(text: string, fileName: string, required: readonly string[]): Records {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ValidationError([
      {
        field: line === undefined ? fileName : `${fileName} line ${line}`,
        message: `is not a readable CSV file (${(error as Error).message})`,
      },
    ]);
  }
  const [first, ...rest] = records;
  if (!first) throw new ValidationError([{ field: fileName, message: 'is empty' }]);
  const header = first.record.map((name) => name.toLowerCase());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0)
    throw new ValidationError([
      {
        field: `${fileName} line ${first.info.lines}`,
        message: `the header must name the columns ${required.join(', ')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
      },
    ]);
  if (rest.length === 0)
    throw new ValidationError([{ field: fileName, message: 'has a header but no rows' }]);
  return { header, rows: rest.map(({ record, info }) => ({ fields: record, line: info.lines })) };
}

function column(records: Records, name: string) {
  const index = records.header.indexOf(name);
  return (fields: string[]) => (index < 0 ? '' : (fields[index] ?? ''));
}

/**
 * A population file: `area_code,year,population`, optionally `area_name` and `source`. Each row is the
 * residents of one area (a force area or local authority GSS code) in one year; an area and year appear once.
 */
export function parsePopulationCsv(text: string, fileName: string): PopulationRow[] {
  const records = readRecords(text, fileName, ['area_code', 'year', 'population']);
  const areaCode = column(records, 'area_code');
  const areaName = column(records, 'area_name');
  const year = column(records, 'year');
  const population = column(records, 'population');
  const source = column(records, 'source');
  const problems: FieldError[] = [];
  const problem = (line: number, field: string, message: string) =>
    problems.push({ field: `${fileName} line ${line}, ${field}`, message });
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of records.rows) {
    const code = areaCode(fields);
    const yearText = year(fields);
    const populationText = population(fields).replaceAll(',', '');
    let ok = true;
    if (code === '') {
      problem(line, 'area_code', 'is missing: every row names its area by its GSS code, such as E06000038');
      ok = false;
    } else if (!GSS_CODE.test(code)) {
      problem(line, 'area_code', `"${code}" is not a GSS code (E or W and eight digits, such as E06000038)`);
      ok = false;
    }
    const yearNumber = Number(yearText);
    if (!WHOLE_NUMBER.test(yearText) || yearNumber < 1900 || yearNumber > 2200) {
      problem(line, 'year', `"${yearText}" is not a year such as 2024`);
      ok = false;
    }
    const count = Number(populationText);
    if (!WHOLE_NUMBER.test(populationText) || count <= 0 || !Number.isSafeInteger(count)) {
      problem(
        line,
        'population',
        `"${population(fields)}" is not a number of residents (a whole number above 0)`,
      );
      ok = false;
    }
    if (!ok) continue;
    const key = `${code} ${yearNumber}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(line, 'year', `${code} already has a population for ${yearNumber}, on line ${earlier}`);
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      areaCode: code,
      areaName: areaName(fields) || null,
      year: yearNumber,
      population: count,
      source: source(fields) || null,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return rows;
}

/**
 * A series file: `month,value`, one row per month (`YYYY-MM`), with no month twice and none missing between
 * the first and the last: a gap would put unlike points side by side in an SPC chart.
 */
export function parseSeriesCsv(text: string, fileName: string): SeriesRow[] {
  const records = readRecords(text, fileName, ['month', 'value']);
  const month = column(records, 'month');
  const value = column(records, 'value');
  const problems: FieldError[] = [];
  const problem = (line: number, field: string, message: string) =>
    problems.push({ field: `${fileName} line ${line}, ${field}`, message });
  const rows: SeriesRow[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of records.rows) {
    const monthText = month(fields);
    const valueText = value(fields);
    let ok = true;
    if (!MONTH.test(monthText)) {
      problem(line, 'month', `"${monthText}" is not a month written YYYY-MM, such as 2025-04`);
      ok = false;
    }
    const number = Number(valueText);
    if (!DECIMAL.test(valueText) || !Number.isFinite(number)) {
      problem(line, 'value', `"${valueText}" is not a number`);
      ok = false;
    }
    if (!ok) continue;
    const earlier = seen.get(monthText);
    if (earlier !== undefined) {
      problem(line, 'month', `${monthText} appears twice: it is already on line ${earlier}`);
      continue;
    }
    seen.set(monthText, line);
    rows.push({ line, month: `${monthText}-01`, value: number });
  }
  if (problems.length === 0) {
    const sorted = [...rows].sort((a, b) => (a.month < b.month ? -1 : 1));
    sorted.slice(1).forEach((row, index) => {
      const previous = sorted[index] as SeriesRow;
      const expected = nextMonth(previous.month);
      if (row.month !== expected)
        problem(
          row.line,
          'month',
          `${row.month.slice(0, 7)} follows ${previous.month.slice(0, 7)} (line ${previous.line}), so ${expected.slice(0, 7)} is missing: a series needs a value for every month, with no gaps`,
        );
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return rows.sort((a, b) => (a.month < b.month ? -1 : 1));
}
