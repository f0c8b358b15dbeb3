import { parse } from 'csv-parse/sync';
import { calendarDate, type IsoDate, isIsoDate } from '../../kernel/calendar/index.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';

/**
 * The CSV files OPCCs publish, read whole before anything is saved: every problem is named by file, line and
 * column so a person can fix the file in one pass. Headers are matched by the names OPCCs use for them (case
 * and spacing aside), so a file exported from a finance system loads as it is.
 */

interface Records {
  fileName: string;
  header: string[];
  rows: { fields: string[]; line: number }[];
}

/** A column as read, by the names OPCCs give it; the first is the name used in messages. */
interface ColumnSpec {
  names: readonly string[];
  required: boolean;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[£()]/g, '').replace(/\s+/g, ' ').trim();
}

function readRecords(text: string, fileName: string): Records {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
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
  if (rest.length === 0)
    throw new ValidationError([{ field: fileName, message: 'has a header but no rows' }]);
  return {
    fileName,
    header: first.record.map(normalise),
    rows: rest.map(({ record, info }) => ({ fields: record, line: info.lines })),
  };
}

/** Finds each column by any of its names; a required one missing refuses the file, naming the header line. */
function locate<Key extends string>(records: Records, specs: Record<Key, ColumnSpec>) {
  const found = {} as Record<Key, number>;
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(specs) as [Key, ColumnSpec][]) {
    found[key] = records.header.findIndex((name) => spec.names.includes(name));
    if (found[key] < 0 && spec.required) missing.push(spec.names[0] as string);
  }
  if (missing.length)
    throw new ValidationError([
      {
        field: `${records.fileName} line 1`,
        message: `the header must have the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
      },
    ]);
  return (fields: string[], key: Key) => (found[key] < 0 ? '' : (fields[found[key]] ?? ''));
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date as OPCCs write it (31/10/2026) or ISO (2026-10-31). */
export function readDate(text: string): IsoDate | null {
  const uk = UK_DATE.exec(text);
  if (uk) {
    try {
      return calendarDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
    } catch {
      return null;
    }
  }
  return isIsoDate(text) ? text : null;
}

const MONEY = /^(-)?£?(\d{1,3}(,\d{3})+|\d+)(\.(\d{1,2}))?$/;

/** Pounds as written ("£1,234.50", "-612.00", "(612.00)" for a credit) as whole pence; null if unreadable. */
export function readPence(text: string): number | null {
  const bracketed = /^\((.*)\)$/.exec(text.trim());
  const match = MONEY.exec((bracketed ? `-${bracketed[1]}` : text.trim()).replace(/^-£/, '-'));
  if (!match) return null;
  const pounds = Number((match[2] as string).replaceAll(',', ''));
  const pence = Number((match[5] ?? '0').padEnd(2, '0'));
  const value = pounds * 100 + pence;
  if (!Number.isSafeInteger(value)) return null;
  return match[1] ? -value : value;
}

export interface SpendingLine {
  line: number;
  paidOn: IsoDate;
  supplier: string;
  amountPence: number;
  category: string;
  serviceArea: string;
  transactionNumber: string | null;
}

const SPENDING_COLUMNS = {
  date: { names: ['date', 'transaction date', 'payment date', 'date paid'], required: true },
  supplier: { names: ['supplier', 'supplier name', 'payee', 'vendor'], required: true },
  amount: { names: ['amount', 'net amount', 'amount paid', 'value'], required: true },
  category: {
    names: ['expense category', 'expense type', 'category', 'expenditure category'],
    required: true,
  },
  service: { names: ['service area', 'service', 'department', 'service division'], required: true },
  transaction: {
    names: ['transaction number', 'transaction no', 'transaction id', 'transaction reference'],
    required: false,
  },
} satisfies Record<string, ColumnSpec>;

function requiredCell(value: string, at: string, column: string, errors: FieldError[]): string {
  if (!value) errors.push({ field: `${at}, ${column}`, message: 'is empty' });
  return value;
}

/**
 * A month of spending over £500 (`YYYY-MM`): every line's date must fall in it. Amounts may be credits
 * (negative) but not nil; a line of £500 or less is kept, since OPCCs split an invoice over £500 across budgets.
 */
export function parseSpendingCsv(text: string, fileName: string, month: string): SpendingLine[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new ValidationError([{ field: 'month', message: `${month} is not a month like 2026-10` }]);
  const records = readRecords(text, fileName);
  const cell = locate(records, SPENDING_COLUMNS);
  const errors: FieldError[] = [];
  const lines = records.rows.map(({ fields, line }) => {
    const at = `${fileName} line ${line}`;
    const paidOn = readDate(cell(fields, 'date'));
    if (!paidOn)
      errors.push({
        field: `${at}, date`,
        message: `“${cell(fields, 'date')}” is not a date like 31/10/2026`,
      });
    else if (!paidOn.startsWith(month))
      errors.push({ field: `${at}, date`, message: `${paidOn} is not in the month being loaded, ${month}` });
    const amountPence = readPence(cell(fields, 'amount'));
    if (amountPence === null)
      errors.push({
        field: `${at}, amount`,
        message: `“${cell(fields, 'amount')}” is not an amount in pounds like 1,234.56`,
      });
    else if (amountPence === 0) errors.push({ field: `${at}, amount`, message: 'is nil' });
    return {
      line,
      paidOn: paidOn ?? '',
      supplier: requiredCell(cell(fields, 'supplier'), at, 'supplier', errors),
      amountPence: amountPence ?? 0,
      category: requiredCell(cell(fields, 'category'), at, 'expense category', errors),
      serviceArea: requiredCell(cell(fields, 'service'), at, 'service area', errors),
      transactionNumber: cell(fields, 'transaction') || null,
    };
  });
  const numbers = new Map<string, number>();
  for (const line of lines) {
    if (!line.transactionNumber) continue;
    const earlier = numbers.get(line.transactionNumber);
    if (earlier !== undefined)
      errors.push({
        field: `${fileName} line ${line.line}, transaction number`,
        message: `${line.transactionNumber} is also on line ${earlier}`,
      });
    else numbers.set(line.transactionNumber, line.line);
  }
  if (errors.length) throw new ValidationError(errors);
  return lines;
}

export interface ContractLine {
  line: number;
  reference: string;
  title: string;
  supplier: string;
  valuePence: number;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  procurementRoute: string;
}

const CONTRACT_COLUMNS = {
  reference: { names: ['reference', 'contract reference', 'contract number'], required: true },
  title: { names: ['title', 'contract title', 'description'], required: true },
  supplier: { names: ['supplier', 'supplier name'], required: true },
  value: { names: ['value', 'contract value', 'total value'], required: true },
  start: { names: ['start date', 'start'], required: true },
  end: { names: ['end date', 'end'], required: false },
  route: { names: ['procurement route', 'procurement method', 'route'], required: true },
} satisfies Record<string, ColumnSpec>;

function contractDates(at: string, startText: string, endText: string, errors: FieldError[]) {
  const startsOn = readDate(startText);
  if (!startsOn)
    errors.push({ field: `${at}, start date`, message: `“${startText}” is not a date like 01/04/2026` });
  const endsOn = endText ? readDate(endText) : null;
  if (endText && !endsOn)
    errors.push({ field: `${at}, end date`, message: `“${endText}” is not a date like 31/03/2029` });
  if (startsOn && endsOn && endsOn < startsOn)
    errors.push({ field: `${at}, end date`, message: `${endsOn} is before the start, ${startsOn}` });
  return { startsOn: startsOn ?? '', endsOn };
}

/** The body's contracts over £10,000, one a line, each named by the body's own reference. */
export function parseContractsCsv(text: string, fileName: string): ContractLine[] {
  const records = readRecords(text, fileName);
  const cell = locate(records, CONTRACT_COLUMNS);
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const lines = records.rows.map(({ fields, line }) => {
    const at = `${fileName} line ${line}`;
    const reference = requiredCell(cell(fields, 'reference'), at, 'reference', errors);
    const earlier = seen.get(reference);
    if (reference && earlier !== undefined)
      errors.push({ field: `${at}, reference`, message: `${reference} is also on line ${earlier}` });
    seen.set(reference, line);
    const valuePence = readPence(cell(fields, 'value'));
    if (valuePence === null)
      errors.push({
        field: `${at}, value`,
        message: `“${cell(fields, 'value')}” is not an amount in pounds`,
      });
    else if (valuePence <= 1_000_000)
      errors.push({
        field: `${at}, value`,
        message: 'is not over £10,000, so is not a contract this register lists',
      });
    return {
      line,
      reference,
      title: requiredCell(cell(fields, 'title'), at, 'title', errors),
      supplier: requiredCell(cell(fields, 'supplier'), at, 'supplier', errors),
      valuePence: valuePence ?? 0,
      ...contractDates(at, cell(fields, 'start'), cell(fields, 'end'), errors),
      procurementRoute: requiredCell(cell(fields, 'route'), at, 'procurement route', errors),
    };
  });
  if (errors.length) throw new ValidationError(errors);
  return lines;
}
