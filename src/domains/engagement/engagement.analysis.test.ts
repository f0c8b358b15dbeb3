import { describe, expect, it } from 'vitest';
import { analyse, cellsToSuppress, publishable, type ResponseAnswers } from './engagement.analysis.ts';
import type { SurveyQuestion } from './engagement.answers.ts';
import { wilsonInterval } from './engagement.wilson.ts';

const SAFE: SurveyQuestion = {
  id: 1,
  code: 'safe',
  kind: 'single',
  text: 'How safe do you feel?',
  hint: null,
  required: true,
  contact: false,
  options: [
    { code: 'safe', label: 'Safe' },
    { code: 'unsafe', label: 'Unsafe' },
    { code: 'unsure', label: 'Not sure' },
  ],
};
const WORRIES: SurveyQuestion = {
  ...SAFE,
  id: 2,
  code: 'worries',
  kind: 'multiple',
  options: [
    { code: 'burglary', label: 'Burglary' },
    { code: 'speeding', label: 'Speeding' },
  ],
};
const SAY: SurveyQuestion = { ...SAFE, id: 3, code: 'say', kind: 'text', options: [] };

/** `n` responses answering safe, and worries as given, online. */
function responses(n: number, safe: string, worries: string[] = [], say?: string): ResponseAnswers[] {
  return Array.from({ length: n }, () => ({
    channel: 'online' as const,
    answers: new Map<number, string[]>([
      [1, [safe]],
      ...(worries.length ? ([[2, worries]] as [number, string[]][]) : []),
      ...(say ? ([[3, [say]]] as [number, string[]][]) : []),
    ]),
  }));
}

describe('survey analysis', () => {
  const all = [
    ...responses(30, 'safe', ['burglary', 'speeding']),
    ...responses(12, 'unsafe', ['burglary'], 'Cars go too fast'),
    ...responses(3, 'unsure'),
  ];

  it('counts each choice of those who answered, with its 95% Wilson interval', () => {
    const results = analyse([SAFE, WORRIES, SAY], all);
    expect(results.responses).toBe(45);
    const [safe, worries, say] = results.questions;
    expect(safe?.answered).toBe(45);
    expect(safe?.options.map((option) => option.count)).toEqual([30, 12, 3]);
    expect(safe?.options[0]?.percent).toBeCloseTo((100 * 30) / 45, 10);
    const expected = wilsonInterval(30, 45);
    expect(safe?.options[0]?.low).toBeCloseTo(100 * expected.low, 10);
    expect(safe?.options[0]?.high).toBeCloseTo(100 * expected.high, 10);
    // Multiple choice: shares of the 42 who answered, which add up to more than 100.
    expect(worries?.answered).toBe(42);
    expect(worries?.options.map((option) => option.count)).toEqual([42, 30]);
    // Free text is counted, never broken down.
    expect(say?.answered).toBe(12);
    expect(say?.options).toEqual([]);
  });

  it('publishes no count under 10, and hides the next smallest where one hidden cell could be worked out', () => {
    const published = publishable(analyse([SAFE, WORRIES], all));
    const [safe, worries] = published.questions;
    // 3 is hidden, and so is 12, or 45 − 30 would give the 3 away.
    expect(safe?.options.map((option) => option.count)).toEqual([30, null, null]);
    expect(safe?.options[1]?.percent).toBeNull();
    expect(worries?.options.map((option) => option.count)).toEqual([42, 30]);
    expect(published.responses).toBe(45);
    expect(published.channels).toEqual([{ channel: 'online', count: 45 }]);
  });

  it('publishes nothing of a question fewer than 10 answered', () => {
    const published = publishable(analyse([SAFE], responses(9, 'safe')));
    expect(published.responses).toBeNull();
    expect(published.questions[0]?.answered).toBeNull();
    expect(published.questions[0]?.options.every((option) => option.count === null)).toBe(true);
  });

  it('chooses cells to suppress', () => {
    expect([...cellsToSuppress([50, 20, 15], true)]).toEqual([]);
    expect([...cellsToSuppress([50, 20, 5], true)].sort()).toEqual([1, 2]);
    expect([...cellsToSuppress([50, 20, 5], false)]).toEqual([2]);
    expect([...cellsToSuppress([50, 4, 5], true)].sort()).toEqual([1, 2]);
  });
});
