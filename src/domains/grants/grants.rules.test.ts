import { describe, expect, it } from 'vitest';
import { describeTotal, financialYearOf, parseInstalments, weightedTotal } from './grants.rules.ts';

describe('grants’ rules', () => {
  it('weights scores in whole numbers out of 500 and shows the per cent worked in integers', () => {
    expect(
      weightedTotal([
        { weight: 60, score: 4 },
        { weight: 40, score: 3 },
      ]),
    ).toBe(360);
    expect(describeTotal(333)).toBe('333 out of 500 (66.6%)');
  });

  it('puts March in the financial year that began the April before', () => {
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
    expect(financialYearOf('2026-04-01')).toBe('2026-27');
    expect(financialYearOf('2099-04-01')).toBe('2099-00');
  });

  it('reads a payment schedule that adds up exactly, and names each bad line', () => {
    expect(parseInstalments('2026-05-01 £1,500.50\n2026-09-01 999.50', 250_000)).toEqual({
      instalments: [
        { dueOn: '2026-05-01', amountPence: 150_050 },
        { dueOn: '2026-09-01', amountPence: 99_950 },
      ],
      errors: [],
    });
    expect(parseInstalments('2026-02-30 £10\n2026-05-01 £0\n2026-04-01 £5', 1500).errors).toEqual([
      { field: 'instalments', message: 'Line 1 must be a date and an amount, like 2026-05-01 £2,500.00' },
      { field: 'instalments', message: 'Line 2: the amount must be more than £0' },
      { field: 'instalments', message: 'Line 3 is due before the line above it' },
    ]);
    expect(parseInstalments('2026-05-01 £10', 1500).errors[0]?.message).toBe(
      'The instalments add up to £10.00, not the award’s £15.00',
    );
  });
});
