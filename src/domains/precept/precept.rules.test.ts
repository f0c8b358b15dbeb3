import { describe, expect, it } from 'vitest';
import {
  describeVetoArithmetic,
  dueOn,
  exceedsReferendumLimit,
  isOnTime,
  isVetoCarried,
  preceptIncomePence,
  revisedPreceptProblem,
  vetoVotesNeeded,
} from './precept.rules.ts';

describe('the precept’s statutory rules', () => {
  it('counts a veto on two-thirds of the whole membership at the time (Sch 5 para 4(4))', () => {
    expect(vetoVotesNeeded(20)).toBe(14);
    expect(isVetoCarried(13, 20)).toBe(false);
    expect(isVetoCarried(14, 20)).toBe(true);
    // Ten present, all for: two-thirds of those present, not of the twenty members.
    expect(isVetoCarried(10, 20)).toBe(false);
    expect(vetoVotesNeeded(9)).toBe(6);
    expect(isVetoCarried(6, 9)).toBe(true);
    expect(vetoVotesNeeded(19)).toBe(13);
    expect(vetoVotesNeeded(10)).toBe(7);
    expect(isVetoCarried(0, 0)).toBe(false);
  });

  it('spells the arithmetic out in words', () => {
    expect(describeVetoArithmetic(10, 20)).toBe(
      'The Panel had 20 members at the time. A veto needs at least two-thirds of them, present or not: 14 votes (20 × 2 ÷ 3 = 13⅓, rounded up). 10 members voted for it, so there is no veto: those present or voting do not count, the whole membership does.',
    );
    expect(describeVetoArithmetic(6, 9)).toContain(
      '6 votes (9 × 2 ÷ 3 = 6). 6 members voted for it, so the veto was carried.',
    );
  });

  it('gives each step its date in the relevant financial year (SI 2012/2271 regs 3 to 6), inclusively', () => {
    expect(dueOn('proposal', 2025)).toBe('2025-02-01');
    expect(dueOn('report', 2025)).toBe('2025-02-08');
    expect(dueOn('response', 2025)).toBe('2025-02-15');
    expect(dueOn('revisedReport', 2025)).toBe('2025-02-22');
    expect(dueOn('issue', 2025)).toBe('2025-03-01');
    expect(isOnTime('report', 2025, '2025-02-08')).toBe(true);
    expect(isOnTime('report', 2025, '2025-02-09')).toBe(false);
  });

  it('wants a revised precept lower after a veto as too high, higher after too low (reg 5(3))', () => {
    expect(revisedPreceptProblem('too-high', 25_000, 25_000)).toContain('must be lower');
    expect(revisedPreceptProblem('too-high', 25_000, 24_999)).toBeNull();
    expect(revisedPreceptProblem('too-low', 25_000, 24_000)).toContain('must be higher');
    expect(revisedPreceptProblem('too-low', 25_000, 25_001)).toBeNull();
  });

  it('measures the rise against the year’s referendum limit, and the yield in whole pence', () => {
    expect(exceedsReferendumLimit(25_000, 23_600, 1_400)).toBe(false);
    expect(exceedsReferendumLimit(25_001, 23_600, 1_400)).toBe(true);
    expect(exceedsReferendumLimit(25_001, null, 1_400)).toBeNull();
    expect(preceptIncomePence(25_000, 10_000_050)).toBe(2_500_012_500);
  });
});
