import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../kernel/errors.ts';
import { dutyStatus, type Evidence, laterEvidence } from './transparency.cadence.ts';
import { parseContractsCsv, parseSpendingCsv, readPence } from './transparency.csv.ts';
import { DUTIES } from './transparency.duties.ts';

const evidence = (metOn: string, period: string | null = null): Evidence => ({
  metOn,
  period,
  href: null,
  label: '',
});

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors.map((problem) => `${problem.field}: ${problem.message}`);
  }
  throw new Error('expected the file to be refused');
}

describe('when a duty is met', () => {
  it('counts a month late only once the month after it has ended', () => {
    const monthly = { kind: 'monthly' } as const;
    expect(dutyStatus(monthly, evidence('2026-11-20', '2026-10'), '2026-12-04')).toMatchObject({
      state: 'met',
      dueBy: '2026-12-31',
    });
    expect(dutyStatus(monthly, evidence('2026-10-20', '2026-09'), '2026-11-30').state).toBe('met');
    expect(dutyStatus(monthly, evidence('2026-10-20', '2026-09'), '2026-12-01')).toEqual({
      state: 'overdue',
      dueBy: '2026-11-30',
      reason: 'Published only to 2026-09; 2026-10 was due by 2026-11-30',
    });
  });

  it('wants a financial year’s budget before 1 April, and years across the new year', () => {
    const yearly = { kind: 'before-financial-year' } as const;
    expect(dutyStatus(yearly, evidence('2026-02-20', '2026-27'), '2027-03-31').state).toBe('met');
    expect(dutyStatus(yearly, evidence('2026-02-20', '2026-27'), '2027-04-01')).toMatchObject({
      state: 'overdue',
      reason: 'Published only for 2026-27; 2027-28 was due by 2027-03-31',
    });
    expect(dutyStatus(yearly, evidence('2099-02-20', '2099-00'), '2100-01-01').state).toBe('met');
  });

  it('asks for a yearly or quarterly refresh, and nothing of a duty met as things happen', () => {
    expect(dutyStatus({ kind: 'annual' }, evidence('2025-12-04'), '2026-12-04').state).toBe('met');
    expect(dutyStatus({ kind: 'annual' }, evidence('2025-12-03'), '2026-12-04').state).toBe('overdue');
    expect(dutyStatus({ kind: 'quarterly' }, evidence('2026-08-31'), '2026-12-31').dueBy).toBe('2026-12-31');
    expect(dutyStatus({ kind: 'as-it-happens' }, evidence('2019-01-01'), '2026-12-04').state).toBe('met');
    expect(dutyStatus({ kind: 'annual' }, null, '2026-12-04').state).toBe('missing');
    expect(
      dutyStatus({ kind: 'as-it-happens' }, { ...evidence('2026-01-01'), late: 'No response' }, '2026-12-04'),
    ).toEqual({
      state: 'overdue',
      dueBy: null,
      reason: 'No response',
    });
  });

  it('takes the later of two pieces of evidence by period, then by date', () => {
    expect(laterEvidence(evidence('2026-12-01', '2026-09'), evidence('2026-11-01', '2026-10'))?.period).toBe(
      '2026-10',
    );
    expect(laterEvidence(null, evidence('2026-11-01'))?.metOn).toBe('2026-11-01');
  });

  it('lists every duty once, each with a cadence and a note where it was not checked against the Order', () => {
    const codes = DUTIES.map((duty) => duty.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['3(g)', '4(b)', '5(d)', '7A', '7B', '7C', '2(e)']));
    for (const duty of DUTIES.filter((each) => each.textChecked !== 'order'))
      expect(duty.cadenceNote ?? duty.note, duty.code).toBeTruthy();
  });
});

const HEADER = 'Transaction Date,Transaction Number,Supplier Name,Expense Type,Service Area,Amount (£)';

describe('reading a spending CSV', () => {
  it('reads pounds as pence, credits included', () => {
    expect(readPence('£1,234.5')).toBe(123450);
    expect(readPence('-612.00')).toBe(-61200);
    expect(readPence('(612.00)')).toBe(-61200);
    expect(readPence('12,34.00')).toBeNull();
    expect(readPence('1.234')).toBeNull();
  });

  it('reads the layout OPCCs publish, with the header’s own names', () => {
    const lines = parseSpendingCsv(
      `${HEADER}\r\n03/10/2026,TV1,Acme Ltd,Fuel,Fleet,"1,250.00"\r\n31/10/2026,,Beta LLP,Energy,Estates,-600\r\n`,
      'oct.csv',
      '2026-10',
    );
    expect(lines).toEqual([
      {
        line: 2,
        paidOn: '2026-10-03',
        supplier: 'Acme Ltd',
        amountPence: 125000,
        category: 'Fuel',
        serviceArea: 'Fleet',
        transactionNumber: 'TV1',
      },
      {
        line: 3,
        paidOn: '2026-10-31',
        supplier: 'Beta LLP',
        amountPence: -60000,
        category: 'Energy',
        serviceArea: 'Estates',
        transactionNumber: null,
      },
    ]);
  });

  it('names every problem by line and column', () => {
    const text = [
      HEADER,
      '03/11/2026,TV1,Acme Ltd,Fuel,Fleet,100.00',
      '31/02/2026,TV2,,Fuel,Fleet,abc',
      '04/10/2026,TV1,Acme Ltd,,Fleet,0',
    ].join('\n');
    expect(problems(() => parseSpendingCsv(text, 'oct.csv', '2026-10'))).toEqual([
      'oct.csv line 2, date: 2026-11-03 is not in the month being loaded, 2026-10',
      'oct.csv line 3, date: “31/02/2026” is not a date like 31/10/2026',
      'oct.csv line 3, amount: “abc” is not an amount in pounds like 1,234.56',
      'oct.csv line 3, supplier: is empty',
      'oct.csv line 4, amount: is nil',
      'oct.csv line 4, expense category: is empty',
      'oct.csv line 4, transaction number: TV1 is also on line 2',
    ]);
    expect(
      problems(() => parseSpendingCsv('Date,Supplier,Amount\n01/10/2026,A,1', 'x.csv', '2026-10')),
    ).toEqual(['x.csv line 1: the header must have the columns expense category, service area']);
  });

  it('refuses a contract of £10,000 or less and an end before the start', () => {
    const text = [
      'Reference,Title,Supplier,Contract Value,Start Date,End Date,Procurement Route',
      'C1,Cleaning,Acme Ltd,"10,000.00",01/04/2026,31/03/2025,Open tender',
    ].join('\n');
    expect(problems(() => parseContractsCsv(text, 'c.csv'))).toEqual([
      'c.csv line 2, value: is not over £10,000, so is not a contract this register lists',
      'c.csv line 2, end date: 2025-03-31 is before the start, 2026-04-01',
    ]);
  });
});
