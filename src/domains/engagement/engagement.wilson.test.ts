import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './engagement.wilson.ts';

/** Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, no correction). */
const NEWCOMBE = [
  { x: 81, n: 263, low: 0.2553, high: 0.3662 },
  { x: 15, n: 148, low: 0.0624, high: 0.1605 },
  { x: 0, n: 20, low: 0, high: 0.1611 },
  { x: 1, n: 29, low: 0.0061, high: 0.1718 },
];

describe('the 95% Wilson score interval', () => {
  it.each(NEWCOMBE)('gives Newcombe’s interval for $x of $n', ({ x, n, low, high }) => {
    const interval = wilsonInterval(x, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('is symmetric about a half, and mirrors for x and n − x', () => {
    const half = wilsonInterval(5, 10);
    expect(half.low + half.high).toBeCloseTo(1, 12);
    const a = wilsonInterval(3, 17);
    const b = wilsonInterval(14, 17);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it('ends at exactly 0 and 1, says nothing about no trials, and refuses impossible counts', () => {
    expect(wilsonInterval(0, 5).low).toBe(0);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 5)).toThrow(RangeError);
  });
});
