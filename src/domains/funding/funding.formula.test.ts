import { describe, expect, it } from 'vitest';
import { allocateByFormula, FormulaError, retainedPence, scaledValue } from './funding.formula.ts';

const criterion = (code: string, weight: number, values: Record<string, string | number>) => ({
  code,
  weight,
  values: new Map(Object.entries(values)),
});
const amounts = (lines: { areaCode: string; amountPence: number }[]) =>
  Object.fromEntries(lines.map((line) => [line.areaCode, line.amountPence]));

describe('the formula allocation, worked by hand', () => {
  it('gives the leftover penny to the largest remainder: 1,000p by 1:2 is 333p and 667p', () => {
    // Exact amounts 333.33… and 666.66…: whole pence 333 + 666 = 999, one penny left, B's remainder is larger.
    const lines = allocateByFormula(1000, ['B', 'A'], [criterion('population', 100, { A: 1, B: 2 })]);
    expect(amounts(lines)).toEqual({ A: 333, B: 667 });
    expect(lines.map((line) => line.sharePercent)).toEqual(['33.333', '66.667']);
  });

  it('breaks ties by authority code, whatever order the authorities come in', () => {
    // 100p in three equal shares: 33.33… each, one penny left for three equal remainders: the first code.
    const equal = criterion('population', 100, { E3: 5, E1: 5, E2: 5 });
    expect(amounts(allocateByFormula(100, ['E3', 'E2', 'E1'], [equal]))).toEqual({ E1: 34, E2: 33, E3: 33 });
    expect(amounts(allocateByFormula(100, ['E1', 'E2', 'E3'], [equal]))).toEqual({ E1: 34, E2: 33, E3: 33 });
    // 101p: two pennies left, to E1 and E2.
    expect(amounts(allocateByFormula(101, ['E2', 'E3', 'E1'], [equal]))).toEqual({ E1: 34, E2: 34, E3: 33 });
  });

  it('weighs each criterion by its share of that criterion’s total', () => {
    // A: 60% × 100/400 + 40% × 50/100 = 15% + 20% = 35% of 10,000p; B the other 65%.
    const lines = allocateByFormula(
      10_000,
      ['A', 'B'],
      [criterion('population', 60, { A: 100, B: 300 }), criterion('crimes', 40, { A: 50, B: 50 })],
    );
    expect(amounts(lines)).toEqual({ A: 3500, B: 6500 });
    expect(lines[0]?.sharePercent).toBe('35.000');
  });

  it('takes supplied decimal values exactly, and an authority with no value as nought', () => {
    const lines = allocateByFormula(
      400,
      ['A', 'B', 'C'],
      [criterion('deprivation', 100, { A: '0.5', B: '1.5' })],
    );
    expect(amounts(lines)).toEqual({ A: 100, B: 300, C: 0 });
  });

  it('always adds up exactly to the pot', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed;
    };
    for (let round = 0; round < 50; round += 1) {
      const codes = Array.from({ length: 2 + (next() % 12) }, (_, index) => `E${index}`);
      const values = (scale: number) => Object.fromEntries(codes.map((code) => [code, next() % scale]));
      const pot = next() % 500_000_000;
      const weight = next() % 101;
      const lines = allocateByFormula(pot, codes, [
        criterion('population', weight, { ...values(900_000), E0: 1 }),
        criterion('crimes', 100 - weight, { ...values(40_000), E1: 3 }),
      ]);
      expect(lines.reduce((sum, line) => sum + line.amountPence, 0)).toBe(pot);
    }
  });

  it('refuses weights that do not add up to 100, a criterion with nothing to share by, and a bad value', () => {
    expect(() =>
      allocateByFormula(100, ['A'], [criterion('a', 60, { A: 1 }), criterion('b', 30, { A: 1 })]),
    ).toThrow('The weights must add up to 100; they add up to 90');
    expect(() => allocateByFormula(100, ['A'], [criterion('crimes', 100, { A: 0 })])).toThrow(FormulaError);
    expect(() => scaledValue('-1')).toThrow('is not a non-negative number');
    expect(() => scaledValue('1.23456')).toThrow('at most four decimals');
    expect(scaledValue('12.5')).toBe(125_000n);
  });

  it('rounds the retained share down to the penny, so part pennies go to the authorities', () => {
    expect(retainedPence(100_001, 1000)).toBe(10_000);
    expect(retainedPence(1_234_567, 1000)).toBe(123_456);
    expect(retainedPence(500, 0)).toBe(0);
  });
});
